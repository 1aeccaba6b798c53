"""`library info|list|show|check|graph|schema` as library authors and scripts use them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Cli, LibraryFactory, module, session


@pytest.fixture
def library(make_library: LibraryFactory) -> Path:
    return make_library(
        [
            module("intro", core=True, placement="first", summary="Start here."),
            module(
                "a",
                requires=["intro"],
                addresses=["n1"],
                sessions=[session("one"), session("two", optional=True)],
            ),
            module("b", requires_any=[["a", "intro"]], after=["a"], excludes=["c"]),
            module("c", track="faith"),
        ],
        info={
            "needs": [{"id": "n1", "title": "Need one", "dimension": "engagement"}],
            "dimensions": [{"id": "engagement", "title": "Engagement"}],
            "screening": [
                {"id": "ready", "question": "Ready?", "caution_if": False, "caution": "Go slowly."}
            ],
        },
    )


def test_list_json_follows_the_contract(cli: Cli, library: Path) -> None:
    # Each module has exactly the documented keys, sessions in brief, in library order.
    listed = json.loads(cli("--library", str(library), "library", "list", "--json").stdout)
    assert [m["id"] for m in listed] == ["a", "b", "c", "intro"]
    assert set(listed[0]) == {
        "id", "title", "track", "summary", "addresses", "requires", "requires_any", "after",
        "excludes", "placement", "core", "sessions",
    }  # fmt: skip
    assert listed[0]["sessions"] == [
        {"id": "one", "title": "One", "minutes": 60, "optional": False},
        {"id": "two", "title": "Two", "minutes": 60, "optional": True},
    ]
    assert listed[1]["requires_any"] == [["a", "intro"]]


def test_list_json_is_the_same_from_the_cache(cli: Cli, library: Path) -> None:
    # The cached listing equals a fresh one, and an edited library is listed afresh.
    args = ("--library", str(library), "library", "list", "--json")
    first, second = cli(*args).stdout, cli(*args).stdout
    assert first == second
    (library / "c.toml").write_text(
        (library / "c.toml").read_text().replace('title = "C"', 'title = "Sea"')
    )
    assert json.loads(cli(*args).stdout)[2]["title"] == "Sea"


def test_info_json_is_library_toml(cli: Cli, library: Path) -> None:
    # info --json gives library.toml with needs (and their dimensions), tracks and screening.
    info = json.loads(cli("--library", str(library), "library", "info", "--json").stdout)
    assert info["needs"] == [
        {"id": "n1", "title": "Need one", "dimension": "engagement", "description": ""}
    ]
    assert [t["id"] for t in info["tracks"]] == ["main", "faith"]
    assert info["screening"][0]["caution_if"] is False


def test_show_json_is_the_whole_module(cli: Cli, library: Path) -> None:
    # show --json has every field, sessions in full.
    shown = json.loads(cli("--library", str(library), "library", "show", "a", "--json").stdout)
    assert shown["sessions"][0]["facilitator_notes"] == ""
    assert shown["requires"] == ["intro"]


def test_show_unknown_module_suggests(cli: Cli, library: Path) -> None:
    # An unknown module id gets a suggestion and exit 1.
    result = cli("--library", str(library), "library", "show", "intr", exit_code=1)
    assert result.stderr == "error: unknown module 'intr' (did you mean 'intro'?)\n"


def test_show_renders_tree_and_dependents(cli: Cli, library: Path) -> None:
    # The terminal view shows sessions, what the module needs first, and what builds on it.
    output = cli("--library", str(library), "library", "show", "a").stdout
    assert "intro (requires)" in output
    assert "Builds on it: b" in output


def test_check_reports_three_defects_in_three_files(cli: Cli, make_library: LibraryFactory) -> None:
    # One run lists every defect with its file and line, exit 1, no traceback.
    folder = make_library(
        [
            module("a", requires=["missing"]),
            module("b", track="nowhere"),
            module("c", placement="middle"),
        ],
        name="broken",
    )
    result = cli("library", "check", str(folder), exit_code=1)
    lines = [line.replace(f"{folder}/", "") for line in result.stderr.splitlines()]
    assert lines == [
        "error: c.toml:4: placement: 'middle' is not allowed: use 'first', 'any' or 'last'",
        "error: a.toml:5: requires[0]: unknown module 'missing'",
        "error: b.toml:3: track: unknown track 'nowhere'",
        f"✗ 3 errors, 0 warnings in {folder}",
    ]
    report = json.loads(cli("library", "check", str(folder), "--json", exit_code=1).stdout)
    assert report["ok"] is False
    assert report["errors"][1] == {
        "file": f"{folder}/a.toml",
        "line": 5,
        "location": "requires[0]",
        "message": "unknown module 'missing'",
    }
    assert report["warnings"] == []


def test_check_ok_with_warnings_exits_0(cli: Cli, library: Path) -> None:
    # Warnings are shown but do not fail the check.
    (library / "c.toml").write_text((library / "c.toml").read_text())
    result = cli("library", "check", str(library))
    assert "✓ Test library 1: 4 modules, 5 sessions, 1 need; 0 warnings" in result.stderr


def test_a_broken_library_stops_other_commands_with_a_pointer(
    cli: Cli, make_library: LibraryFactory
) -> None:
    # Commands that need the library say it is broken and point at `library check`.
    folder = make_library([module("a", requires=["missing"])], name="broken")
    result = cli("--library", str(folder), "library", "list", exit_code=1)
    assert result.stderr.startswith(
        f"error: {folder}/a.toml:5: requires[0]: unknown module 'missing'\n"
    )
    assert "hint: run `hii-planner library check` for the full report" in result.stderr


def test_library_from_the_environment(
    cli: Cli, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # HII_PLANNER_LIBRARY chooses the library like --library does.
    monkeypatch.setenv("HII_PLANNER_LIBRARY", str(library))
    assert json.loads(cli("library", "list", "--json").stdout)[0]["id"] == "a"


@pytest.mark.parametrize(
    ("output_format", "expected"),
    [
        pytest.param(
            "dot",
            [
                '"intro" -> "a" [style=solid, label="requires"];',
                '"a" -> "b" [style=dotted, label="after"];',
            ],
            id="dot",
        ),
        pytest.param(
            "mermaid",
            ["intro -->|requires| a", "a -.->|requires_any| b", "a ==>|after| b"],
            id="mermaid",
        ),
        pytest.param("tree", ["└── intro", "    ├── a", "    │   └── b"], id="tree"),
    ],
)
def test_graph_formats(cli: Cli, library: Path, output_format: str, expected: list[str]) -> None:
    # The graph shows prerequisite edges in each format.
    output = cli("--library", str(library), "library", "graph", "--format", output_format).stdout
    for line in expected:
        assert line in output


def test_graph_of_one_module_keeps_its_neighbourhood(cli: Cli, library: Path) -> None:
    # A module's graph has what it needs and what builds on it, nothing else.
    output = cli("--library", str(library), "library", "graph", "a", "-f", "mermaid").stdout
    assert "c[" not in output and "b[" in output and "intro[" in output


def test_version(cli: Cli) -> None:
    # --version prints the version and exits 0.
    from hii_planner import __version__

    assert cli("--version").stdout == f"hii-planner {__version__}\n"


def test_unknown_choices_exit_1(cli: Cli) -> None:
    # An unknown choice is a bad value (exit 1); an unknown option a usage error (exit 2).
    assert cli("library", "graph", "--format", "png", exit_code=1).exit_code == 1
    assert cli("plan", "new", "--cadence", "daily", exit_code=1).exit_code == 1
    assert cli("library", "graph", "--colour", exit_code=2).exit_code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["library", "list", "--json"],
        ["library", "check"],
        ["library", "show", "getting-started"],
        [
            "plan",
            "new",
            "--no-input",
            "--participant",
            "P-1",
            "--need",
            "mental-health",
            "--out",
            "-",
        ],
    ],
    ids=" ".join,
)
def test_non_interactive_commands_import_no_heavy_libraries(
    args: list[str], tmp_path: Path
) -> None:
    # Commands that do not need them never load questionary, prompt_toolkit or the PDF engine.
    code = (
        "import sys\n"
        f"sys.argv = ['hii-planner', *{args!r}]\n"
        "from hii_planner.cli.app import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('questionary', 'prompt_toolkit', 'typst', 'icalendar') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert "HEAVY []" in result.stderr, result.stderr
