"""The validated-library cache: same library back, private files, invalidated by any change."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hii_planner import LibraryError, load_library
from hii_planner.library import loader, stored
from hii_planner.library.stored import cache_folder, load_library_cached
from tests.conftest import LibraryFactory, module, session


@pytest.fixture
def library(make_library: LibraryFactory) -> Path:
    """Two modules, one with a warning-worthy repeated objective."""
    repeated = session("a", objectives=["Same objective."])
    return make_library(
        [
            module("intro", sessions=[repeated, session("b", objectives=["Same objective."])]),
            module("next", requires=["intro"], sessions=2),
        ],
        info={"needs": [{"id": "n1", "title": "Need one"}]},
    )


def _entries() -> list[Path]:
    folder = cache_folder()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_cached_library_equals_a_fresh_load(library: Path) -> None:
    # A cache hit gives back the same info, modules in order, digests and warnings.
    fresh = load_library(library)
    first = load_library_cached(library)
    second = load_library_cached(library)
    for found in (first, second):
        assert found.info == fresh.info
        assert list(found.modules.items()) == list(fresh.modules.items())
        assert (found.digest, dict(found.file_digests)) == (fresh.digest, fresh.file_digests)
        assert found.warnings == fresh.warnings
        assert dict(found.files) == dict(fresh.files)
    assert fresh.warnings, "the fixture should carry a warning through the cache"


def test_a_hit_does_not_read_the_library_again(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Once cached, an unchanged library is not parsed or validated again.
    load_library_cached(library)

    def refuse(path: Path) -> loader.Library:
        raise AssertionError(f"{path} was loaded again")

    monkeypatch.setattr(stored, "load_library", refuse)
    assert "next" in load_library_cached(library).modules


def test_the_cache_is_private_and_outside_the_library(library: Path, tmp_path: Path) -> None:
    # Entries live in the (test) user cache folder: the folder 0700, each file 0600.
    load_library_cached(library)
    [entry] = _entries()
    assert str(entry).startswith(os.environ["XDG_CACHE_HOME"])
    assert stat.S_IMODE(entry.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert not list(library.glob("*.json"))


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda f: (f / "next.toml").write_text(
            (f / "next.toml").read_text().replace('title = "Next"', 'title = "Changed"')
        ), id="edited-module"),
        pytest.param(lambda f: (f / "extra.toml").write_text(
            'id = "extra"\ntitle = "Changed"\ntrack = "main"\n'
            '[[sessions]]\nid = "x"\ntitle = "X"\nminutes = 60\n'
        ), id="added-module"),
        pytest.param(lambda f: (f / "library.toml").write_text(
            (f / "library.toml").read_text().replace('version = "1"', 'version = "Changed"')
        ), id="edited-library-toml"),
    ],
)  # fmt: skip
def test_any_file_change_is_read_afresh(library: Path, change: object) -> None:
    # Editing or adding any file makes the next load see the change, with one entry kept.
    load_library_cached(library)
    assert callable(change)
    change(library)
    found = load_library_cached(library)
    texts = [found.info.version, *(m.title for m in found.modules.values())]
    assert "Changed" in texts
    assert found.digest == load_library(library).digest
    assert len(_entries()) == 1


def test_removing_a_module_is_seen(library: Path) -> None:
    # A removed module file is gone from the next load.
    load_library_cached(library)
    (library / "next.toml").unlink()
    assert list(load_library_cached(library).modules) == ["intro"]


def test_no_cache_variable_bypasses_it(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # HII_PLANNER_NO_CACHE: the library is read afresh and nothing is written.
    monkeypatch.setenv("HII_PLANNER_NO_CACHE", "1")
    assert "intro" in load_library_cached(library).modules
    assert _entries() == []


def test_a_damaged_entry_is_ignored_and_replaced(library: Path) -> None:
    # A cache file that is not valid JSON for the model is a miss, never an error.
    load_library_cached(library)
    [entry] = _entries()
    text = entry.read_text()
    entry.write_text(text.replace('"minutes":60', '"minutes":"sixty"', 1))
    assert load_library_cached(library).modules["intro"].sessions[0].minutes == 60
    entry.write_text("{not json")
    assert "next" in load_library_cached(library).modules
    assert entry.read_text().startswith('{"format":1')


def test_an_invalid_library_is_never_cached(make_library: LibraryFactory) -> None:
    # A library with errors raises every problem and leaves no entry behind.
    broken = make_library([module("a", requires=["missing"])])
    with pytest.raises(LibraryError):
        load_library_cached(broken)
    assert _entries() == []
