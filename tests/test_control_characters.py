"""Control characters never reach a terminal and are refused in free text and library text."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from hii_planner import load_library, write_plan
from hii_planner.safetext import control_characters, for_terminal
from tests.conftest import Cli, LibraryFactory, fixture_library, make_plan, module, session


@pytest.fixture
def plan_file(make_library: LibraryFactory, workdir: Path) -> Path:
    library = fixture_library(make_library).path
    path = workdir / "P-0042.toml"
    write_plan(path, make_plan(load_library(library), start=dt.date(2026, 11, 2)))
    return path


@pytest.mark.parametrize(
    ("text", "multiline", "found"),
    [
        pytest.param("Lead A", False, [], id="plain"),
        pytest.param("a\x1b]0;title\x07b", False, ["\x1b", "\x07"], id="osc-title"),
        pytest.param("two\nlines", False, ["\n"], id="line-break-in-one-line"),
        pytest.param("two\nlines\tok", True, [], id="line-break-in-notes"),
        pytest.param("a\rb", True, ["\r"], id="carriage-return"),
        pytest.param("abc\u202edef", False, ["\u202e"], id="bidi-override"),
    ],
)
def test_control_characters_found(text: str, multiline: bool, found: list[str]) -> None:
    # Controls are found in text; notes may keep line breaks and tabs.
    assert control_characters(text, multiline=multiline) == found


@pytest.mark.parametrize("multiline", [False, True])
def test_the_quick_search_agrees_with_unicode_categories(multiline: bool) -> None:
    # The fast check must find exactly what the category rule finds, for every code point
    # of the first planes' controls, bidi marks and their neighbours.
    allowed = "\n\t" if multiline else ""
    for code in range(0x3000):
        character = chr(code)
        control = unicodedata.category(character) == "Cc" or 0x202A <= code <= 0x202E
        control = control or 0x2066 <= code <= 0x2069
        found = control_characters(f"a{character}b", multiline=multiline)
        assert found == ([character] if control and character not in allowed else []), hex(code)
        shown_as_escape = for_terminal(character) != character
        assert shown_as_escape == (control and character not in "\n\t"), hex(code)


def test_for_terminal_shows_escapes() -> None:
    # What reaches a terminal shows a control character instead of obeying it.
    assert for_terminal("a\x1b[2Jb\nc") == "a\\x1b[2Jb\nc"


def test_plan_show_never_prints_a_control_character(cli: Cli, plan_file: Path) -> None:
    # A hand-edited title holding ESC is shown escaped by plan show, not sent raw.
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace('title = "S1"', 'title = "S\\u001b]0;x\\u0007"', 1))
    result = cli("plan", "show", str(plan_file))
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "S\\x1b]0;x" in result.stdout


MARKUP_LIKE = "[/] [bold]kept[/bold] [name withheld] :smile:"


def test_brackets_and_emoji_codes_in_plan_text_are_shown_as_written(
    cli: Cli, plan_file: Path
) -> None:
    # Rich markup and emoji codes in a note or a title are text: shown as written, never a
    # style, an emoji or a crash ("[/]" closes nothing).
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace('title = "S1"', 'title = "S1 [draft] :x:"', 1))
    cli("plan", "record", str(plan_file), "1", "--status", "delivered", "--note", MARKUP_LIKE)
    shown = cli("plan", "show", str(plan_file), "--no-pager").stdout
    assert "S1 [draft] :x:" in shown
    assert MARKUP_LIKE in " ".join(shown.split())
    detail = cli("plan", "show", str(plan_file), "1").stdout
    assert MARKUP_LIKE in " ".join(detail.split())


def test_brackets_in_library_text_are_shown_as_written(
    cli: Cli, make_library: LibraryFactory
) -> None:
    # A module or session title with brackets reads the same in `library show` and `graph`.
    library = make_library(
        [module("only", title="Only [draft]", sessions=[session("one", title="One [/] :x:")])],
        info={"name": "Library [test]"},
    )
    shown = cli("--library", str(library), "library", "show", "only").stdout
    assert "Only [draft]" in shown and "One [/] :x:" in shown
    assert "Library [test]" in cli("--library", str(library), "library", "graph").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["--facilitator", "Lead\x1b[2J"],
            "facilitators[0]: the text holds a control character, which is not allowed: U+001B (escape)",
            id="escape-in-facilitator",
        ),
        pytest.param(
            ["--facilitator", "Lead\nB"],
            "facilitators[0]: the text holds a control character, which is not allowed: U+000A "
            "(line break)",
            id="line-break-in-facilitator",
        ),
    ],
)
def test_free_text_flags_refuse_control_characters(
    cli: Cli, workdir: Path, args: list[str], message: str
) -> None:
    # plan new refuses a facilitator name holding a control character, writing nothing.
    result = cli("plan", "new", "--no-input", "--participant", "P-1", *args, exit_code=1)
    assert message in result.stderr
    assert list(workdir.iterdir()) == []


def test_notes_refuse_control_characters(cli: Cli, plan_file: Path) -> None:
    # A note holding ESC or BEL is refused; the plan is byte-identical.
    before = plan_file.read_bytes()
    result = cli(
        "plan", "record", str(plan_file), "1", "--status", "delivered", "--note", "ok\x1b]0;x\x07",
        exit_code=1,
    )  # fmt: skip
    assert result.stderr.splitlines()[0] == (
        "error: the note holds a control character, which is not allowed: U+001B (escape), "
        "U+0007 (bell); nothing was changed"
    )
    assert plan_file.read_bytes() == before


def test_notes_keep_line_breaks(cli: Cli, plan_file: Path) -> None:
    # Line breaks stay allowed in notes.
    cli("plan", "record", str(plan_file), "1", "--status", "delivered", "--note", "one\ntwo")


def test_library_text_with_control_characters_is_an_error(
    cli: Cli, make_library: LibraryFactory
) -> None:
    # library check reports a title holding a control character, with the file and line.
    library = make_library([module("only", sessions=[session("one", title="Tit\u001ble")])])
    result = cli("library", "check", str(library), exit_code=1)
    assert (
        "only.toml:5: sessions[0].title: the text holds a control character"
        in result.stdout + result.stderr
    )
