"""A scripted `Prompter` for the guided planner's flow tests: answers by value, no keystrokes.

Each answer is taken in turn; `ENTER` takes the question's default (what Enter
does in the terminal). Every question asked is kept, so a test can check the
order of the steps and the defaults offered. Checks run as in the terminal: an
answer a question's check refuses fails the test, saying why.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import Console

from hii_planner.wizard.prompts import Entry, Option, Prompter


class _Enter:
    def __repr__(self) -> str:
        return "ENTER"


ENTER: Any = _Enter()


@dataclass(frozen=True)
class Asked:
    """One question the planner asked, the default it offered and the answer given."""

    kind: str
    message: str
    default: object
    answer: object


class ScriptedPrompter(Prompter):
    """Answers the planner's questions from a script, and records them."""

    def __init__(self, answers: Sequence[object]) -> None:
        self.screen = io.StringIO()
        super().__init__(console=Console(file=self.screen, width=80, no_color=True))
        self.answers = list(answers)
        self.asked: list[Asked] = []

    def _next(self, kind: str, message: str, default: object) -> object:
        if not self.answers:
            raise EOFError(f"no scripted answer for {kind} {message!r}")
        answer = self.answers.pop(0)
        chosen = default if answer is ENTER else answer
        self.asked.append(Asked(kind, message, default, chosen))
        return chosen

    def text(
        self, message: str, *, default: str = "", check: Callable[[str], str | None] | None = None
    ) -> str:
        """The scripted text, checked as the terminal would check it."""
        value = str(self._next("text", message, default))
        problem = check(value) if check else None
        assert problem is None, f"{message} refused {value!r}: {problem}"
        return value

    def select(self, message: str, entries: Sequence[Entry], *, default: str | None = None) -> str:
        """The scripted option value, which must be one of the options."""
        values = [e.value for e in entries if isinstance(e, Option) and not e.disabled]
        value = str(self._next("select", message, default if default in values else values[0]))
        assert value in values, f"{message}: {value!r} is not one of {values}"
        return value

    def checkbox(
        self,
        message: str,
        entries: Sequence[Entry],
        *,
        check: Callable[[list[str]], str | None] | None = None,
    ) -> list[str]:
        """The scripted ticks (ENTER keeps the pre-ticked ones), in the options' order."""
        options = [e for e in entries if isinstance(e, Option)]
        ticked = [e.value for e in options if e.checked]
        chosen = set(self._next("checkbox", message, ticked))  # type: ignore[call-overload]
        values = [e.value for e in options if e.value in chosen]
        problem = check(values) if check else None
        assert problem is None, f"{message} refused {values}: {problem}"
        return values

    def confirm(self, message: str, *, default: bool) -> bool:
        """The scripted yes or no."""
        return bool(self._next("confirm", message, default))
