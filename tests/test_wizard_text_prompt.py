"""Text questions with a default: typing replaces it, Enter keeps it, editing keys edit it."""

from __future__ import annotations

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from hii_planner.wizard.prompts import Prompter
from tests.conftest import LibraryFactory, fixture_library
from tests.wizard_driver import ENTER, plan_new

SCHEDULE_DEFAULTS = [ENTER] * 7  # start, cadence, weekday, holidays, time, place, closures

BACKSPACE = "\x7f"
LEFT = "\x1b[D"
CLEAR = "\x15"


def typed(keys: str, *, default: str) -> str:
    """What a text question returns when *keys* are typed into it."""
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        prompter = Prompter(input=pipe, output=DummyOutput())
        return prompter.text("Participant reference:", default=default)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        pytest.param(ENTER, "P-W4HBP-0099", id="enter-keeps-the-default"),
        pytest.param("P-0042" + ENTER, "P-0042", id="typing-replaces-the-default"),
        pytest.param(CLEAR + "P-9" + ENTER, "P-9", id="clearing-first-still-works"),
        pytest.param(BACKSPACE * 2 + "11" + ENTER, "P-W4HBP-0011", id="backspace-edits-it"),
        pytest.param(LEFT + "X" + ENTER, "P-W4HBP-009X9", id="a-cursor-move-then-insert"),
        pytest.param("x" + BACKSPACE + "P-1" + ENTER, "P-1", id="only-the-first-key-replaces"),
        pytest.param(CLEAR + ENTER, "", id="cleared-to-nothing"),
    ],
)
def test_typing_replaces_a_default(keys: str, expected: str) -> None:
    # The default behaves as a selected field: the first character typed replaces it.
    assert typed(keys, default="P-W4HBP-0099") == expected


def test_without_a_default_typing_is_plain() -> None:
    # No default: characters are inserted as typed.
    assert typed("ab" + LEFT + "c" + ENTER, default="") == "acb"


def test_the_guided_planner_takes_a_typed_reference_as_it_is(make_library: LibraryFactory) -> None:
    # Typing a reference over the generated one gives exactly the typed reference.
    library = fixture_library(make_library, "wizard")
    run = plan_new(library, ["P-0042" + ENTER, *[ENTER] * 5, *SCHEDULE_DEFAULTS, ENTER])
    assert run.error is None, run.error
    [result] = run.saved
    assert result.plan.participant.reference == "P-0042"
