"""Broken input never causes a traceback: only exit 0/1/2 with a message, and no data loss."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hii_planner import (
    PlanFileError,
    Problem,
    check_library,
    check_plan,
    default_library_path,
    load_library,
    read_plan,
)
from hii_planner.files.tomlsource import TomlDocument, key_lines, parse_toml
from tests.conftest import Cli, LibraryFactory, module
from tests.error_corpus import unwanted

SAMPLE_MODULE = (default_library_path() / "identity-and-belonging.toml").read_bytes()
FIXTURE = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)


def no_traceback(result_text: str) -> None:
    assert "Traceback" not in result_text


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\xff\xfe\x00\x01" * 50, id="binary"),
        pytest.param(b"a = [" * 5000, id="unclosed-nesting"),
        pytest.param(b"a = " + b"[" * 3000 + b"]" * 3000, id="deep-arrays"),
        pytest.param(b"a = " + b"{b = " * 3000 + b"1" + b"}" * 3000, id="deep-inline-tables"),
        pytest.param(b'a = """' + b"x" * 500_000, id="unterminated-long-string"),
        pytest.param(b"[[sessions]]\n" * 20_000, id="many-tables"),
        pytest.param('id = "ü"\r\n[[sessions]]\r\n'.encode(), id="crlf-unicode"),
    ],
)
def test_hostile_toml_gives_a_problem_or_data(raw: bytes) -> None:
    # The TOML reader returns data or a located problem for any bytes.
    parse_toml(raw, file="x.toml")


@settings(max_examples=200)
@given(cut=st.integers(min_value=0, max_value=len(SAMPLE_MODULE)))
def test_truncated_module_files_are_reported(cut: int) -> None:
    # A module file cut off anywhere parses or fails with a problem, and its keys still map to lines.
    result = parse_toml(SAMPLE_MODULE[:cut], file="m.toml")
    text = SAMPLE_MODULE[:cut].decode("utf-8", errors="replace")
    line_count = text.count("\n") + 1
    assert all(1 <= line <= line_count for line in key_lines(text).values())
    if isinstance(result, Problem):
        assert result.file == "m.toml" and result.message
        assert result.line is None or 1 <= result.line <= line_count
    else:
        assert isinstance(result, TomlDocument) and result.file == "m.toml"


@settings(max_examples=200)
@given(text=st.text(max_size=400))
def test_key_lines_never_fails(text: str) -> None:
    # The line finder copes with any text, TOML or not.
    key_lines(text)


def _echoable(size: int) -> st.SearchStrategy[str]:
    """Text that, echoed back in quotes, does not itself look like an internal (say '[a-z')."""
    return st.text(max_size=size).filter(lambda text: not unwanted(f"'{text}'"))


module_values = st.one_of(
    st.none(),
    st.integers(),
    _echoable(20),
    st.lists(_echoable(8), max_size=3),
    st.dictionaries(_echoable(8), st.integers(), max_size=2),
)


@FIXTURE
@given(
    field=st.sampled_from(
        [
            "id",
            "title",
            "track",
            "requires",
            "requires_any",
            "after",
            "excludes",
            "placement",
            "core",
            "sessions",
            "addresses",
            "extra",
        ]
    ),
    value=module_values,
)
def test_generated_broken_libraries_are_reported(
    make_library: LibraryFactory, tmp_path: Path, cli: Cli, field: str, value: object
) -> None:
    # A library with any field set to any value is checked with exit 0 or 1 and a message.
    import tomli_w

    folder = make_library(
        [module("a"), module("b", requires=["a"])], name=f"lib-{abs(hash((field, repr(value))))}"
    )
    data = module("b", requires=["a"])
    if value is None:
        data.pop(field, None)
    else:
        data[field] = value
    try:
        try:
            (folder / "b.toml").write_text(tomli_w.dumps(data))
        except (TypeError, ValueError):
            return  # not representable in TOML
        result = check_library(folder)
        assert result.ok or result.errors
        shown = cli("--library", str(folder), "library", "check", exit_code=0 if result.ok else 1)
        no_traceback(shown.stderr)
    finally:
        shutil.rmtree(folder)  # hypothesis may draw the same example (and name) again


@pytest.fixture
def plan_text(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    cli(
        "plan",
        "new",
        "--participant",
        "P-1",
        "--need",
        "mental-health",
        "--start",
        "2027-01-04",
        "--out",
        "p.toml",
    )
    return (tmp_path / "p.toml").read_text()


@FIXTURE
@given(data=st.data())
def test_hand_edited_plans_are_reported_and_never_rewritten(
    plan_text: str, tmp_path: Path, cli: Cli, data: st.DataObject
) -> None:
    # Deleting, duplicating or garbling any line of a plan gives exit 0 or 1, never a traceback,
    # and commands that would change the plan leave a broken file exactly as it was.
    lines = plan_text.splitlines()
    index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    action = data.draw(st.sampled_from(["delete", "duplicate", "garble", "truncate"]))
    if action == "delete":
        del lines[index]
    elif action == "duplicate":
        lines.insert(index, lines[index])
    elif action == "garble":
        lines[index] = data.draw(
            st.sampled_from(
                ["x", "= 1", "[[sessions]", 'status = "done"', "number = -1", "date = 2027-02-30"]
            )
        )
    else:
        lines = lines[:index]
    broken = "\n".join(lines) + "\n"
    path = tmp_path / "edited.toml"
    path.write_text(broken)
    try:
        consistent = check_plan(read_plan(path), load_library(default_library_path())).ok
        valid = True
    except PlanFileError:
        valid = consistent = False
    for args in (
        ("plan", "show", str(path)),
        ("plan", "export", str(path), "-f", "csv"),
    ):
        result = cli(*args, exit_code=0 if valid else 1)
        no_traceback(result.stderr)
    # plan check also fails a readable plan whose hand edit made it inconsistent.
    no_traceback(cli("plan", "check", str(path), exit_code=0 if consistent else 1).stderr)
    if not valid:
        result = cli("plan", "record", str(path), "1", "--status", "delivered", exit_code=1)
        no_traceback(result.stderr)
        assert path.read_text() == broken
