"""The public Python API: everything the CLI does, callable from `import hii_planner`."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import hii_planner
from hii_planner import (
    AnswersFileError,
    DeliveryError,
    FileAccessError,
    HiiPlannerError,
    LibraryError,
    MergeError,
    OutputExistsError,
    Plan,
    PlanFileError,
    Reason,
    RequestError,
    build_plan,
    check_library,
    clock,
    default_library_path,
    diff_plans,
    export_plan,
    library_mismatch,
    load_library,
    merge_plans,
    plan_progress,
    prepare_report,
    read_answers,
    read_plan,
    record_in_file,
    record_session,
    request_from,
    save_new_plan,
    why,
    write_report,
)
from tests.conftest import LibraryFactory, fixture_library, make_plan, module

START = dt.date(2027, 1, 4)


def test_importing_the_package_loads_no_models_or_terminal_code() -> None:
    # `import hii_planner` (and so `--version`) loads neither pydantic nor typer nor rich.
    code = (
        "import sys, hii_planner\n"
        "heavy = {'pydantic', 'typer', 'rich', 'questionary'}\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == ""


def test_catching_a_public_error_loads_no_models() -> None:
    # A caller can write `except hii_planner.PlanFileError` without paying for pydantic.
    errors = [n for n in hii_planner.__all__ if n.endswith("Error")]
    code = (
        f"import sys\nfrom hii_planner import {', '.join(errors)}\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stderr
    assert len(errors) == 13
    assert all(issubclass(getattr(hii_planner, n), hii_planner.HiiPlannerError) for n in errors)


def test_every_public_name_resolves_and_unknown_names_fail() -> None:
    # Each name in __all__ is importable; a typo is an AttributeError, not a silent None.
    for name in hii_planner.__all__:
        assert getattr(hii_planner, name) is not None
    assert set(dir(hii_planner)) == set(hii_planner.__all__)
    with pytest.raises(AttributeError, match="no attribute 'bulid_plan'"):
        _ = hii_planner.bulid_plan


def test_plan_from_python_end_to_end(tmp_path: Path) -> None:
    # The README's example: load the shipped library, build, save, record, explain, export.
    library = load_library(default_library_path())
    assert check_library(default_library_path()).ok
    need = library.info.needs[0].id
    start = clock.today() - dt.timedelta(days=28)  # so that session 1 can be recorded
    request = request_from({"participant": "P-0042", "needs": [need], "schedule": {"start": start}})
    result = build_plan(library, request, now=clock.now())
    path = save_new_plan(result.plan, tmp_path / "P-0042.toml")
    applied = record_in_file(
        path, 1, status="delivered", date=None, note="", not_engaged=False, now=clock.now()
    )
    plan = applied.plan
    assert applied.change.summary.startswith("session 1 delivered")
    assert read_plan(path).sessions[0].status == "delivered"
    assert plan_progress(plan, today=clock.today()).delivered == 1
    addressing = next(m for m in plan.modules if Reason.need(need) in m.reasons)
    assert why(plan, addressing.id).paths[0][0] == f"assessed need {need}"
    assert "P-0042,1," in export_plan(plan, "csv")
    assert diff_plans(plan, plan).empty


def test_read_plan_reports_a_file_that_is_not_a_plan(tmp_path: Path) -> None:
    # The one read → validate → problems path: a TOML file of another kind gets one problem.
    path = tmp_path / "other.toml"
    path.write_text('name = "not a plan"\n', encoding="utf-8")
    with pytest.raises(PlanFileError) as raised:
        read_plan(path)
    assert [p.message for p in raised.value.problems] == [
        'not a plan file (format = "hii-plan" is missing)'
    ]


def _broken_library(make_library: LibraryFactory, plan: Plan, folder: Path) -> object:
    return load_library(make_library([module("a", requires=["missing"])], name="broken"))


def _unknown_need(make_library: LibraryFactory, plan: Plan, folder: Path) -> object:
    library = load_library(make_library(name="small"))
    request = request_from({"participant": "P-0042", "needs": ["need-z"], "schedule": {}})
    return build_plan(library, request, now=clock.now())


def _answers_of_another_shape(make_library: LibraryFactory, plan: Plan, folder: Path) -> object:
    path = folder / "answers.toml"
    path.write_text("participant = 42\n", encoding="utf-8")
    return read_answers(path)


def _missing_plan(make_library: LibraryFactory, plan: Plan, folder: Path) -> object:
    return read_plan(folder / "missing.toml")


def _no_such_session(make_library: LibraryFactory, plan: Plan, folder: Path) -> object:
    return record_session(plan, 99, status="delivered", today=START)


def _plan_saved_twice(make_library: LibraryFactory, plan: Plan, folder: Path) -> object:
    save_new_plan(plan, folder / "P-0042.toml")
    return save_new_plan(plan, folder / "P-0042.toml")


def _merge_of_two_participants(make_library: LibraryFactory, plan: Plan, folder: Path) -> object:
    other = plan.model_copy(deep=True)
    other.participant.reference = "P-0043"
    return merge_plans(None, plan, other, now=clock.now())


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        pytest.param(_broken_library, LibraryError, "the library has 1 problem", id="library"),
        pytest.param(_unknown_need, RequestError, "need-z", id="request"),
        pytest.param(_answers_of_another_shape, AnswersFileError, "not a valid", id="answers"),
        pytest.param(_missing_plan, FileAccessError, "missing.toml", id="file-access"),
        pytest.param(_no_such_session, DeliveryError, "there is no session 99", id="delivery"),
        pytest.param(_plan_saved_twice, OutputExistsError, "already exists", id="output-exists"),
        pytest.param(_merge_of_two_participants, MergeError, "not copies of one", id="merge"),
    ],
)
def test_a_caller_catches_the_public_errors(
    make_library: LibraryFactory,
    tmp_path: Path,
    call: Callable[[LibraryFactory, Plan, Path], object],
    error: type[HiiPlannerError],
    message: str,
) -> None:
    # Each failure of an API call is one of the public error classes, with the one-line
    # message the command line prints (and a hint where there is advice).
    plan = make_plan(fixture_library(make_library), start=START)
    with pytest.raises(error) as raised:
        call(make_library, plan, tmp_path)
    assert isinstance(raised.value, HiiPlannerError)
    assert message in str(raised.value) and "\n" not in str(raised.value)
    assert all(line.strip() for line in raised.value.lines())


@pytest.mark.parametrize(
    ("output_format", "out", "expected_format", "expected_path"),
    [
        pytest.param(None, None, "markdown", None, id="default-markdown-to-stdout"),
        pytest.param(None, "-", "markdown", None, id="dash-is-stdout"),
        pytest.param(None, "report.html", "html", "report.html", id="format-from-suffix"),
        pytest.param(None, "R.PDF", "pdf", "R.PDF", id="suffix-any-case"),
        pytest.param("pdf", None, "pdf", "P-0042-report.pdf", id="pdf-gets-a-default-name"),
        pytest.param("markdown", "notes.pdf", "markdown", "notes.pdf", id="format-beats-suffix"),
    ],
)
def test_report_format_and_file(
    make_library: LibraryFactory,
    output_format: str | None,
    out: str | None,
    expected_format: str,
    expected_path: str | None,
) -> None:
    # `plan report` as a use case: the format comes from --format, else the file's suffix;
    # a PDF without --out gets REFERENCE-report.pdf.
    library = fixture_library(make_library)
    plan = make_plan(library, start=START)
    report = prepare_report(plan, library, today=START, output_format=output_format, out=out)  # type: ignore[arg-type]
    assert report.output_format == expected_format
    assert report.path == (Path(expected_path) if expected_path else None)
    assert report.warnings == ()


def test_a_report_with_another_library_leaves_its_details_out(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    # One library_mismatch(): the report warns and leaves need titles and marking out.
    library = fixture_library(make_library)
    other = load_library(make_library(info={"name": "Another"}, name="other"))
    plan = make_plan(library, start=START)
    assert library_mismatch(plan, other) == "made with the library 'Test library', not 'Another'"
    assert library_mismatch(plan, library) is None
    report = prepare_report(plan, other, today=START, out=str(tmp_path / "r.md"))
    assert report.warnings[0].startswith("the plan was made with the library 'Test library'")
    write_report(report)
    assert (tmp_path / "r.md").read_bytes() == report.data


def test_the_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The README's "Python API" example runs as written and saves the plan it promises.
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Python API", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    assert read_plan(tmp_path / "P-0042.toml").participant.reference == "P-0042"


def test_the_readme_error_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The README's second example catches PlanFileError and prints each located problem.
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Python API", 1)[1].split("```python", 2)[2].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "P-0042.toml").write_text('format = "hii-plan"\n', encoding="utf-8")
    exec(compile(example, "README.md", "exec"), {})
    assert "P-0042.toml: revision: missing required key" in capsys.readouterr().out.splitlines()
