"""Library files are typed strictly, as the JSON Schemas say, with the key's line."""

from __future__ import annotations

import pytest

from tests.conftest import Cli, LibraryFactory

MODULE = (
    'id = "a"\ntitle = "A"\ntrack = "main"\n{extra}[[sessions]]\nid = "s"\ntitle = "S"\n{session}'
)


@pytest.mark.parametrize(
    ("extra", "session", "message"),
    [
        pytest.param(
            'core = "yes"\n', "minutes = 60\n",
            "a.toml:4: core: 'yes' should be true or false (without quotes)", id="core-yes",
        ),
        pytest.param(
            "", "minutes = 90.0\n",
            "a.toml:7: sessions[0].minutes: 90.0 should be a whole number", id="minutes-float",
        ),
        pytest.param(
            "", "minutes = true\n",
            "a.toml:7: sessions[0].minutes: true should be a whole number", id="minutes-true",
        ),
        pytest.param(
            "", "minutes = 0\n",
            "a.toml:7: sessions[0].minutes: 0 is too small: the least allowed is 5",
            id="minutes-below-the-least",
        ),
        pytest.param(
            'summary = "x"\ntitle_x = 1\n', "minutes = 60\n",
            "unknown key 'title_x'", id="unknown-key-still",
        ),
    ],
)  # fmt: skip
def test_loose_module_types_are_errors(
    cli: Cli, make_library: LibraryFactory, extra: str, session: str, message: str
) -> None:
    # core = "yes", minutes = 90.0 and minutes = true are errors with the key's line.
    library = make_library([], raw={"a.toml": MODULE.format(extra=extra, session=session)})
    result = cli("library", "check", str(library), exit_code=1)
    assert message in result.stderr


def test_whitespace_only_title_is_an_error(cli: Cli, make_library: LibraryFactory) -> None:
    # A title of spaces only is blank, with its line.
    text = MODULE.format(extra="", session="minutes = 60\n").replace('title = "S"', 'title = "   "')
    library = make_library([], raw={"a.toml": text})
    result = cli("library", "check", str(library), exit_code=1)
    assert "a.toml:6: sessions[0].title: is blank" in result.stderr


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        pytest.param("caution_if", '"no"', "'no' should be true or false", id="caution-if"),
        pytest.param("first", '"yes"', "'yes' should be true or false", id="first"),
    ],
)
def test_loose_screening_types_are_errors(
    cli: Cli, make_library: LibraryFactory, field: str, value: str, message: str
) -> None:
    # Screening booleans are strict too.
    info = (
        'name = "T"\nversion = "1"\n[[tracks]]\nid = "main"\ntitle = "Main"\n'
        '[[screening]]\nid = "q"\nquestion = "Q?"\ncaution = "C"\n'
        f"caution_if = {value if field == 'caution_if' else 'true'}\n"
        + (f"{field} = {value}\n" if field != "caution_if" else "")
    )
    library = make_library(raw={"library.toml": info})
    result = cli("library", "check", str(library), exit_code=1)
    assert message in result.stderr


def test_twin_string_is_an_error(cli: Cli, make_library: LibraryFactory) -> None:
    # twin = "yes" on a track is refused.
    info = 'name = "T"\nversion = "1"\n[[tracks]]\nid = "main"\ntitle = "Main"\ntwin = "yes"\n'
    library = make_library(raw={"library.toml": info})
    result = cli("library", "check", str(library), exit_code=1)
    assert "library.toml:6: tracks[0].twin: 'yes' should be true or false" in result.stderr
