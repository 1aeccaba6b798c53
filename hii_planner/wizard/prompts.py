"""The one place that talks to questionary: every question the guided planner asks goes here.

Steps describe their questions with plain `Option` and `Heading` values and get
plain answers back, so they never touch questionary. Tests drive the real prompts
by giving a `Prompter` prompt_toolkit's pipe input and a dummy output.
questionary is imported when the first question is asked, never at start-up.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output
    from rich.console import Console

CHECKBOX_HELP = "(space ticks, Enter confirms)"
SELECT_HELP = "(↑↓, Enter)"
MORE_CUE = "↓ more below"
"""Said beside the key help when a list is taller than the screen and scrolls."""
_DESCRIPTION_LABEL = "  Description: "
_DESCRIPTION_LINES = 3
# Rows kept for the question and the terminal's last line when a list is taller than the screen.
_RESERVED_ROWS = 4


@dataclass(frozen=True)
class Option:
    """One choice: the value returned, what the facilitator reads, and its state."""

    value: str
    title: str
    description: str | None = None
    checked: bool = False
    disabled: str | None = None
    """Why the choice cannot be changed (shown beside it), or None."""


@dataclass(frozen=True)
class Heading:
    """A group title between choices (a dimension of needs, a track of modules)."""

    title: str


Entry = Option | Heading
Check = Callable[[str], str | None]
"""Returns what is wrong with a typed answer, or None when it is fine."""


class Prompter:
    """Asks questions in the terminal (or through the given input and output, for tests).

    Interrupts are not caught here: Ctrl-C raises `KeyboardInterrupt` and a closed
    input raises `EOFError`, for the caller to keep a draft and stop.
    """

    def __init__(
        self,
        *,
        input: Input | None = None,
        output: Output | None = None,
        console: Console | None = None,
    ) -> None:
        self._io: dict[str, Any] = {}
        if input is not None:
            self._io["input"] = input
        if output is not None:
            self._io["output"] = output
        self._console = console

    @property
    def console(self) -> Console:
        """Where the planner prints headings, previews and messages (stderr by default)."""
        if self._console is None:
            from hii_planner.ui.console import safe_console

            self._console = safe_console(stderr=True, highlight=False)
        return self._console

    def text(self, message: str, *, default: str = "", check: Check | None = None) -> str:
        """A line of text; *check* keeps the prompt open, saying what is wrong, until it passes.

        The default stands in the line, so Enter keeps it and the editing keys
        change it; typing a character first replaces it, as a selected field would.
        """
        import questionary

        def validate(value: str) -> bool | str:
            problem = check(value) if check else None
            return True if problem is None else problem

        pristine = _Pristine(default)
        question = questionary.text(
            message,
            default=default,
            validate=validate,
            key_bindings=pristine.key_bindings(),
            **self._io,
        )
        pristine.watch(question)
        return str(question.unsafe_ask())

    def select(self, message: str, entries: Sequence[Entry], *, default: str | None = None) -> str:
        """One of the options' values (the pointer starts on *default*)."""
        import questionary

        values = {e.value for e in entries if isinstance(e, Option)}
        question = questionary.select(
            message,
            choices=[self._choice(entry) for entry in entries],
            default=default if default in values else None,
            instruction=self._instruction(message, SELECT_HELP, entries),
            **self._io,
        )
        self._fit(question, entries)
        return str(question.unsafe_ask())

    def checkbox(
        self,
        message: str,
        entries: Sequence[Entry],
        *,
        check: Callable[[list[str]], str | None] | None = None,
    ) -> list[str]:
        """The values of the ticked options, in the order they are listed."""
        import questionary

        def validate(values: list[str]) -> bool | str:
            problem = check(values) if check else None
            return True if problem is None else problem

        question = questionary.checkbox(
            message,
            choices=[self._choice(entry) for entry in entries],
            validate=validate,
            instruction=self._instruction(message, CHECKBOX_HELP, entries),
            **self._io,
        )
        self._fit(question, entries)
        ticked = set(question.unsafe_ask())
        return [e.value for e in entries if isinstance(e, Option) and e.value in ticked]

    def confirm(self, message: str, *, default: bool) -> bool:
        """Yes or no."""
        import questionary

        return bool(questionary.confirm(message, default=default, **self._io).unsafe_ask())

    def _size(self) -> tuple[int, int]:
        """The terminal's (columns, rows)."""
        output = self._io.get("output")
        if output is not None:
            size = output.get_size()
            return size.columns, size.rows
        found = shutil.get_terminal_size()
        return found.columns, found.lines

    def _scrolls(self, entries: Sequence[Entry]) -> bool:
        """True when the list is taller than the screen, so that it scrolls."""
        _, rows = self._size()
        return len(entries) + _DESCRIPTION_LINES + 1 + _RESERVED_ROWS > rows

    def _instruction(self, message: str, help_text: str, entries: Sequence[Entry]) -> str:
        """The key help, on the question's line or, when that is full, on the next one.

        A list that scrolls says so, so that no one takes its last visible line for its end.
        """
        columns, _ = self._size()
        text = f"{help_text} {MORE_CUE}" if self._scrolls(entries) else help_text
        if len(message) + len(text) + 4 <= columns:
            return text
        return "\n  " + text

    def _choice(self, entry: Entry) -> Any:
        from questionary import Choice, Separator

        if isinstance(entry, Heading):
            return Separator(f"── {entry.title}")
        return Choice(
            title=entry.title,
            value=entry.value,
            checked=entry.checked,
            disabled=entry.disabled,
            description=self._wrap(entry.description),
        )

    def _wrap(self, description: str | None) -> str | None:
        """A description folded to the terminal's width (questionary prints it on one line)."""
        if not description:
            return None
        columns, _ = self._size()
        width = max(20, columns - len(_DESCRIPTION_LABEL) - 1)
        lines = textwrap.wrap(description, width, max_lines=_DESCRIPTION_LINES, placeholder=" …")
        return ("\n" + " " * len(_DESCRIPTION_LABEL)).join(lines)

    def _fit(self, question: Any, entries: Sequence[Entry]) -> None:
        """Bound a long list to the screen, so that it scrolls with the pointer.

        questionary lets a list run past the bottom of a short terminal, where the
        pointer can no longer be seen; a list window of bounded height scrolls instead.
        """
        from prompt_toolkit.layout.dimension import Dimension
        from prompt_toolkit.layout.margins import ScrollbarMargin
        from questionary.prompts.common import InquirerControl

        if not self._scrolls(entries):
            return
        _, rows = self._size()
        # One more row than the question needs, for the key help on its own line.
        height = max(3, rows - _RESERVED_ROWS - 1)
        for window in question.application.layout.find_all_windows():
            if isinstance(window.content, InquirerControl):
                window.height = Dimension(max=height)
                # Arrows at the top and bottom of a scrollbar show there is more.
                window.right_margins = [ScrollbarMargin(display_arrows=True)]


class _Pristine:
    """Whether a text prompt still shows its default untouched (one per question)."""

    def __init__(self, default: str) -> None:
        self.untouched = bool(default)

    def touched(self, _: object = None) -> None:
        """The line was edited or the cursor moved: typing now inserts where the cursor is."""
        self.untouched = False

    def key_bindings(self) -> Any:
        """Key bindings under which the first character typed replaces the untouched default."""
        from prompt_toolkit.filters import Condition
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.keys import Keys

        bindings = KeyBindings()

        @bindings.add(Keys.Any, filter=Condition(lambda: self.untouched))
        def _replace(event: Any) -> None:
            self.touched()
            event.current_buffer.text = event.data
            event.current_buffer.cursor_position = len(event.data)

        return bindings

    def watch(self, question: Any) -> None:
        """Notice edits and cursor moves in *question*'s line (after the default is in it)."""
        buffer = question.application.current_buffer
        buffer.on_text_changed += self.touched
        buffer.on_cursor_position_changed += self.touched
