"""PDFs compiled on a thread pool in order, and handouts for a whole folder of plans."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from hii_planner import Library, RequestError, write_handouts, write_plan
from hii_planner.documents.model import Document
from hii_planner.handouts import pool
from hii_planner.handouts.pool import pool_size, render_in_order
from hii_planner.handouts.write import plan_jobs
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan
from tests.fixture_data import ALL_NEEDS


@pytest.fixture
def library(make_library: LibraryFactory) -> Library:
    return fixture_library(make_library, "handouts")


@pytest.mark.parametrize(
    ("cpus", "jobs", "threads"),
    [
        pytest.param(1, 65, 1, id="one-core"),
        pytest.param(2, 65, 2, id="two-cores"),
        pytest.param(16, 65, 4, id="at-most-four"),
        pytest.param(8, 1, 1, id="one-document"),
        pytest.param(None, 10, 1, id="unknown-cores"),
    ],
)
def test_pool_size_follows_the_cores(
    cpus: int | None, jobs: int, threads: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One thread per core, never more than MAX_THREADS or than there are documents.
    monkeypatch.setattr(os, "cpu_count", lambda: cpus)
    assert pool_size(jobs) == threads


def test_parallel_pdfs_are_the_serial_ones_in_order(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Compiled on the pool or one by one, the same files come out, written in the same order.
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    plan = make_plan(library, needs=ALL_NEEDS, holidays="none")
    parallel = write_handouts(plan, library, out_dir=tmp_path / "pool", sessions=[1, 3, 4])
    monkeypatch.setattr(pool, "MAX_THREADS", 1)
    serial = write_handouts(plan, library, out_dir=tmp_path / "serial", sessions=[1, 3, 4])
    assert [p.name for p in parallel.files] == [p.name for p in serial.files]
    assert len(parallel.files) == 6
    assert [p.read_bytes() for p in parallel.files] == [p.read_bytes() for p in serial.files]


def test_an_error_stops_the_run_where_the_serial_one_would(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The documents before a failing one come back; the failure is raised in its place.
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    builds: list[Callable[[], Document]] = [
        j.build for j in plan_jobs(make_plan(library, needs=ALL_NEEDS, holidays="none"), library)
    ]

    def broken() -> Document:
        raise RequestError(["this document cannot be made"])

    builds[2] = broken
    results = render_in_order(builds, "pdf")
    assert [next(results)[:5] for _ in range(2)] == [b"%PDF-", b"%PDF-"]
    with pytest.raises(RequestError):
        next(results)


@pytest.fixture
def caseload(library: Library, tmp_path: Path) -> Path:
    """Two plans and a broken plan file."""
    folder = tmp_path / "caseload"
    folder.mkdir()
    for reference in ("P-0001", "P-0002"):
        plan = make_plan(library, needs=ALL_NEEDS, holidays="none")
        plan.participant.reference = reference
        write_plan(folder / f"{reference}.toml", plan)
    (folder / "P-0003.toml").write_text('format = "hii-plan"\nrevision = "x"\n', encoding="utf-8")
    return folder


def test_handouts_for_a_folder_of_plans(
    cli: Cli, library: Library, caseload: Path, tmp_path: Path
) -> None:
    # Every readable plan gets its documents under OUT/STEM; the broken one is reported, exit 1.
    out = tmp_path / "printing"
    result = cli(
        "--library", str(library.path), "handouts", str(caseload),
        "--out", str(out), "--format", "markdown", exit_code=1,
    )  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == ["P-0001", "P-0002"]
    single = tmp_path / "single"
    cli("--library", str(library.path), "handouts", str(caseload / "P-0001.toml"),
        "--out", str(single), "--format", "markdown")  # fmt: skip
    for folder in ("P-0001", "P-0002"):
        assert sorted(p.name for p in (out / folder).iterdir()) == sorted(
            p.name for p in single.iterdir()
        )
    assert "P-0003.toml" in result.stderr
    assert "1 of 3 plans got no handouts" in result.stderr
    assert result.stderr.count("wrote ") == 2


def test_a_folder_without_out_writes_beside_each_plan(
    cli: Cli, library: Library, caseload: Path
) -> None:
    # Without --out, each plan's documents go to STEM-handouts beside it, as for one plan.
    (caseload / "P-0003.toml").unlink()
    cli("--library", str(library.path), "handouts", str(caseload), "--format", "html")
    assert (caseload / "P-0001-handouts").is_dir()
    assert (caseload / "P-0002-handouts").is_dir()


def test_session_numbers_need_one_plan(cli: Cli, library: Library, caseload: Path) -> None:
    # --session belongs to one plan: with a folder it is a usage error (exit 2), nothing written.
    result = cli(
        "--library", str(library.path), "handouts", str(caseload), "--session", "1",
        exit_code=1,
    )  # fmt: skip
    assert "give a plan file, not a folder" in " ".join(result.stderr.replace("│", " ").split())
    assert not (caseload / "P-0001-handouts").exists()
