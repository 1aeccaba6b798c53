"""TOML reading: a byte-order mark is accepted; comments quoting \"\"\" keep later line numbers."""

from __future__ import annotations

import pytest

from hii_planner import check_library
from hii_planner.files.tomlsource import TomlDocument, key_lines, parse_toml
from tests.conftest import LibraryFactory


def test_a_byte_order_mark_is_accepted_and_lines_stay_right() -> None:
    # Windows editors save UTF-8 with a byte-order mark: the file reads as without one.
    raw = '\ufeffid = "a"\ntitle = "A"\n'.encode()
    document = parse_toml(raw, file="a.toml")
    assert isinstance(document, TomlDocument)
    assert document.data == {"id": "a", "title": "A"}
    assert document.line_of(("title",)) == 2


def test_a_library_saved_with_byte_order_marks_checks_clean(make_library: LibraryFactory) -> None:
    # library.toml and a module file with a byte-order mark: no syntax error, lines as written.
    folder = make_library()
    for name in ("library.toml", "only.toml"):
        path = folder / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = check_library(folder)
    assert result.ok, result.errors


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param('"""  # the closing """ ends the body', id="comment-quotes-delimiter"),
        pytest.param('end of text"""  # """ """', id="text-then-comment"),
        pytest.param('"""', id="plain"),
        pytest.param('\\"""\n"""', id="escaped-quote-then-close"),
    ],
)
def test_a_comment_after_a_multi_line_string_keeps_later_lines(closing: str) -> None:
    # Only the first unescaped delimiter closes the string; what follows does not reopen it.
    text = f'body = """\nsome text\n{closing}\nminutes = 60\n[handout]\ntitle = "T"\n'
    lines = key_lines(text)
    after = text.splitlines().index("minutes = 60") + 1
    assert lines[("minutes",)] == after
    assert lines[("handout", "title")] == after + 2


def test_a_one_line_triple_quoted_string_with_a_comment_is_closed() -> None:
    # body = """x"""  # a """ comment: the string closed on its own line.
    text = 'body = """x"""  # a """ comment\nminutes = 60\n'
    assert key_lines(text)[("minutes",)] == 2


def test_a_literal_multi_line_string_closes_at_its_first_delimiter() -> None:
    # ''' strings have no escapes: the first ''' closes them.
    text = "body = '''\nC:\\path\\'''  # '''\nminutes = 60\n"
    assert key_lines(text)[("minutes",)] == 3
