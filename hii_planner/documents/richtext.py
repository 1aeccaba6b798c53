"""Library Markdown parsed into a small, safe structure that every renderer can print.

Only paragraphs, headings, lists, quotes and inline emphasis survive; raw HTML,
images and code are kept as their plain text. Renderers escape what they print,
so nothing a library author writes is ever interpreted as markup or code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

TEXT_TOKENS = frozenset({"text", "text_special", "entity", "code_inline", "html_inline"})


@dataclass(frozen=True)
class Span:
    """A run of text with its emphasis; a newline inside it is a line break."""

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False


@dataclass(frozen=True)
class RichParagraph:
    """A paragraph of spans."""

    spans: tuple[Span, ...]


@dataclass(frozen=True)
class RichHeading:
    """A heading inside library text (printed below the document's own headings)."""

    spans: tuple[Span, ...]


@dataclass(frozen=True)
class RichList:
    """A bulleted or numbered list; each item is a sequence of blocks."""

    items: tuple[tuple[RichBlock, ...], ...]
    numbered: bool = False
    start: int = 1


@dataclass(frozen=True)
class RichQuote:
    """A quoted passage."""

    blocks: tuple[RichBlock, ...]


RichBlock = RichParagraph | RichHeading | RichList | RichQuote


def plain_text(spans: Sequence[Span]) -> str:
    """The spans' text without emphasis."""
    return "".join(span.text for span in spans)


@lru_cache(maxsize=512)
def parse_markdown(source: str) -> tuple[RichBlock, ...]:
    """Parse *source* (CommonMark, raw HTML off) into safe blocks."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": False}).parse(source)
    blocks, _ = _blocks(tokens, 0, closing=None)
    return tuple(blocks)


def _blocks(
    tokens: Sequence[Token], index: int, *, closing: str | None
) -> tuple[list[RichBlock], int]:
    """Read blocks from *index* until the *closing* token type; return them and the next index."""
    found: list[RichBlock] = []
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == closing:
            return found, index + 1
        if kind in ("paragraph_open", "heading_open"):
            spans = _spans(tokens[index + 1].children or [])
            if spans:
                found.append(RichHeading(spans) if kind == "heading_open" else RichParagraph(spans))
            index += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            rich_list, index = _list(tokens, index)
            found.append(rich_list)
        elif kind == "blockquote_open":
            inner, index = _blocks(tokens, index + 1, closing="blockquote_close")
            found.append(RichQuote(tuple(inner)))
        elif kind in ("code_block", "fence", "html_block"):
            text = token.content.rstrip("\n")
            if text:
                found.append(RichParagraph((Span(text, code=kind != "html_block"),)))
            index += 1
        else:  # hr and anything unknown: nothing to print
            index += 1
    return found, index


def _list(tokens: Sequence[Token], index: int) -> tuple[RichList, int]:
    opening = tokens[index]
    numbered = opening.type == "ordered_list_open"
    closing = "ordered_list_close" if numbered else "bullet_list_close"
    start = int(str(opening.attrs.get("start", 1))) if numbered else 1
    items: list[tuple[RichBlock, ...]] = []
    index += 1
    while tokens[index].type != closing:
        item, index = _blocks(tokens, index + 1, closing="list_item_close")
        items.append(tuple(item))
    return RichList(tuple(items), numbered=numbered, start=start), index + 1


def _spans(children: Sequence[Token]) -> tuple[Span, ...]:
    spans: list[Span] = []
    strong = emphasis = 0
    links: list[str] = []
    for child in children:
        kind = child.type
        if kind in TEXT_TOKENS:
            spans.append(Span(child.content, strong > 0, emphasis > 0, kind == "code_inline"))
        elif kind == "image":
            spans.append(Span(child.content, strong > 0, emphasis > 0))
        elif kind in ("softbreak", "hardbreak"):
            spans.append(Span(" " if kind == "softbreak" else "\n", strong > 0, emphasis > 0))
        elif kind in ("strong_open", "strong_close"):
            strong += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            emphasis += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            links.append(str(child.attrs.get("href", "")))
        elif kind == "link_close" and links:
            # On paper a link is only useful with its address.
            href = links.pop()
            if href and not href.startswith("#"):
                spans.append(Span(f" ({href})", strong > 0, emphasis > 0))
    return _merged(spans)


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Join neighbouring spans of the same style (smaller output, same text)."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = merged[-1] if merged else None
        if last is not None and (last.strong, last.emphasis, last.code) == (
            span.strong,
            span.emphasis,
            span.code,
        ):
            merged[-1] = Span(last.text + span.text, span.strong, span.emphasis, span.code)
        else:
            merged.append(span)
    while merged and not merged[-1].text.strip():
        merged.pop()
    return tuple(merged)
