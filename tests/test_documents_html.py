"""HTML documents: landmarks and sections that checkers accept, and a print-ready stylesheet."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from hii_planner.documents.html import render_html
from hii_planner.documents.model import Document, Heading, Paragraph, Timeline, WritingSpace

DOCUMENT = Document(
    title="Session 3",
    reference="P-0042",
    marking="OFFICIAL-SENSITIVE",
    blocks=(
        Heading("Questions"),
        WritingSpace("What matters to you?", lines=3),
        Paragraph("Sessions by number and date, by track."),
        Timeline((("1", "4 Jan", "Main"), ("2", "11 Jan", "Faith"))),
    ),
)


class _Outline(HTMLParser):
    """Open elements, landmarks, and whether each <section> has a heading."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.counts: dict[str, int] = {}
        self.sections: list[bool] = []  # one per <section>: has it a heading yet?
        self.outside_main: list[str] = []
        self.hidden_text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag == "section":
            self.sections.append(False)
        if re.fullmatch(r"h[1-6]", tag) and "section" in self.stack:
            self.sections[-1] = True
        if "body" in self.stack and "main" not in self.stack and tag != "main":
            self.outside_main.append(tag)
        if self._hidden or ("class", "visually-hidden") in attrs:
            self._hidden += 1
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            self._hidden -= 1
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._hidden:
            self.hidden_text.append(data)


def outline(html: str) -> _Outline:
    parser = _Outline()
    parser.feed(html)
    return parser


def test_one_main_landmark_holds_everything() -> None:
    # Every document sits inside a single <main>, so the page has its landmark and
    # no content outside one (axe: landmark-one-main, region).
    found = outline(render_html([DOCUMENT, DOCUMENT]))
    assert found.counts["main"] == 1
    assert found.outside_main == []
    assert found.counts["article"] == 2


def test_no_section_without_a_heading() -> None:
    # A question with its writing lines is a <div>; any <section> must have a heading
    # (the Nu checker warns about headingless sections).
    found = outline(render_html([DOCUMENT]))
    assert all(found.sections)
    assert '<div class="writing">' in render_html([DOCUMENT])


def test_timeline_marks_name_their_track_in_words() -> None:
    # Colour is not the only carrier of the track: each mark names it for screen readers.
    found = outline(render_html([DOCUMENT]))
    assert [text.strip(", ") for text in found.hidden_text] == ["Main", "Faith"]


def _print_rules(css: str) -> str:
    start = css.index("@media print")
    depth = 0
    for end, ch in enumerate(css[start:], start=start):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if ch == "}" and depth == 0:
            return css[start:end]
    raise AssertionError("the @media print block is not closed")


@pytest.mark.parametrize(
    ("needle", "where"),
    [
        pytest.param(".furniture { display: none; }", "print", id="marking-bar-hidden-in-print"),
        pytest.param("print-color-adjust: exact", "all", id="legend-keeps-colours"),
        pytest.param('@top-center { content: "', "all", id="margins-carry-the-marking"),
    ],
)
def test_print_stylesheet(needle: str, where: str) -> None:
    # Printing shows the marking once per page (from the page margins, the on-page bar
    # hidden) and keeps the timeline's and legend's colours.
    html = render_html([DOCUMENT])
    css = html[html.index("<style>") : html.index("</style>")]
    assert needle in (_print_rules(css) if where == "print" else css)
