"""Every Markdown output escapes library and plan text: markup and raw HTML print as written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from hii_planner import Library, Plan, Reason
from hii_planner.documents.markdown import render_markdown
from hii_planner.export import markdown as plan_markdown
from hii_planner.handouts.overview import plan_overview
from hii_planner.handouts.report import build_report
from tests.conftest import LibraryFactory, fixture_library, make_plan

HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> *em* **strong** "
    "[link](javascript:alert(3)) `code` ~~gone~~ &amp; | pipe"
)
# What the hostile text would become if it were not escaped (the documents' own
# emphasis, such as a muted caption, is fine).
RUN_AS_MARKUP = ("<em>em</em>", "<strong>strong</strong>", "<code>code</code>", "<del>gone</del>")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)


def html_of(markdown: str) -> str:
    """*markdown* as a CommonMark renderer with GFM tables and strikethrough renders it."""
    return str(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown))


def tags_of(markdown: str) -> set[str]:
    """The HTML elements made of *markdown*."""
    parser = _Tags()
    parser.feed(html_of(markdown))
    return parser.tags


@pytest.fixture
def hostile_plan(make_library: LibraryFactory) -> tuple[Plan, Library]:
    library = fixture_library(make_library)
    plan = make_plan(library, start=dt.date(2027, 1, 4), facilitators=[HOSTILE[:80]])
    plan.library.name = HOSTILE
    plan.modules[0].title = HOSTILE
    plan.modules[0].reasons = [Reason.parse(HOSTILE)]
    for session in plan.sessions:
        session.title = HOSTILE
    plan.sessions[0].status = "delivered"
    plan.sessions[0].notes = HOSTILE
    return plan, library


OUTPUTS: list[object] = [
    pytest.param(lambda plan, library: plan_markdown.render(plan), id="plan-export"),
    pytest.param(
        lambda plan, library: render_markdown([plan_overview(plan, library)]), id="overview"
    ),
    pytest.param(
        lambda plan, library: render_markdown(
            [build_report(plan, today=dt.date(2027, 6, 1), library=library)]
        ),
        id="report",
    ),
]


@pytest.mark.parametrize("output", OUTPUTS)
def test_hostile_text_is_printed_not_run(
    hostile_plan: tuple[Plan, Library], output: Callable[[Plan, Library], str]
) -> None:
    # Raw HTML and inline markup in titles, names, reasons and notes come out as text:
    # no element that the text asked for, and the visible words still there.
    plan, library = hostile_plan
    markdown = output(plan, library)
    assert not tags_of(markdown) & {"script", "img", "a"}
    rendered = html_of(markdown)
    assert not [fragment for fragment in RUN_AS_MARKUP if fragment in rendered]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "*em*" in rendered


def test_overview_markdown_does_not_speak_of_colours(make_library: LibraryFactory) -> None:
    # Markdown has no colours: the overview's timeline caption must not mention them.
    library = fixture_library(make_library)
    plan = make_plan(library, start=dt.date(2027, 1, 4))
    assert "colour" not in render_markdown([plan_overview(plan, library)]).lower()
