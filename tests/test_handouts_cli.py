"""`hii-planner handouts` and `write_handouts`: the files written, their names and modes, errors."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from hii_planner import Library, write_handouts, write_plan
from hii_planner.handouts.outputs import MANIFEST
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan, module, pdf_pages
from tests.fixture_data import ALL_NEEDS, HANDOUT_MODULES, STAFF

SESSION_STEMS = [
    "01-hello",
    "02-no-handout",
    "03-questions",
    "04-sides",
    "05-belonging",
    "06-looking-ahead",
]


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library, "handouts")


@pytest.fixture
def plan_file(library: Library, tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "P-0042.toml"
    path.parent.mkdir()
    write_plan(path, make_plan(library, needs=ALL_NEEDS, holidays="none"))
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def names(folder: Path) -> list[str]:
    """The documents in *folder* (not the list of them that the command keeps)."""
    return sorted(p.name for p in folder.iterdir() if p.name != MANIFEST)


def test_handouts_writes_every_document_beside_the_plan(
    cli: Cli, library: Library, plan_file: Path
) -> None:
    # By default: PDFs for both audiences and the overview, in a private folder named after the plan.
    result = cli("--library", str(library.path), "handouts", str(plan_file))
    folder = plan_file.parent / "P-0042-handouts"
    assert names(folder) == sorted(
        ["00-plan-overview.pdf"]
        + [f"{stem}-{who}.pdf" for stem in SESSION_STEMS for who in ("participant", "facilitator")]
    )
    assert mode(folder) == 0o700
    assert {mode(p) for p in folder.iterdir()} == {0o600}
    assert result.stderr.strip() == (
        f"wrote 13 files to {folder} "
        "(6 participant handouts, 6 facilitator guides, 1 plan overview; PDF)"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param(
            ["--audience", "participant", "--format", "html"],
            [f"{stem}-participant.html" for stem in SESSION_STEMS],
            id="participant-html",
        ),
        pytest.param(
            ["--audience", "facilitator", "--format", "markdown", "--session", "4", "-s", "2"],
            ["02-no-handout-facilitator.md", "04-sides-facilitator.md"],
            id="facilitator-two-sessions",
        ),
        pytest.param(
            ["--session", "1", "--session", "1"],
            ["01-hello-facilitator.pdf", "01-hello-participant.pdf"],
            id="one-session-no-overview",
        ),
    ],
)
def test_audience_format_and_sessions_choose_the_files(
    cli: Cli,
    library: Library,
    plan_file: Path,
    tmp_path: Path,
    options: list[str],
    expected: list[str],
) -> None:
    # --audience, --format and --session pick which documents are written, and how.
    out = tmp_path / "out"
    cli("--library", str(library.path), "handouts", str(plan_file), "--out", str(out), *options)
    assert names(out) == sorted(expected)


def test_large_print_easy_read_and_paper_reach_the_files(
    cli: Cli, library: Library, plan_file: Path, tmp_path: Path
) -> None:
    # The layout options reach the documents.
    out = tmp_path / "out"
    cli(
        "--library", str(library.path), "handouts", str(plan_file), "--out", str(out),
        "--format", "html", "--audience", "participant", "--session", "1",
        "--large-print", "--easy-read", "--paper", "letter",
    )  # fmt: skip
    page = (out / "01-hello-participant.html").read_text(encoding="utf-8")
    assert "--body-size: 16pt" in page
    assert "size: letter;" in page
    assert "EASYREADTEXT" in page and "PARTICIPANTTEXT" not in page


def test_existing_files_are_replaced(
    cli: Cli, library: Library, plan_file: Path, tmp_path: Path
) -> None:
    # A second run replaces the files it writes (atomically) and leaves no temporary files.
    out = tmp_path / "out"
    out.mkdir()
    stale = out / "01-hello-participant.md"
    stale.write_text("old", encoding="utf-8")
    args = ["--library", str(library.path), "handouts", str(plan_file), "--out", str(out)]
    cli(*args, "--format", "markdown", "--session", "1")
    assert stale.read_text(encoding="utf-8").startswith("**OFFICIAL-SENSITIVE**")
    assert mode(stale) == 0o600
    assert names(out) == ["01-hello-facilitator.md", "01-hello-participant.md"]


def test_a_plan_the_library_does_not_match_is_an_error(
    cli: Cli, make_library: LibraryFactory, plan_file: Path, tmp_path: Path
) -> None:
    # Modules and sessions missing from the library are all named; nothing is written.
    other = make_library(
        [
            HANDOUT_MODULES[0],
            module("identity", requires=["welcome"], sessions=1),
            module("ending", core=True, placement="last"),
        ],
        info={"needs": [{"id": "need-a", "title": "A"}, {"id": "need-b", "title": "B"}]},
        name="other",
    )
    result = cli("--library", str(other), "handouts", str(plan_file), exit_code=1)
    assert result.stderr.splitlines() == [
        "warning: the library changed since this plan was made (1 then, 1 now; changed: "
        "ending.toml, identity.toml, library.toml; removed: faith-work.toml)",
        "error: 4 parts of the plan are not in the library 'Test library'",
        "  • module faith-work is not in the library 'Test library'",
        "  • session 4 (identity/sides) is not in the library 'Test library'",
        "  • session 5 (identity/belonging) is not in the library 'Test library'",
        "  • session 6 (ending/looking-ahead) is not in the library 'Test library'",
        "hint: run `hii-planner plan check FILE` for details, or pass --library with the "
        "library the plan was made from",
    ]
    assert not (plan_file.parent / "P-0042-handouts").exists()


def test_unknown_session_numbers_are_an_error(cli: Cli, library: Library, plan_file: Path) -> None:
    # Every unknown --session is named with the plan's range.
    result = cli(
        "--library", str(library.path), "handouts", str(plan_file),
        "--session", "9", "--session", "2", "--session", "7", exit_code=1,
    )  # fmt: skip
    assert result.stderr.splitlines() == [
        "error: 2 problems with the request",
        "  • session 7 is not in the plan (its sessions are numbered 1 to 6)",
        "  • session 9 is not in the plan (its sessions are numbered 1 to 6)",
        "hint: `hii-planner plan show FILE` lists the sessions",
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        pytest.param(["--format", "docx"], "Invalid value for '--format'", id="format"),
        pytest.param(["--session", "0"], "Invalid value for '--session'", id="session-zero"),
        pytest.param(["--paper", "a5"], "Invalid value for '--paper'", id="paper"),
    ],
)
def test_bad_option_values(cli: Cli, plan_file: Path, options: list[str], message: str) -> None:
    # Bad option values are a problem with the request (exit 1), as everywhere (#12.23).
    result = cli("handouts", str(plan_file), *options, exit_code=1)
    assert message in result.stderr


def test_a_missing_plan_file_is_an_error(cli: Cli, tmp_path: Path) -> None:
    # No traceback for a plan file that is not there.
    result = cli("handouts", str(tmp_path / "nope.toml"), exit_code=1)
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


def test_write_handouts_reports_progress_and_counts(library: Library, tmp_path: Path) -> None:
    # The library entry point: one progress call per file, in order, and the counts.
    calls: list[tuple[int, int, str]] = []
    written = write_handouts(
        make_plan(library, needs=ALL_NEEDS, holidays="none"),
        library,
        out_dir=tmp_path / "out",
        output_format="pdf",
        audience="participant",
        progress=lambda done, total, path: calls.append((done, total, path.name)),
    )
    assert calls == [
        (n, 6, f"{stem}-participant.pdf") for n, stem in enumerate(SESSION_STEMS, start=1)
    ]
    assert written.counts == {"participant": 6, "facilitator": 0, "overview": 0}
    for path in written.files:
        pages = pdf_pages(path.read_bytes())
        assert pages and all(STAFF not in page for page in pages)


def test_missed_and_cancelled_sessions_are_skipped_unless_asked_for(
    library: Library, tmp_path: Path
) -> None:
    # By default a missed or cancelled session gets no handout; --session N prints it anyway.
    plan = make_plan(library, needs=ALL_NEEDS, holidays="none")
    plan.sessions[1].status = "missed"
    plan.sessions[2].status = "cancelled"
    written = write_handouts(
        plan, library, out_dir=tmp_path / "a", output_format="markdown", audience="participant"
    )
    assert [p.name[:2] for p in written.files] == ["01", "04", "05", "06"]
    again = write_handouts(
        plan,
        library,
        out_dir=tmp_path / "b",
        output_format="markdown",
        audience="participant",
        sessions=[2],
    )
    assert [p.name for p in again.files] == ["02-no-handout-participant.md"]


def test_places_never_reach_participant_handouts(
    cli: Cli, library: Library, tmp_path: Path
) -> None:
    # The usual place and a session's own place are facilitator-facing only.
    plan = make_plan(library, needs=ALL_NEEDS, holidays="none")
    plan.schedule.place = "Interview room 2, HMP Example"
    plan.sessions[0].place = "Visits hall B"
    path = tmp_path / "placed" / "P-0042.toml"
    path.parent.mkdir()
    write_plan(path, plan)
    cli(
        "--library", str(library.path), "handouts", str(path),
        "--format", "markdown", "--audience", "participant",
    )  # fmt: skip
    folder = path.parent / "P-0042-handouts"
    texts = [p.read_text(encoding="utf-8") for p in folder.iterdir()]
    assert texts
    assert not any("Interview room" in t or "Visits hall" in t for t in texts)
