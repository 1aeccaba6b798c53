"""What a plan records of its library: every file for small libraries, used files for large."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from hii_planner import (
    Library,
    PlanRequest,
    build_plan,
    check_plan,
    dumps_plan,
    load_library,
    read_plan,
    write_plan,
)
from hii_planner.files.tomlsource import MAX_FILE_BYTES
from hii_planner.library.cache import combined_digest
from hii_planner.library.models import LibraryInfo, Module
from hii_planner.plans import library_record
from tests.conftest import LibraryFactory, module

NOW = dt.datetime(2026, 11, 22, 10, tzinfo=dt.UTC)


def _plan_for(library: Library, modules: list[str]) -> Any:
    return build_plan(library, PlanRequest(participant="P-1", modules=modules), now=NOW).plan


@pytest.fixture
def five_modules(make_library: LibraryFactory) -> Path:
    """Five modules: b requires a; c, d and e stand alone."""
    return make_library(
        [module("a"), module("b", requires=["a"]), module("c"), module("d"), module("e")]
    )


def test_a_small_library_records_every_file(five_modules: Path) -> None:
    # Up to RECORD_EVERY_FILE_UP_TO files, every file's digest is kept, as plans always did.
    library = load_library(five_modules)
    plan = _plan_for(library, ["b"])
    assert plan.library.files == dict(library.file_digests)
    assert plan.library.digest == library.digest


@pytest.fixture
def large(five_modules: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The same library, treated as large (more files than recorded in full)."""
    monkeypatch.setattr(library_record, "RECORD_EVERY_FILE_UP_TO", 3)
    return five_modules


def test_a_large_library_records_only_the_files_the_plan_uses(large: Path) -> None:
    # library.toml and the planned modules' files (b and what it requires), plus the digest.
    library = load_library(large)
    plan = _plan_for(library, ["b"])
    assert sorted(plan.library.files) == ["a.toml", "b.toml", "library.toml"]
    assert plan.library.digest == library.digest


def _edit(folder: Path, name: str) -> None:
    path = folder / name
    path.write_text(path.read_text().replace('title = "', 'title = "Edited ', 1))


@pytest.mark.parametrize(
    ("edited", "detail"),
    [
        pytest.param("a.toml", "changed: a.toml", id="a-used-module"),
        pytest.param("library.toml", "changed: library.toml", id="library-toml"),
        pytest.param("d.toml", "only files this plan does not use", id="an-unused-module"),
    ],
)
def test_check_names_what_changed_from_the_used_files(
    large: Path, tmp_path: Path, edited: str, detail: str
) -> None:
    # plan check still names a changed file it uses, and says when only others changed.
    path = tmp_path / "P-1.toml"
    write_plan(path, _plan_for(load_library(large), ["b"]))
    _edit(large, edited)
    [warning] = check_plan(read_plan(path), load_library(large)).warnings
    assert warning.endswith(f"(1 then, 1 now; {detail})")


def test_a_plan_recording_every_file_still_names_added_files(
    five_modules: Path, tmp_path: Path
) -> None:
    # Plans written before (every file recorded) keep their full report, added files included.
    path = tmp_path / "P-1.toml"
    write_plan(path, _plan_for(load_library(five_modules), ["b"]))
    (five_modules / "f.toml").write_text(
        (five_modules / "e.toml").read_text().replace('"e"', '"f"')
    )
    [warning] = check_plan(read_plan(path), load_library(five_modules)).warnings
    assert warning.endswith("(1 then, 1 now; added: f.toml)")


def _generated_library(count: int) -> Library:
    """An in-memory library of *count* modules: requires chains, requires_any, after, excludes."""
    modules = {}
    for index in range(count):
        name = f"m{index:05d}"
        earlier = index % 8  # chains of up to 8 modules
        fields: dict[str, Any] = {}
        if earlier:
            fields["requires"] = [f"m{index - 1:05d}"]
        if earlier >= 3:
            fields["requires_any"] = [[f"m{index - 3:05d}", f"m{index - 2:05d}"]]
            fields["after"] = [f"m{index - 2:05d}"]
        if earlier == 0:
            fields["excludes"] = [f"m{index + 4:05d}"]
        modules[name] = Module.model_validate(module(name, sessions=3, **fields))
    info = LibraryInfo.model_validate({"name": "Generated", "version": "1", "tracks": [
        {"id": "main", "title": "Main"}]})  # fmt: skip
    digests = {"library.toml": "sha256:" + "0" * 64} | {
        f"{name}.toml": "sha256:" + f"{index:064x}" for index, name in enumerate(modules)
    }
    return Library(
        path=Path("generated"),
        info=info,
        modules=modules,
        digest=combined_digest(digests),
        file_digests=digests,
        files={name: f"{name}.toml" for name in modules},
    )


def test_a_plan_from_16000_modules_with_500_chosen_stays_readable(tmp_path: Path) -> None:
    # 1,000 planned modules (each choice requires one more): 1,001 digests recorded, not 16,001,
    # and the plan stays readable (every digest would add 1.4 MB).
    library = _generated_library(16_000)
    chosen = [f"m{index:05d}" for index in range(1, 16_000, 32)]  # each requires one more
    assert len(chosen) == 500
    plan = _plan_for(library, chosen)
    assert len(plan.modules) == 1_000
    assert len(plan.library.files) == 1_001
    path = tmp_path / "P-1.toml"
    write_plan(path, plan)
    assert path.stat().st_size < MAX_FILE_BYTES  # 3,000 sessions: about 0.74 MB
    digests = sum(len(name) + len(digest) + 6 for name, digest in plan.library.files.items())
    assert digests < path.stat().st_size // 8
    assert read_plan(path).library == plan.library
    assert len(dumps_plan(plan)) == path.stat().st_size
