"""Fast paths: each plan parsed once by `plan list`; commands import only what they use."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import tomli

from hii_planner import load_library, read_caseload, read_plan
from tests.conftest import LibraryFactory, fixture_library, saved_plan
from tests.fixture_data import LIBRARY_INFO, LIBRARY_MODULES


class _CountingParser:
    """The TOML parser's `loads`, counting how often each text is parsed."""

    def __init__(self) -> None:
        self.real = tomli.loads
        self.parsed: Counter[str] = Counter()

    def __call__(self, text: str) -> dict[str, Any]:
        self.parsed[text] += 1
        return self.real(text)


def test_plan_list_parses_each_file_once(
    make_library: LibraryFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Deciding that a file is a plan and checking it use one parse of its text.
    library = load_library(make_library(LIBRARY_MODULES, info=LIBRARY_INFO))
    folder = tmp_path / "caseload"
    folder.mkdir()
    plans = [
        saved_plan(library, folder, start=dt.date(2027, 1, day), name=f"P-{day}") for day in (4, 11)
    ]
    (folder / "answers.toml").write_text('participant = "P-0009"\n', encoding="utf-8")
    parser = _CountingParser()
    monkeypatch.setattr(tomli, "loads", parser)
    entries = read_caseload(folder, today=dt.date(2027, 1, 1), library=library)
    # The answers file is reported (not a plan), the plans are read: each file parsed once.
    assert [e.file for e in entries] == [*sorted(plans), folder / "answers.toml"]
    assert [e.plan is not None for e in entries] == [True, True, False]
    texts = [p.read_text(encoding="utf-8") for p in [*plans, folder / "answers.toml"]]
    assert [parser.parsed[t] for t in texts] == [1, 1, 1]


def _modules_loaded(args: list[str], cwd: Path) -> set[str]:
    code = (
        "import sys\n"
        f"sys.argv = ['hii-planner', *{args!r}]\n"
        "from hii_planner.cli.app import app\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print('\\nMODULES', ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=False
    )
    line = result.stderr.rsplit("\nMODULES ", 1)[-1]
    return set(line.split())


@pytest.mark.parametrize(
    ("args", "absent"),
    [
        pytest.param(
            # Coverage by session comes from the library's cached listings: no library
            # models, nothing of the planner, the holiday calendars or other commands.
            ["plan", "show", "P-1.toml"],
            [
                "hii_planner.library.models",
                "hii_planner.planning.planner",
                "hii_planner.planning.selection",
                "holidays",
                "hii_planner.cli.plan_new",
                "hii_planner.cli.handouts_cmd",
            ],
            id="plan-show-builds-no-planner",
        ),
        pytest.param(
            ["library", "list"],
            # Below 120 columns (here: not a terminal, 80) the lines need no rich table,
            # and a cache hit parses no TOML.
            [
                "pydantic",
                "hii_planner.library.models",
                "hii_planner.cli.plan_inspect",
                "rich.table",
                "tomli",
            ],
            id="library-list-text-from-the-cache",
        ),
        pytest.param(
            # The new plan is reported in one line: no tables; the holiday dates come
            # from the cached table, not the holidays package.
            ["plan", "new", "--no-input", "--participant", "P-9", "--out", "-"],
            ["rich.table", "holidays", "hii_planner.cli.plan_inspect", "hii_planner.wizard"],
            id="plan-new-reports-without-tables",
        ),
        pytest.param(
            ["library", "info"],
            ["pydantic", "hii_planner.library.models"],
            id="library-info-text-from-the-cache",
        ),
    ],
)
def test_commands_import_only_what_they_use(
    args: list[str], absent: list[str], make_library: LibraryFactory, tmp_path: Path
) -> None:
    # With a warm cache, these commands never import the heavy modules named.
    library_dir = make_library(LIBRARY_MODULES, info=LIBRARY_INFO)
    saved_plan(load_library(library_dir), tmp_path, start=dt.date(2027, 1, 4), name="P-1")
    full = ["--library", str(library_dir), *args]
    _modules_loaded(full, tmp_path)  # fills the cache
    loaded = _modules_loaded(full, tmp_path)
    assert "hii_planner.cli.app" in loaded
    assert [m for m in absent if m in loaded] == []


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_collector_is_paused_only_while_files_are_read(enabled_before: bool) -> None:
    # Reading many files pauses cyclic garbage collection and leaves it as it was after,
    # even when the block fails.
    import gc

    from hii_planner.files.bulk import collector_paused

    (gc.enable if enabled_before else gc.disable)()
    try:
        with pytest.raises(RuntimeError), collector_paused():
            assert not gc.isenabled()
            raise RuntimeError
        assert gc.isenabled() == enabled_before
    finally:
        gc.enable()


def test_coverage_from_the_cached_needs_matches_the_library(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    # `plan show` reads each session's needs from the cache; the coverage it shows is the
    # coverage the library itself gives.
    from hii_planner.library.cache import session_needs_of
    from hii_planner.plans.coverage import coverage

    library = fixture_library(make_library)
    library_dir = library.path
    plan = read_plan(saved_plan(library, tmp_path, start=dt.date(2027, 1, 4)))
    expected = coverage(plan, library)
    assert [c.sessions for c in expected if c.sessions]  # some need is covered
    assert coverage(plan, session_needs_of(library_dir)) == expected  # a miss: computed
    assert coverage(plan, session_needs_of(library_dir)) == expected  # a hit: read back


def test_the_entry_point_spares_the_collector_at_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    # What a run built is frozen just before the process exits, so the interpreter's
    # shutdown does not search it for cycles once more; the exit code is unchanged.
    import gc

    from hii_planner.__main__ import main

    monkeypatch.setattr(sys, "argv", ["hii-planner", "--version"])
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # the entry point guards it: put back after
    gc.unfreeze()
    try:
        with pytest.raises(SystemExit) as finished:
            main()
        assert finished.value.code == 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
