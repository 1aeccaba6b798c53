"""Read TOML files safely and find the line on which each key is written.

`tomllib` gives no positions, so a small line scanner maps key paths such as
``("sessions", 2, "minutes")`` to line numbers for error messages. It follows
tables, arrays of tables and dotted keys, and skips multi-line strings; keys
inside inline tables or multi-line arrays fall back to the enclosing key's line.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from hii_planner.errors import Problem

MAX_FILE_BYTES = 1_000_000

KeyPath = tuple[str | int, ...]

_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
# Patterns as text: `re` compiles each on first use (and keeps it), so reading a file
# that needs no line numbers compiles none of them.
_ARRAY_HEADER = rf"^\s*\[\[\s*({_DOTTED})\s*\]\]"
_TABLE_HEADER = rf"^\s*\[\s*({_DOTTED})\s*\]"
_KEY_LINE = rf"^\s*({_DOTTED})\s*=\s*(.*)$"
_TOML_POSITION = r"\(at line (\d+), column (\d+)\)"


def _split_dotted(dotted: str) -> list[str]:
    return [part.strip("\"'") for part in re.findall(_BARE_OR_QUOTED, dotted)]


def _opens_multiline_string(value: str) -> str | None:
    """Return the delimiter if *value* starts a multi-line string left open on its line."""
    for delimiter in ('"""', "'''"):
        if value.startswith(delimiter) and not _closes(value, delimiter, start=3):
            return delimiter
    return None


def _closes(text: str, delimiter: str, *, start: int = 0) -> bool:
    """True if *text* closes a multi-line string opened with *delimiter*.

    The first unescaped delimiter closes it; whatever follows (a comment that
    quotes the delimiter again, say) is not part of the string.
    """
    at = text.find(delimiter, start)
    while at != -1:
        backslashes = len(text[:at]) - len(text[:at].rstrip("\\"))
        if delimiter == "'''" or backslashes % 2 == 0:
            return True
        at = text.find(delimiter, at + 1)
    return False


_ARRAY_TOKEN = r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|#.*|[\[\]{},]|[^\s"\'\[\]{},#]+'


class _ArrayScanner:
    """Follows a multi-line array value, recording the line of each element."""

    def __init__(self, path: KeyPath, lines: dict[KeyPath, int]) -> None:
        self.path = path
        self.lines = lines
        self.depth = 0
        self.index = 0
        self.expecting = True

    def feed(self, text: str, number: int) -> bool:
        """Scan one line of the value; return True while the array is still open."""
        for match in re.finditer(_ARRAY_TOKEN, text):
            token = match.group()
            if token[0] == "#":
                break
            if token in ("[", "{"):
                self._element(number)
                self.depth += 1
            elif token in ("]", "}"):
                self.depth -= 1
                if self.depth == 0:
                    return False
            elif token == ",":
                if self.depth == 1:
                    self.index += 1
                    self.expecting = True
            else:
                self._element(number)
        return True

    def _element(self, number: int) -> None:
        if self.depth == 1 and self.expecting:
            self.lines.setdefault((*self.path, self.index), number)
            self.expecting = False


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map every key path written in *text* to its 1-based line number."""
    lines: dict[KeyPath, int] = {}
    array_counts: dict[KeyPath, int] = {}
    current: KeyPath = ()
    open_string: str | None = None
    open_array: _ArrayScanner | None = None

    def resolve(parts: list[str]) -> KeyPath:
        path: KeyPath = ()
        for part in parts:
            path = (*path, part)
            if path in array_counts:
                path = (*path, array_counts[path] - 1)
        return path

    for number, line in enumerate(text.splitlines(), start=1):
        if open_string is not None:
            if _closes(line, open_string):
                open_string = None
            continue
        if open_array is not None:
            if not open_array.feed(line, number):
                open_array = None
            continue
        if match := re.match(_ARRAY_HEADER, line):
            parts = _split_dotted(match.group(1))
            parent = resolve(parts[:-1])
            table = (*parent, parts[-1])
            array_counts[table] = array_counts.get(table, 0) + 1
            current = (*table, array_counts[table] - 1)
            lines.setdefault(table, number)
            lines[current] = number
        elif match := re.match(_TABLE_HEADER, line):
            current = resolve(_split_dotted(match.group(1)))
            lines.setdefault(current, number)
        elif match := re.match(_KEY_LINE, line):
            path = (*current, *_split_dotted(match.group(1)))
            lines.setdefault(path, number)
            value = match.group(2).strip()
            open_string = _opens_multiline_string(value)
            if value.startswith("["):
                scanner = _ArrayScanner(path, lines)
                if scanner.feed(value, number):
                    open_array = scanner
    return lines


@dataclass(frozen=True)
class TomlDocument:
    """A parsed TOML file that can tell the line of each key, for precise error messages."""

    file: str
    data: dict[str, Any]
    text: str = ""
    digest: str = ""  # sha256 of the file's bytes, as in plan files' library.files

    @cached_property
    def lines(self) -> Mapping[KeyPath, int]:
        """Key paths to line numbers, worked out only when a problem needs a line."""
        return key_lines(self.text)

    def line_of(self, path: KeyPath) -> int | None:
        """The line of *path*, or of its nearest written parent."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None

    def problem(self, path: KeyPath, message: str, *, severity: str = "error") -> Problem:
        """A problem located at *path* in this file."""
        return Problem(
            file=self.file,
            line=self.line_of(path),
            location=format_path(path),
            message=message,
            severity="warning" if severity == "warning" else "error",
        )


