"""`plan merge`, `plan resolve`, conflict copies and the team view, through the CLI."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import stat
from pathlib import Path

import pytest

from hii_planner import Library, read_plan, record_in_file, reschedule_in_file, write_plan
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan

NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)
START = dt.date(2026, 10, 5)  # Mondays; sessions 1-7 are before 2026-11-18


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library)


@pytest.fixture
def copies(library: Library, workdir: Path) -> tuple[Path, Path, Path]:
    """A plan, a copy of it in a synced folder, and the version both started from."""
    plan = workdir / "P-0042.toml"
    write_plan(plan, make_plan(library, start=START))
    base = workdir / "base" / "P-0042.toml"
    base.parent.mkdir()
    shutil.copy(plan, base)
    copy = workdir / "P-0042-LAPTOP.toml"
    shutil.copy(plan, copy)
    return base, plan, copy


def test_merging_a_copy_writes_ours_and_leaves_the_copy(
    cli: Cli, copies: tuple[Path, Path, Path]
) -> None:
    # Two copies without a base: both sides' records land in OURS (mode 0600), the copy is
    # untouched, and the message says it can go.
    _, plan, copy = copies
    record_in_file(plan, 1, status="delivered", now=NOW)
    record_in_file(copy, 2, status="delivered", note="from the laptop", now=NOW)
    copy_bytes = copy.read_bytes()
    result = cli("plan", "merge", str(plan), str(copy))
    merged = read_plan(plan)
    assert [s.status for s in merged.sessions[:2]] == ["delivered", "delivered"]
    assert merged.sessions[1].notes == "from the laptop"
    assert stat.S_IMODE(plan.stat().st_mode) == 0o600
    assert copy.read_bytes() == copy_bytes
    assert "P-0042-LAPTOP.toml is folded in and can be deleted" in result.stderr


def test_a_dry_run_writes_nothing_and_json_names_the_changed_sessions(
    cli: Cli, copies: tuple[Path, Path, Path]
) -> None:
    # --dry-run leaves OURS byte-identical and the folder as it was; --json has the writing commands' shape.
    _, plan, copy = copies
    record_in_file(plan, 1, status="delivered", now=NOW)
    record_in_file(copy, 2, status="delivered", now=NOW)
    before, files = plan.read_bytes(), sorted(plan.parent.iterdir())
    result = cli("plan", "merge", str(plan), str(copy), "--dry-run", "--json")
    assert plan.read_bytes() == before
    assert sorted(plan.parent.iterdir()) == files  # no lock or temporary file left
    data = json.loads(result.stdout)
    assert set(data) == {
        "file",
        "revision",
        "change",
        "outcome",
        "sessions",
        "conflicts",
        "warnings",
    }
    assert [s["number"] for s in data["sessions"]] == [2]
    assert data["revision"] == 3 and data["outcome"] == "merged"
    assert "would write" in result.stderr


def test_a_conflict_exits_1_and_blocks_changes_until_resolved(
    cli: Cli, copies: tuple[Path, Path, Path]
) -> None:
    # Both recorded session 3 differently: exit 1 with the conflict in plain words; record
    # is refused; plan show and resolve list it; resolve settles it; changes work again.
    _, plan, copy = copies
    record_in_file(plan, 3, status="delivered", note="fine", now=NOW)
    record_in_file(copy, 3, status="cancelled", now=NOW)
    result = cli("plan", "merge", "base/P-0042.toml", plan.name, copy.name, exit_code=1)
    assert (
        "conflict: session 3, S1 (middle): ours says delivered on 2026-10-19 (by Facilitator A; note: 'fine'); "
        "theirs says cancelled on 2026-10-19" in result.stderr
    )
    assert "plan resolve P-0042.toml 3 --take ours|theirs" in result.stderr
    refused = cli("plan", "reschedule", "P-0042.toml", "8", "--date", "2026-12-30", exit_code=1)
    assert "P-0042.toml has an unsettled merge conflict (session 3); nothing was changed" in (
        refused.stderr
    )
    assert "conflict: session 3, S1 (middle)" in cli("plan", "show", "P-0042.toml").stderr
    listed = cli("plan", "resolve", "P-0042.toml")
    assert "ours says delivered" in listed.stderr
    cli("plan", "resolve", "P-0042.toml", "3", exit_code=2)  # --take is needed
    cli("plan", "resolve", "P-0042.toml", "2", "--take", "ours", exit_code=1)
    settled = cli("plan", "resolve", "P-0042.toml", "3", "--take", "theirs")
    assert "merge conflict settled: session 3 cancelled (2026-10-19), as in theirs" in (
        settled.stderr
    )
    assert read_plan(plan).sessions[2].status == "cancelled"
    cli("plan", "reschedule", "P-0042.toml", "8", "--date", "2026-12-30")


def test_resolve_dry_run_leaves_the_plan_as_it_is(
    cli: Cli, copies: tuple[Path, Path, Path]
) -> None:
    # `plan resolve --dry-run` says what it would settle and writes nothing.
    base, plan, copy = copies
    record_in_file(plan, 3, status="delivered", now=NOW)
    record_in_file(copy, 3, status="missed", now=NOW)
    cli("plan", "merge", str(base), str(plan), str(copy), exit_code=1)
    before = plan.read_bytes()
    result = cli("plan", "resolve", str(plan), "3", "--take", "theirs", "--dry-run")
    assert result.stderr.startswith("dry run, nothing written: merge conflict settled")
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        pytest.param(
            lambda p: setattr(p.participant, "reference", "P-0007"),
            "the base is the plan for P-0007 and ours the plan for P-0042",
            id="another participant's plan",
        ),
        pytest.param(
            lambda p: setattr(p, "created", p.created - dt.timedelta(days=3)),
            "the base and ours are two plans for P-0042",
            id="another plan for the same participant",
        ),
    ],
)
def test_a_base_from_another_plan_is_refused_and_ours_is_untouched(
    cli: Cli, copies: tuple[Path, Path, Path], spoil: object, message: str
) -> None:
    # Exit 1 with a message; OURS byte-identical.
    base, plan, copy = copies
    other = read_plan(base)
    spoil(other)  # type: ignore[operator]
    write_plan(base, other, replace=True)
    record_in_file(plan, 1, status="delivered", now=NOW)
    record_in_file(copy, 2, status="delivered", now=NOW)
    before = plan.read_bytes()
    result = cli("plan", "merge", str(base), str(plan), str(copy), exit_code=1)
    assert message in result.stderr
    assert plan.read_bytes() == before


def test_a_base_that_is_not_an_earlier_version_is_refused(
    cli: Cli, copies: tuple[Path, Path, Path]
) -> None:
    # A base with a change neither copy has is not their ancestor: exit 1, OURS as it was.
    base, plan, copy = copies
    record_in_file(base, 5, status="cancelled", now=NOW)
    record_in_file(plan, 1, status="delivered", now=NOW)
    before = plan.read_bytes()
    result = cli("plan", "merge", str(base), str(plan), str(copy), exit_code=1)
    assert "the base is not an earlier version of ours" in result.stderr
    assert plan.read_bytes() == before


def test_an_empty_base_merges_two_copies_without_one(
    cli: Cli, copies: tuple[Path, Path, Path]
) -> None:
    # Git passes an empty base when both sides added the file: the copies' history serves.
    base, plan, copy = copies
    base.write_bytes(b"")
    record_in_file(plan, 1, status="delivered", now=NOW)
    reschedule_in_file(copy, 8, date=dt.date(2026, 12, 2), now=NOW)
    cli("plan", "merge", str(base), str(plan), str(copy))
    merged = read_plan(plan)
    assert merged.sessions[0].status == "delivered"
    assert merged.sessions[-1].date == dt.date(2026, 12, 2)


@pytest.mark.parametrize("count", [1, 4])
def test_merge_takes_two_or_three_files(cli: Cli, workdir: Path, count: int) -> None:
    # Any other number of files is a usage error.
    result = cli("plan", "merge", *[f"f{n}.toml" for n in range(count)], exit_code=2)
    assert "give OURS THEIRS or BASE OURS THEIRS" in result.stderr


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        pytest.param("P-0042-LAPTOP.toml", "OneDrive conflict copy", id="onedrive"),
        pytest.param(
            "P-0042 (Lead A's conflicted copy 2026-11-30).toml",
            "Dropbox conflicted copy",
            id="dropbox",
        ),
        pytest.param(
            "P-0042.sync-conflict-20261130-101500-7QXJ3VA.toml",
            "Syncthing conflict copy",
            id="syncthing",
        ),
        pytest.param("old-backup.toml", "second copy", id="any name, same plan"),
    ],
)
def test_plan_list_names_conflict_copies_and_the_command_that_folds_them_in(
    cli: Cli, library: Library, workdir: Path, name: str, kind: str
) -> None:
    # A copy (by its name, or by its reference and shared history) is named with the merge
    # command; the JSON marks it; another plan for the same participant is not a copy.
    write_plan(workdir / "P-0042.toml", make_plan(library, start=START))
    shutil.copy(workdir / "P-0042.toml", workdir / name)
    result = cli("plan", "list", ".")
    assert f"conflict copy: {name} is a {kind} of P-0042.toml" in result.stderr
    assert "fold it in with `hii-planner plan merge P-0042.toml" in result.stderr
    items = {Path(i["file"]).name: i for i in json.loads(cli("plan", "list", ".", "--json").stdout)}
    assert items[name]["conflict_copy_of"] == "P-0042.toml"
    assert items["P-0042.toml"]["conflict_copy_of"] is None


def test_two_plans_for_one_participant_are_not_copies(
    cli: Cli, library: Library, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Same reference, no shared history (the plan was made again): not a conflict copy.
    write_plan(workdir / "P-0042.toml", make_plan(library, start=START))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795100000")
    write_plan(workdir / "P-0042-new.toml", make_plan(library, start=START))
    assert "conflict copy" not in cli("plan", "list", ".").stderr


def test_the_team_view_counts_the_caseload(cli: Cli, library: Library, workdir: Path) -> None:
    # --summary and --json give the same figures: plans by status, delivered this month and
    # in total, absences, overdue, conflicts, copies left out, the next seven days.
    for reference in ("P-0001", "P-0002", "P-0003"):
        plan = make_plan(library, start=START)
        plan.participant.reference = reference
        if reference == "P-0003":
            plan.status = "paused"
        write_plan(workdir / f"{reference}.toml", plan)
    record_in_file(workdir / "P-0001.toml", 1, status="delivered", now=NOW)  # 5 Oct
    record_in_file(workdir / "P-0001.toml", 7, status="delivered", now=NOW)  # 16 Nov
    record_in_file(workdir / "P-0002.toml", 2, status="missed", now=NOW)
    shutil.copy(workdir / "P-0002.toml", workdir / "P-0002-LAPTOP.toml")
    data = json.loads(cli("plan", "list", ".", "--summary", "--json").stdout)
    assert data["plans"] == 3
    assert data["by_status"] == {
        "active": 2, "paused": 1, "completed": 0, "withdrawn": 0, "transferred": 0
    }  # fmt: skip
    assert data["delivered"] == {"this_month": 1, "total": 2}
    assert data["missed"] == {"acceptable": 0, "unacceptable": 0, "not_stated": 1, "total": 1}
    # P-0001: sessions 2-6 overdue; P-0002: 3-7 and the catch-up moved along (paused: none).
    assert data["overdue"] == 5 + 6
    assert [c["file"] for c in data["conflict_copies"]] == ["P-0002-LAPTOP.toml"]
    assert [(u["reference"], u["date"]) for u in data["next_week"]] == [
        ("P-0001", "2026-11-23"),
        ("P-0002", "2026-11-23"),
    ]
    table = cli("plan", "list", ".", "--summary").stdout
    assert "3 (2 active, 1 paused)" in table
    assert "1 this month (November 2026), 2 in total" in table
    assert "P-0002-LAPTOP.toml" in table
