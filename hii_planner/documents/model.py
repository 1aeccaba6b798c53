"""A small document model shared by handouts, guides, overviews and reports.

Builders (handouts, reports) describe *what* a document says with these blocks;
renderers (Markdown, HTML, PDF) decide how it looks. Library text only ever
travels as data inside blocks, so no renderer treats it as markup or code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Audience = Literal["participant", "facilitator", "all"]
Paper = Literal["a4", "letter"]


@dataclass(frozen=True)
class Heading:
    """A section heading (level 1 is the document's own title level)."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """Plain text; no markup is interpreted."""

    text: str
    style: Literal["normal", "muted", "lead"] = "normal"


@dataclass(frozen=True)
class MarkdownText:
    """Library text written in Markdown (handout bodies): rendered safely, never as HTML."""

    source: str


@dataclass(frozen=True)
class BulletList:
    """A bulleted (or numbered) list of plain-text items."""

    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Facts:
    """Label and value pairs, such as "Date: Mon 4 Jan 2027"."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableBlock:
    """A table of plain-text cells.

    ``widths`` optionally gives each column's relative width (e.g. ``(1, 1, 4)``);
    without it, columns size to their content.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()


@dataclass(frozen=True)
class WritingSpace:
    """A prompt followed by ruled lines for the reader to write on."""

    prompt: str
    lines: int = 4


@dataclass(frozen=True)
class Timeline:
    """A row of dated marks, one per session, coloured by status or track."""

    marks: tuple[tuple[str, str, str], ...]  # (label, date text, group)


@dataclass(frozen=True)
class PageBreak:
    """Start a new page in print formats."""


Block = (
    Heading
    | Paragraph
    | MarkdownText
    | BulletList
    | Facts
    | TableBlock
    | WritingSpace
    | Timeline
    | PageBreak
)


@dataclass(frozen=True)
class Document:
    """One printable document: a title, the page furniture, and its blocks."""

    title: str
    blocks: tuple[Block, ...]
    subtitle: str = ""
    reference: str = ""  # the participant's pseudonymous reference, printed on every page
    marking: str = ""  # protective marking printed on every page, e.g. OFFICIAL-SENSITIVE
    audience: Audience = "facilitator"
    large_print: bool = False
    paper: Paper = "a4"
    language: str = "en"  # BCP 47, from the library's `lang`
    easy_read: bool = False  # easy-read layout: a plain sans-serif at 14 pt or more, wide spacing
    footer: str = field(default="")