def format_path(path: KeyPath) -> str:
    """Render a key path the way a library author writes it: ``sessions[2].minutes``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class UnreadableFileError(Exception):
    """A file that is not read: missing, a folder, a device or pipe, too large, or unreadable."""


def read_regular_file(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at *path*, never more than *limit*.

    Devices (``/dev/zero``), pipes and sockets are refused without reading them, and
    opening never waits on a pipe, so neither an endless file nor a FIFO can hang us.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UnreadableFileError("the file does not exist") from None
    except IsADirectoryError:
        raise UnreadableFileError("is a folder, not a file") from None
    except OSError as error:
        raise UnreadableFileError(f"cannot read the file: {error.strerror or error}") from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            if stat.S_ISDIR(status.st_mode):
                raise UnreadableFileError("is a folder, not a file")
            raise UnreadableFileError("is not a regular file (a device, pipe or socket)")
        raw = _read_up_to(descriptor, limit + 1, expected=status.st_size)
    except OSError as error:
        raise UnreadableFileError(f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if len(raw) > limit:
        raise UnreadableFileError(f"file is too large (the limit is {limit:,} bytes)")
    return raw


def _read_up_to(descriptor: int, most: int, *, expected: int) -> bytes:
    """At most *most* bytes from *descriptor*, asking for the size it had (plus one) first.

    A buffer the size of the limit for every small file made reading a large library
    six times slower; a file that grows while it is read is still read to the limit.
    """
    chunks = []
    left = most
    ask = min(expected + 1, most)
    while left > 0:
        chunk = os.read(descriptor, min(ask, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
        ask = 65536
    return b"".join(chunks)


def not_a_file(path: Path) -> str | None:
    """Why *path* is not a regular file to read ("does not exist", "is a folder"...), or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "does not exist"
    except OSError as error:
        return f"cannot be read: {(error.strerror or str(error)).lower()}"
    if stat.S_ISDIR(mode):
        return "is a folder"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a device, pipe or socket)"
    return None


def read_toml(path: Path, *, display: str | None = None) -> TomlDocument | Problem:
    """Read and parse one TOML file, or describe why it cannot be read."""
    name = display or str(path)
    try:
        raw = read_regular_file(path)
    except UnreadableFileError as error:
        return Problem(name, None, "", str(error))
    return parse_toml(raw, file=name)


def parse_toml(raw: bytes, *, file: str) -> TomlDocument | Problem:
    """Parse TOML bytes, turning every failure into a located problem."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line = raw[: error.start].count(b"\n") + 1
        return Problem(file, bad_line, "", "the file is not UTF-8 text (save it as UTF-8)")
    # A byte-order mark (Windows editors add one) is not TOML; it carries no meaning, so skip it.
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        return Problem(file, text[: text.index("\x00")].count("\n") + 1, "", "the file is binary")
    import tomli as toml_parser  # tomllib's parser; its compiled wheels are about 4x faster

    try:
        data = toml_parser.loads(text)
    except toml_parser.TOMLDecodeError as error:
        message = str(error)
        position = re.search(_TOML_POSITION, message)
        line = int(position.group(1)) if position else None
        message = re.sub(_TOML_POSITION, "", message).strip()
        return Problem(file, line, "", f"TOML syntax error: {message}")
    except RecursionError:
        return Problem(file, None, "", "the file is nested too deeply to read")
    digest = "sha256:" + hashlib.sha256(raw).hexdigest()
    return TomlDocument(file=file, data=data, text=text, digest=digest)
