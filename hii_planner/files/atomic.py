"""Private, atomic file writes: a temp file, fsync, then a rename that never half-writes."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from hii_planner.errors import FileAccessError, OutputExistsError

PRIVATE_FILE = stat.S_IRUSR | stat.S_IWUSR  # 0600
PRIVATE_DIR = stat.S_IRWXU  # 0700


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def ensure_private_dir(folder: Path) -> None:
    """Create *folder* (and any missing parents) with mode 0700 if it does not exist yet."""
    if folder.is_dir():
        return
    missing = [folder, *(p for p in folder.parents if not p.exists())]
    try:
        # Every level we create is private, not only the last: mkdir's mode is
        # reduced by the umask, and parents=True would give parents the umask's mode.
        for level in reversed(missing):
            if not level.is_dir():
                level.mkdir(mode=PRIVATE_DIR)
                level.chmod(PRIVATE_DIR)
    except OSError as error:
        raise FileAccessError(f"cannot create the folder {folder}: {_reason(error)}") from None


def through_links(path: Path) -> Path:
    """The file a symbolic link at *path* points to (followed to the end), else *path*."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomic(
    path: Path, content: str | bytes, *, replace: bool, folder_sync: bool = True
) -> None:
    """Write *content* to *path* with mode 0600, all or nothing.

    The content goes to a temporary file in the same folder, is flushed to disk,
    then renamed over *path*; a symbolic link is written through, so its target
    is replaced (atomically, beside it) and the link stays. With ``replace=False``
    an existing file is never touched (`OutputExistsError`), even if it appears
    while writing. A caller writing many files to one folder may pass
    ``folder_sync=False`` and call `sync_folder` once after the last: each file is
    still whole or absent, and the one sync makes all the renames durable.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = through_links(path)
    folder = path.parent
    if not replace and path.exists():
        raise OutputExistsError(str(path))
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise FileAccessError(
            f"cannot write to {folder}: {_reason(error)}",
            hint="check the folder exists and you may write to it; nothing was changed",
        ) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temp.chmod(PRIVATE_FILE)
        if replace:
            temp.replace(path)
        else:
            _link_without_clobbering(temp, path)
        if folder_sync:
            sync_folder(folder)
    except OSError as error:
        raise FileAccessError(
            f"cannot write {path}: {_reason(error)}", hint="the previous file, if any, is unchanged"
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _link_without_clobbering(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)
    except FileExistsError:
        raise OutputExistsError(str(path)) from None
    except OSError:
        # Some file systems have no hard links; fall back to a checked rename.
        if path.exists():
            raise OutputExistsError(str(path)) from None
        temp.replace(path)


def sync_folder(folder: Path) -> None:
    """Make the renames into *folder* so far durable (not possible on every platform)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
