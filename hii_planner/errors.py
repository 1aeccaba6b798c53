"""The one exception tree of hii-planner; the CLI turns it into messages and exit codes."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from hii_planner.wording import plural


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about a library or plan file, with where to look."""

    file: str
    line: int | None
    location: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        key = f" {self.location}:" if self.location else ""
        return f"{where}:{key} {self.message}"

    def as_json(self) -> dict[str, object]:
        """The contract's shape for `library check --json`."""
        return {
            "file": self.file,
            "line": self.line,
            "location": self.location,
            "message": self.message,
        }


class HiiPlannerError(Exception):
    """Base of every error the user can act on (exit code 1, no traceback)."""

    exit_code = 1
    hint: str | None = None

    def lines(self) -> list[str]:
        """The message, one line per finding."""
        return [str(self)]


class ProblemsError(HiiPlannerError):
    """An error made of located problems (file:line: key: message), one line each."""

    def __init__(self, summary: str, problems: Sequence[Problem], *, hint: str) -> None:
        self.problems = tuple(problems)
        super().__init__(summary)
        self.hint = hint

    def lines(self) -> list[str]:
        """Every problem, one per line."""
        return [str(p) for p in self.problems]


class LibraryError(ProblemsError):
    """The module library cannot be used: it carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        count = len(problems)
        super().__init__(
            f"the library has {plural(count, 'problem')}",
            problems,
            hint="run `hii-planner library check` for the full report",
        )


class RequestError(HiiPlannerError):
    """A plan request names unknown things or misses answers; all are listed at once."""

    def __init__(self, messages: Sequence[str], *, hint: str | None = None) -> None:
        self.messages = tuple(messages)
        count = len(self.messages)
        super().__init__(self.messages[0] if count == 1 else f"{count} problems with the request")
        self.hint = hint

    def lines(self) -> list[str]:
        """Every message, one per line."""
        return list(self.messages)


class PlanningError(HiiPlannerError):
    """The request is understood but no plan satisfies it (the message names the chain)."""

    def __init__(
        self, message: str, *, hint: str | None = None, wizard_hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.hint = hint
        self.wizard_hint = wizard_hint
        """The same advice in the guided planner's words: titles and ticks, no flags."""


class PlanFileError(ProblemsError):
    """A plan file cannot be read or does not follow the plan format."""

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        super().__init__(
            f"{file} is not a valid plan file",
            problems,
            hint="the file was left untouched; fix it by hand or restore a copy",
        )


class AnswersFileError(ProblemsError):
    """An answers file cannot be read or does not have the request's shape."""

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        super().__init__(
            f"{file} is not a valid answers file",
            problems,
            hint="`hii-planner library schema answers` describes the format",
        )


class StalePlanError(HiiPlannerError):
    """The plan changed on disk since it was read, so it is not overwritten."""

    def __init__(self, file: str, *, expected: int, found: int) -> None:
        super().__init__(
            f"{file} changed since it was read (revision {expected} then, {found} now); "
            "nothing was written"
        )
        self.hint = "run the command again to apply it to the current plan"


class OutputExistsError(HiiPlannerError):
    """A command would overwrite a file the user did not ask to replace."""

    def __init__(self, file: str) -> None:
        super().__init__(f"{file} already exists; nothing was written")
        self.file = file
        self.hint = "pass --force to replace it, or choose another --out"


class DeliveryError(HiiPlannerError):
    """A delivery record (attendance, reschedule) cannot be applied to the plan."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class FileAccessError(HiiPlannerError):
    """A file or folder cannot be read or written (permissions, missing, full disk)."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class InterruptedByUser(HiiPlannerError):
    """The user stopped an interactive command (Ctrl-C, closed terminal); exit 130."""

    exit_code = 130

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class CancelledByUser(InterruptedByUser):
    """The user chose Cancel in an interactive command: nothing was saved, exit 0."""

    exit_code = 0


class MergeError(HiiPlannerError):
    """Copies of a plan cannot be merged (not copies of one plan, or a base that is not theirs)."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class UnresolvedConflictsError(HiiPlannerError):
    """A plan still holds conflicts from a merge, so it is not changed until they are settled."""

    def __init__(self, file: str, sessions: list[int]) -> None:
        numbers = ", ".join(str(n) for n in sessions)
        noun = "session" if len(sessions) == 1 else "sessions"
        super().__init__(
            f"{file} has an unsettled merge conflict ({noun} {numbers}); nothing was changed"
        )
        self.sessions = tuple(sessions)
        self.hint = (
            f"settle it first: `hii-planner plan resolve {shlex.quote(file)} {sessions[0]} "
            "--take ours|theirs` (`hii-planner plan resolve FILE` lists both records)"
        )
