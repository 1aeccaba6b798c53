"""Library Markdown becomes a small safe structure: paragraphs, lists, quotes and emphasis."""

from __future__ import annotations

import pytest

from hii_planner.documents.richtext import (
    RichBlock,
    RichHeading,
    RichList,
    RichParagraph,
    RichQuote,
    Span,
    parse_markdown,
)


def para(*spans: Span | str) -> RichParagraph:
    return RichParagraph(tuple(Span(s) if isinstance(s, str) else s for s in spans))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("One\ntwo", (para("One two"),), id="soft-break-is-a-space"),
        pytest.param("One  \ntwo", (para("One\ntwo"),), id="hard-break-is-a-newline"),
        pytest.param("A\n\nB", (para("A"), para("B")), id="paragraphs"),
        pytest.param(
            "a **b** *c* ***d***",
            (
                para(
                    "a ",
                    Span("b", strong=True),
                    " ",
                    Span("c", emphasis=True),
                    " ",
                    Span("d", strong=True, emphasis=True),
                ),
            ),
            id="emphasis",
        ),
        pytest.param(
            "- a\n- b\n  1. c",
            (
                RichList(
                    (
                        (para("a"),),
                        (para("b"), RichList(((para("c"),),), numbered=True)),
                    )
                ),
            ),
            id="nested-lists",
        ),
        pytest.param(
            "3. three\n4. four",
            (RichList(((para("three"),), (para("four"),)), numbered=True, start=3),),
            id="numbered-from-three",
        ),
        pytest.param("> said", (RichQuote((para("said"),)),), id="quote"),
        pytest.param("## Part", (RichHeading((Span("Part"),)),), id="heading"),
        pytest.param(
            "<b>x</b> & <script>y</script>",
            (para("<b>x</b> & <script>y</script>"),),
            id="raw-html-is-text",
        ),
        pytest.param(
            "<div>\nblock\n</div>", (para("<div> block </div>"),), id="html-block-is-text"
        ),
        pytest.param("`#read()`", (para(Span("#read()", code=True)),), id="code-is-text"),
        pytest.param("    indented", (para(Span("indented", code=True)),), id="code-block"),
        pytest.param(
            "[here](https://example.org) [top](#top)",
            (para("here (https://example.org) top"),),
            id="links-print-their-address",
        ),
        pytest.param("![alt text](x.png)", (para("alt text"),), id="image-is-its-alt-text"),
        pytest.param("&amp; &lt; \\*", (para("& < *"),), id="entities-and-escapes-decoded"),
        pytest.param("---\n\n", (), id="rule-prints-nothing"),
        pytest.param("", (), id="empty"),
    ],
)
def test_parse_markdown(source: str, expected: tuple[RichBlock, ...]) -> None:
    # Each construct maps to the safe structure; everything else is plain text.
    assert parse_markdown(source) == expected
