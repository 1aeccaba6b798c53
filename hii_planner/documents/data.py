"""Documents as plain JSON-ready data: what the fixed Typst template reads.

Every string stays a JSON string, so the template can only ever print it as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hii_planner.documents.model import (
    Block,
    BulletList,
    Document,
    Facts,
    Heading,
    MarkdownText,
    PageBreak,
    Paragraph,
    TableBlock,
    Timeline,
    WritingSpace,
)
from hii_planner.documents.richtext import (
    RichBlock,
    RichHeading,
    RichList,
    RichParagraph,
    RichQuote,
    Span,
    parse_markdown,
    plain_text,
)
from hii_planner.documents.text import direction, group_colours, reference_label

Data = dict[str, Any]


def _spans(spans: Sequence[Span]) -> list[Data]:
    return [
        {"t": span.text, "b": span.strong, "i": span.emphasis, "c": span.code} for span in spans
    ]


def _rich(block: RichBlock) -> Data:
    if isinstance(block, RichParagraph | RichHeading):
        kind = "p" if isinstance(block, RichParagraph) else "h"
        return {
            "kind": kind,
            "spans": _spans(block.spans),
            "dir": direction(plain_text(block.spans)),
        }
    if isinstance(block, RichQuote):
        return {"kind": "quote", "blocks": [_rich(inner) for inner in block.blocks]}
    return {
        "kind": "list",
        "numbered": block.numbered,
        "start": block.start,
        "items": [[_rich(inner) for inner in item] for item in block.items],
    }


def _plain_list(items: Sequence[str], *, numbered: bool) -> Data:
    paragraphs = (RichParagraph((Span(item),)) for item in items)
    return _rich(RichList(tuple((p,) for p in paragraphs), numbered=numbered))


def _table(block: TableBlock) -> Data:
    width = len(block.header)
    rows = [[*row[:width], *([""] * (width - len(row)))] for row in block.rows]
    widths = list(block.widths) if len(block.widths) == width else []
    return {"kind": "table", "header": list(block.header), "rows": rows, "widths": widths}


def _timeline(block: Timeline) -> Data:
    colours = group_colours(group for _, _, group in block.marks)
    return {
        "kind": "timeline",
        "marks": [
            {"label": label, "date": date, "colour": colours[group]}
            for label, date, group in block.marks
        ],
        "legend": [{"name": name, "colour": index} for name, index in colours.items() if name],
    }


def block_data(block: Block) -> Data:
    """One block as data for the template."""
    if isinstance(block, Heading):
        return {
            "kind": "heading",
            "text": block.text,
            "level": block.level,
            "dir": direction(block.text),
        }
    if isinstance(block, Paragraph):
        return {
            "kind": "paragraph",
            "text": block.text,
            "style": block.style,
            "dir": direction(block.text),
        }
    if isinstance(block, MarkdownText):
        return {"kind": "rich", "blocks": [_rich(b) for b in parse_markdown(block.source)]}
    if isinstance(block, BulletList):
        return _plain_list(block.items, numbered=block.numbered)
    if isinstance(block, Facts):
        return {"kind": "facts", "pairs": [[label, value] for label, value in block.pairs]}
    if isinstance(block, TableBlock):
        return _table(block)
    if isinstance(block, WritingSpace):
        return {
            "kind": "writing",
            "prompt": block.prompt,
            "lines": block.lines,
            "dir": direction(block.prompt),
        }
    if isinstance(block, Timeline):
        return _timeline(block)
    if isinstance(block, PageBreak):
        return {"kind": "pagebreak"}
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover - the Block union is closed


def document_data(document: Document) -> Data:
    """One document, page furniture included, as data for the template."""
    return {
        "title": document.title,
        "subtitle": document.subtitle,
        "reference": reference_label(document),
        "marking": document.marking,
        "footer": document.footer,
        "large_print": document.large_print,
        "easy_read": document.easy_read,
        "paper": document.paper,
        "language": document.language,
        "dir": direction(document.title),
        "blocks": [block_data(block) for block in document.blocks],
    }
