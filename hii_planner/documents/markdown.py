"""Render documents as Markdown; library text is escaped so it prints exactly as written."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

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
)
from hii_planner.documents.text import reference_label

_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#|~&$])")
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")
WRITING_LINE = "." * 60


def _escape_line_start(line: str) -> str:
    """Escape what would start a list or heading underline at the start of a line."""
    return _LINE_START.sub(
        lambda m: f"{m[1]}\\{m[2]}" if m[1] is not None else f"\\{m[3]}", line, count=1
    )


def escape_line(line: str) -> str:
    """One line of text with everything Markdown could interpret escaped."""
    return _escape_line_start(_PUNCTUATION.sub(r"\\\1", line.strip()))


def escape(text: str) -> str:
    """Text escaped for Markdown; its line breaks become hard breaks."""
    return "\\\n".join(escape_line(line) for line in text.strip().split("\n"))


def _cell(text: str) -> str:
    return escape_line(" ".join(text.split()))


def _emphasised(text: str, marker: str) -> str:
    """*text* (already escaped) wrapped in *marker*, keeping outer spaces outside."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _spans(spans: Sequence[Span]) -> str:
    out = []
    for span in spans:
        piece = "\\\n".join(_PUNCTUATION.sub(r"\\\1", part) for part in span.text.split("\n"))
        if span.emphasis:
            piece = _emphasised(piece, "*")
        if span.strong:
            piece = _emphasised(piece, "**")
        out.append(piece)
    lines = "".join(out).split("\n")
    return "\n".join(_escape_line_start(line.lstrip()) for line in lines)


def _indent(text: str, first: str, rest: str) -> str:
    lines = text.split("\n")
    return "\n".join([first + lines[0], *((rest + line) if line else "" for line in lines[1:])])


def _rich(blocks: Sequence[RichBlock]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, RichParagraph):
            yield _spans(block.spans)
        elif isinstance(block, RichHeading):
            yield "### " + _spans(block.spans).replace("\\\n", " ")
        elif isinstance(block, RichQuote):
            inner = "\n\n".join(_rich(block.blocks))
            yield "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
        elif isinstance(block, RichList):
            items = []
            for number, item in enumerate(block.items, start=block.start):
                marker = f"{number}. " if block.numbered else "- "
                inner = "\n\n".join(_rich(item)) or " "
                items.append(_indent(inner, marker, " " * len(marker)))
            yield "\n".join(items)


def _timeline(block: Timeline) -> Iterator[str]:
    groups: dict[str, list[str]] = {}
    for label, date, group in block.marks:
        groups.setdefault(group, []).append(f"{escape_line(label)} ({escape_line(date)})")
    yield "\n".join(
        f"- **{escape_line(group)}:** " + ", ".join(marks) if group else "- " + ", ".join(marks)
        for group, marks in groups.items()
    )


def block_markdown(block: Block) -> Iterator[str]:
    """The Markdown of one block, as paragraphs to separate with blank lines."""
    if isinstance(block, Heading):
        yield "#" * min(max(block.level, 1), 6) + " " + escape(block.text).replace("\\\n", " ")
    elif isinstance(block, Paragraph):
        body = escape(block.text)
        yield _emphasised(body, "*") if block.style == "muted" and "\n" not in body else body
    elif isinstance(block, MarkdownText):
        yield from _rich(parse_markdown(block.source))
    elif isinstance(block, BulletList):
        yield "\n".join(
            _indent(escape(item), f"{n}. " if block.numbered else "- ", "   ")
            for n, item in enumerate(block.items, start=1)
        )
    elif isinstance(block, Facts):
        yield "\n".join(
            f"- **{escape_line(label)}:** {_indent(escape(value), '', '  ')}"
            for label, value in block.pairs
        )
    elif isinstance(block, TableBlock):
        rows = [
            "| " + " | ".join(_cell(c) for c in block.header) + " |",
            "|" + "|".join("---" for _ in block.header) + "|",
            *("| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows),
        ]
        yield "\n".join(rows)
    elif isinstance(block, WritingSpace):
        yield "**" + escape(block.prompt).replace("\\\n", " ") + "**"
        yield from (WRITING_LINE for _ in range(block.lines))
    elif isinstance(block, Timeline):
        yield from _timeline(block)
    elif isinstance(block, PageBreak):
        yield "---"


def _furniture(document: Document, extra: str) -> str:
    parts = []
    if document.marking:
        parts.append(f"**{escape_line(document.marking)}**")
    if extra:
        parts.append(escape_line(extra))
    return " · ".join(parts)


def document_markdown(document: Document) -> Iterator[str]:
    """The paragraphs of one document."""
    if top := _furniture(document, reference_label(document)):
        yield top
    yield "# " + escape_line(document.title)
    if document.subtitle:
        yield _emphasised(escape_line(document.subtitle), "*")
    for block in document.blocks:
        yield from block_markdown(block)
    if bottom := _furniture(document, document.footer):
        yield "---"
        yield bottom


def render_markdown(documents: Sequence[Document]) -> str:
    """*documents* as one Markdown text, separated by thematic breaks."""
    parts = ["\n\n".join(document_markdown(document)) for document in documents]
    return "\n\n---\n\n".join(parts) + "\n"
