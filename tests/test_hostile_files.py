"""Hostile files: devices, pipes and folders where files belong; hidden and duplicate modules."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
import tomli_w

from hii_planner import load_library, write_plan
from hii_planner.files.atomic import ensure_private_dir
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan, module


def _hostile(kind: str, path: Path) -> None:
    if kind == "zero":
        path.symlink_to("/dev/zero")
    elif kind == "urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()


HOSTILE = [
    pytest.param("zero", "is not a regular file (a device, pipe or socket)", id="dev-zero"),
    pytest.param("urandom", "is not a regular file (a device, pipe or socket)", id="dev-urandom"),
    pytest.param("fifo", "is not a regular file (a device, pipe or socket)", id="fifo"),
    pytest.param("folder", "is a folder", id="folder"),
]


@pytest.mark.parametrize(("kind", "message"), HOSTILE)
def test_library_check_with_a_hostile_module_file(
    cli: Cli, make_library: LibraryFactory, kind: str, message: str
) -> None:
    # A module "file" that is a device, a FIFO or a folder is an error, not a hang or a MemoryError.
    library = make_library()
    _hostile(kind, library / "bad.toml")
    result = cli("library", "check", str(library), exit_code=1)
    assert f"bad.toml: {message}" in result.stderr


@pytest.mark.parametrize(("kind", "message"), HOSTILE)
def test_library_toml_that_is_hostile(
    cli: Cli, make_library: LibraryFactory, kind: str, message: str
) -> None:
    # The same for library.toml itself.
    library = make_library()
    (library / "library.toml").unlink()
    _hostile(kind, library / "library.toml")
    result = cli("library", "check", str(library), exit_code=1)
    assert f"library.toml: {message}" in result.stderr


@pytest.mark.parametrize(("kind", "message"), HOSTILE)
@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["plan", "show", "{file}"], id="plan-show"),
        pytest.param(["plan", "record", "{file}", "1", "--status", "delivered"], id="record"),
        pytest.param(
            ["plan", "new", "--no-input", "--out", "-", "--answers", "{file}"], id="answers"
        ),
    ],
)
def test_plans_and_answers_that_are_hostile(
    cli: Cli, workdir: Path, kind: str, message: str, command: list[str]
) -> None:
    # A plan or answers file that is a device, FIFO or folder gets "is a folder" or
    # "not a regular file", never "does not exist", a hang or a traceback.
    target = workdir / "P-0042.toml"
    _hostile(kind, target)
    result = cli(*[a.replace("{file}", str(target)) for a in command], exit_code=1)
    assert message in result.stderr
    assert "does not exist" not in result.stderr


def test_library_list_with_a_device_module(cli: Cli, make_library: LibraryFactory) -> None:
    # The listing cache never reads a device either.
    library = make_library()
    _hostile("zero", library / "bad.toml")
    result = cli("--library", str(library), "library", "list", exit_code=1)
    assert "is not a regular file" in result.stderr


def test_hidden_files_in_a_library_are_ignored(cli: Cli, make_library: LibraryFactory) -> None:
    # Editor and sync leftovers such as .only.toml are not modules.
    library = make_library(raw={".only.toml": "broken = [", "._x.toml": "\x00"})
    cli("library", "check", str(library))


@pytest.mark.parametrize(
    ("files", "blamed", "kept"),
    [
        pytest.param({"a-copy": "dup", "dup": "dup"}, "a-copy.toml", "dup.toml", id="copy-first"),
        pytest.param({"dup": "dup", "zz-copy": "dup"}, "zz-copy.toml", "dup.toml", id="copy-last"),
    ],
)
def test_duplicate_module_id_blames_the_copy(
    cli: Cli, make_library: LibraryFactory, files: dict[str, str], blamed: str, kept: str
) -> None:
    # The file named after the id is the original, so the copy is the one blamed.
    library = make_library([])
    for name, module_id in files.items():
        (library / f"{name}.toml").write_text(tomli_w.dumps(module(module_id)), encoding="utf-8")
    result = cli("library", "check", str(library), exit_code=1)
    duplicate = [line for line in result.stderr.splitlines() if "duplicate module id" in line]
    assert len(duplicate) == 1
    assert f"{blamed}:1: id: duplicate module id 'dup' (the module is in" in duplicate[0]
    assert duplicate[0].endswith(f"{kept})")


def test_created_folders_are_private_at_every_level(tmp_path: Path) -> None:
    # Folders hii-planner creates are 0700, parents included, whatever the umask.
    old = os.umask(0o022)
    try:
        ensure_private_dir(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old)
    for level in ("a", "a/b", "a/b/c"):
        assert stat.S_IMODE((tmp_path / level).stat().st_mode) == 0o700, level


def test_handout_folders_are_private(cli: Cli, make_library: LibraryFactory, workdir: Path) -> None:
    # handouts --out into new nested folders makes each one 0700.
    library = fixture_library(make_library).path
    plan = workdir / "P-0042.toml"
    write_plan(plan, make_plan(load_library(library), start=dt.date(2026, 11, 2)))
    old = os.umask(0o022)
    try:
        cli(
            "--library", str(library), "handouts", str(plan), "--format", "markdown",
            "--out", str(workdir / "out" / "handouts"),
        )  # fmt: skip
    finally:
        os.umask(old)
    for level in ("out", "out/handouts"):
        assert stat.S_IMODE((workdir / level).stat().st_mode) == 0o700, level


@pytest.mark.parametrize("size", [0, 1, 65_535, 65_536, 200_000])
def test_regular_files_are_read_whole_up_to_the_limit(tmp_path: Path, size: int) -> None:
    # Files are read by their size, then in chunks: every byte arrives, and one byte past
    # the limit is refused.
    from hii_planner.files.tomlsource import UnreadableFileError, read_regular_file

    path = tmp_path / "data.bin"
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    path.write_bytes(data)
    assert read_regular_file(path) == data
    assert read_regular_file(path, limit=size) == data
    if size:
        with pytest.raises(UnreadableFileError, match="too large"):
            read_regular_file(path, limit=size - 1)


def test_a_session_number_below_one_is_told_in_plain_words(
    cli: Cli, make_library: LibraryFactory, workdir: Path
) -> None:
    # A hand-edited plan whose session number is 0 gets the rule in words, with its line,
    # and the file is left as it was (the robustness fuzzer found pydantic's wording here).
    library = fixture_library(make_library).path
    plan = workdir / "P-0042.toml"
    write_plan(plan, make_plan(load_library(library), start=dt.date(2026, 11, 2)))
    edited = plan.read_text(encoding="utf-8").replace("number = 1\n", "number = 0\n", 1)
    plan.write_text(edited, encoding="utf-8")
    result = cli("--library", str(library), "plan", "show", str(plan), exit_code=1)
    assert "sessions[0].number: 0 is too small: the least allowed is 1" in result.stderr
    assert plan.read_text(encoding="utf-8") == edited
