"""Two facilitators share a caseload through a real git repository; plans merge by meaning."""

from __future__ import annotations

import datetime as dt
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from hii_planner import read_plan, record_in_file, reschedule_in_file, write_plan
from tests.conftest import LibraryFactory, fixture_library, make_plan

pytestmark = pytest.mark.slow

HII = [sys.executable, "-m", "hii_planner"]
NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)


def git(repo: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if ok and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def hii(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*HII, *args], capture_output=True, text=True, cwd=cwd)


def clone(remote: Path, folder: Path, name: str) -> Path:
    subprocess.run(
        ["git", "clone", "-q", str(remote), str(folder)], check=True, capture_output=True
    )
    git(folder, "config", "user.name", name)
    git(folder, "config", "user.email", f"{name.lower().replace(' ', '.')}@example.org")
    git(folder, "config", "pull.rebase", "false")
    done = hii("team", "init", ".", "--command", shlex.join(HII), cwd=folder)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def clones(
    tmp_path: Path, make_library: LibraryFactory, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """A bare repository with one plan, cloned by facilitators A and B (driver set up)."""
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    library = fixture_library(make_library)
    remote = tmp_path / "caseload.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    a = clone(remote, tmp_path / "a", "Facilitator A")
    # Sessions on Mondays from 2026-10-12: sessions 1-5 are before "today" (2026-11-18).
    write_plan(a / "P-0042.toml", make_plan(library, start=dt.date(2026, 10, 12)))
    git(a, "add", ".")
    git(a, "commit", "-q", "-m", "P-0042: new plan")
    git(a, "push", "-q", "-u", "origin", "main")
    b = clone(remote, tmp_path / "b", "Facilitator B")
    return a, b


def commit_all(repo: Path, message: str) -> None:
    git(repo, "commit", "-q", "-am", message)


def test_two_facilitators_merge_cleanly_then_settle_a_conflict(clones: tuple[Path, Path]) -> None:
    # The done-when scenario: A records 1-2, B reschedules 5 and records 3 with a note; the
    # pull merges with no markers and keeps all three. Then both record 4 differently: git
    # reports a conflict, the file is a valid plan with one [[conflicts]], `plan resolve`
    # settles it and the commit succeeds.
    a, b = clones
    plan_a, plan_b = a / "P-0042.toml", b / "P-0042.toml"
    fifth = read_plan(plan_b).sessions[4]
    record_in_file(plan_a, 1, status="delivered", now=NOW)
    record_in_file(plan_a, 2, status="delivered", now=NOW)
    commit_all(a, "P-0042: sessions 1 and 2")
    git(a, "push", "-q")
    reschedule_in_file(plan_b, 5, date=dt.date(2026, 11, 19), now=NOW)
    record_in_file(plan_b, 3, status="delivered", note="talked about work", now=NOW)
    commit_all(b, "P-0042: session 3, session 5 moved")

    pulled = git(b, "pull", "--no-edit")
    assert "CONFLICT" not in pulled.stdout + pulled.stderr
    text = plan_b.read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    merged = read_plan(plan_b)
    assert [s.status for s in merged.sessions[:3]] == ["delivered"] * 3
    assert merged.sessions[2].notes == "talked about work"
    moved = next(
        s for s in merged.sessions if (s.module, s.session) == (fifth.module, fifth.session)
    )
    assert moved.date == dt.date(2026, 11, 19)
    assert merged.revision == 4  # both sides at 3, + 1
    assert not merged.conflicts
    git(b, "push", "-q")
    git(a, "pull", "-q", "--no-edit")
    assert read_plan(plan_a) == merged

    record_in_file(plan_a, 4, status="delivered", note="good session", now=NOW)
    commit_all(a, "P-0042: session 4 delivered")
    git(a, "push", "-q")
    record_in_file(plan_b, 4, status="missed", now=NOW)
    commit_all(b, "P-0042: session 4 missed")
    pulled = git(b, "pull", "--no-edit", ok=False)
    assert pulled.returncode != 0
    assert "CONFLICT" in pulled.stdout
    text = plan_b.read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    conflicted = read_plan(plan_b)  # a valid plan
    assert [c.session for c in conflicted.conflicts] == [4]
    conflict = conflicted.conflicts[0]
    assert conflict.ours is not None and conflict.ours.status == "missed"
    assert conflict.theirs is not None and conflict.theirs.notes == "good session"
    assert tomllib.loads(text)["conflicts"][0]["session"] == 4

    refused = hii("plan", "record", "P-0042.toml", "6", "--status", "cancelled", cwd=b)
    assert refused.returncode == 1
    assert "unsettled merge conflict (session 4)" in refused.stderr

    settled = hii("plan", "resolve", "P-0042.toml", "4", "--take", "theirs", cwd=b)
    assert settled.returncode == 0, settled.stderr
    final = read_plan(plan_b)
    assert not final.conflicts
    assert final.sessions[3].status == "delivered"
    assert not any(s.catch_up for s in final.sessions)  # B's catch-up went with B's record
    git(b, "add", "P-0042.toml")
    git(b, "commit", "-q", "--no-edit")
    assert git(b, "status", "--porcelain").stdout == ""


def test_team_init_sets_the_driver_once_and_keeps_existing_lines(tmp_path: Path) -> None:
    # `team init` adds only the missing lines to existing files and sets git config; a second
    # run changes nothing; --dry-run writes nothing.
    repo = tmp_path / "caseload"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".gitignore").write_text("*.pdf", encoding="utf-8")
    dry = hii("team", "init", str(repo), "--command", "hii-planner", "--dry-run", cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "would create" in dry.stderr and "would set the merge driver" in dry.stderr
    assert not (repo / ".gitattributes").exists()
    assert (repo / ".gitignore").read_text(encoding="utf-8") == "*.pdf"

    done = hii("team", "init", str(repo), "--command", "hii-planner", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == "*.toml merge=hii-plan\n"
    ignored = (repo / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ignored[0] == "*.pdf" and ".*.lock" in ignored and ".*.tmp" in ignored
    driver = git(repo, "config", "merge.hii-plan.driver").stdout.strip()
    assert driver == "hii-planner plan merge %O %A %B"

    again = hii("team", "init", str(repo), "--command", "hii-planner", cwd=tmp_path)
    assert "already set up" in again.stderr and "already set" in again.stderr
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == "*.toml merge=hii-plan\n"


def test_team_init_outside_a_repository_prints_the_git_lines(tmp_path: Path) -> None:
    # Without a repository, the files are written and the git config commands are printed.
    folder = tmp_path / "shared"
    done = hii("team", "init", str(folder), "--command", "hii-planner", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "not in a git repository" in done.stderr
    assert "git config merge.hii-plan.driver 'hii-planner plan merge %O %A %B'" in done.stderr
    assert (folder / ".gitattributes").is_file()


def test_other_toml_files_are_merged_line_by_line(clones: tuple[Path, Path]) -> None:
    # A TOML file that is not a plan falls back to git's own merge, markers and all.
    a, b = clones
    (a / "answers.toml").write_text('participant = "P-0042"\nneeds = []\n', encoding="utf-8")
    git(a, "add", "answers.toml")
    commit_all(a, "answers")
    git(a, "push", "-q")
    git(b, "pull", "-q", "--no-edit")
    (a / "answers.toml").write_text('participant = "P-0042"\nneeds = ["a"]\n', encoding="utf-8")
    commit_all(a, "a")
    git(a, "push", "-q")
    (b / "answers.toml").write_text('participant = "P-0042"\nneeds = ["b"]\n', encoding="utf-8")
    commit_all(b, "b")
    pulled = git(b, "pull", "--no-edit", ok=False)
    assert pulled.returncode != 0
    assert "<<<<<<< ours" in (b / "answers.toml").read_text(encoding="utf-8")
