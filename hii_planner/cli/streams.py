"""Standard output that says when it cannot be written (a full disk, a closed descriptor)."""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

from hii_planner.errors import HiiPlannerError


class StdoutError(HiiPlannerError):
    """Standard output is full or closed, so the command's data could not be written."""

    def __init__(self, error: OSError | None = None) -> None:
        reason = (error.strerror or str(error)).lower() if error else "it is closed"
        super().__init__(f"cannot write to standard output: {reason}")
        self.hint = "write to a file with --out, or free space where the output goes"


def _guarded(call: Any) -> Any:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return call(*args, **kwargs)
        except BrokenPipeError:
            raise  # the reader went away (`| head`): handled quietly elsewhere
        except OSError as error:
            raise StdoutError(error) from None

    return guarded


class _Guard:
    """Wraps a stream so that a failed write or flush becomes `StdoutError`."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._stream, name)
        if name in ("write", "writelines", "flush"):
            return _guarded(value)
        if name == "buffer":
            return _Guard(value)
        return value


class _Closed:
    """Stands in for a standard output that was closed before we started (``>&-``)."""

    encoding = "utf-8"

    def write(self, _text: object) -> int:
        raise StdoutError()

    def flush(self) -> None:
        """Nothing to flush."""

    def isatty(self) -> bool:
        return False

    @property
    def buffer(self) -> _Closed:
        return self


def _descriptor_open(descriptor: int) -> bool:
    try:
        os.fstat(descriptor)
    except OSError as error:
        return error.errno != errno.EBADF
    return True


def guard_stdout() -> None:
    """Replace sys.stdout so that writing to a full or closed output is a clear error."""
    if sys.stdout is None or not _descriptor_open(1):
        sys.stdout = _Closed()
    else:
        sys.stdout = _Guard(sys.stdout)


def flush_stdout() -> int:
    """Flush what is left; 0, or 1 after saying why standard output could not take it."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return 0
    except (StdoutError, OSError) as error:
        from hii_planner.ui.console import report_error

        report_error(error if isinstance(error, StdoutError) else StdoutError(error))
        return 1
    return 0
