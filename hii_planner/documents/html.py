"""Render documents as self-contained HTML with a print stylesheet; all text is escaped."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from hii_planner.documents.html_style import stylesheet
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
from hii_planner.documents.text import group_colours, reference_label


def text(value: str) -> str:
    """Library text escaped for HTML, with line breaks kept."""
    return escape(value, quote=True).replace("\n", "<br>")


def _spans(spans: Sequence[Span]) -> str:
    out = []
    for span in spans:
        html = text(span.text)
        if span.code:
            html = f"<code>{html}</code>"
        if span.emphasis:
            html = f"<em>{html}</em>"
        if span.strong:
            html = f"<strong>{html}</strong>"
        out.append(html)
    return "".join(out)


def _rich(blocks: Sequence[RichBlock]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, RichParagraph):
            yield f'<p dir="auto">{_spans(block.spans)}</p>'
        elif isinstance(block, RichHeading):
            yield f'<h3 dir="auto">{_spans(block.spans)}</h3>'
        elif isinstance(block, RichQuote):
            yield "<blockquote>" + "".join(_rich(block.blocks)) + "</blockquote>"
        elif isinstance(block, RichList):
            tag = "ol" if block.numbered else "ul"
            start = f' start="{block.start}"' if block.numbered and block.start != 1 else ""
            items = "".join(f'<li dir="auto">{"".join(_rich(item))}</li>' for item in block.items)
            yield f"<{tag}{start}>{items}</{tag}>"


def _timeline(block: Timeline) -> Iterator[str]:
    colours = group_colours(group for _, _, group in block.marks)
    yield '<ol class="timeline">'
    for label, date, group in block.marks:
        # The track is said in words too, for screen readers: colour alone carries nothing.
        named = f'<span class="visually-hidden">, {text(group)}</span>' if group else ""
        yield (
            f'<li class="g{colours[group]}" title="{text(group)}"><span class="label">'
            f'{text(label)}</span><span class="date">{text(date)}</span>{named}</li>'
        )
    yield "</ol>"
    if any(colours):  # a legend when groups have names
        yield '<ul class="legend">'
        yield from (
            f'<li class="g{index}" dir="auto">{text(g)}</li>' for g, index in colours.items()
        )
        yield "</ul>"


def _colgroup(block: TableBlock) -> str:
    if len(block.widths) != len(block.header) or sum(block.widths) <= 0:
        return ""
    total = sum(block.widths)
    columns = "".join(f'<col style="width: {100 * w / total:.1f}%">' for w in block.widths)
    return f"<colgroup>{columns}</colgroup>"


def block_html(block: Block) -> Iterator[str]:
    """The HTML of one block."""
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 4)
        yield f'<h{level} dir="auto">{text(block.text)}</h{level}>'
    elif isinstance(block, Paragraph):
        css = f' class="{block.style}"' if block.style != "normal" else ""
        yield f'<p{css} dir="auto">{text(block.text)}</p>'
    elif isinstance(block, MarkdownText):
        yield '<div class="library-text">'
        yield from _rich(parse_markdown(block.source))
        yield "</div>"
    elif isinstance(block, BulletList):
        tag = "ol" if block.numbered else "ul"
        yield (
            f"<{tag}>"
            + "".join(f'<li dir="auto">{text(i)}</li>' for i in block.items)
            + f"</{tag}>"
        )
    elif isinstance(block, Facts):
        yield '<dl class="facts">'
        for label, value in block.pairs:
            yield f'<dt dir="auto">{text(label)}</dt><dd dir="auto">{text(value)}</dd>'
        yield "</dl>"
    elif isinstance(block, TableBlock):
        head = "".join(f'<th scope="col" dir="auto">{text(cell)}</th>' for cell in block.header)
        yield "<table>" + _colgroup(block) + f"<thead><tr>{head}</tr></thead><tbody>"
        for row in block.rows:
            yield "<tr>" + "".join(f'<td dir="auto">{text(cell)}</td>' for cell in row) + "</tr>"
        yield "</tbody></table>"
    elif isinstance(block, WritingSpace):
        # A <div>, not a <section>: a question is not a headed part of the document.
        yield f'<div class="writing"><p class="prompt" dir="auto">{text(block.prompt)}</p>'
        yield '<div class="line"></div>' * block.lines + "</div>"
    elif isinstance(block, Timeline):
        yield from _timeline(block)
    elif isinstance(block, PageBreak):
        yield '<div class="page-break"></div>'


def _furniture(document: Document, *, bottom: bool) -> str:
    parts = []
    if document.marking:
        parts.append(f'<span class="marking">{text(document.marking)}</span>')
    if bottom and document.footer:
        parts.append(f'<span dir="auto">{text(document.footer)}</span>')
    if not bottom and document.reference:
        parts.append(f'<span class="reference">{text(reference_label(document))}</span>')
    if not parts:
        return ""
    where = "bottom" if bottom else "top"
    return f'<div class="furniture {where}">{"".join(parts)}</div>'


def _article(document: Document) -> Iterator[str]:
    yield f'<article lang="{text(document.language)}">'
    yield _furniture(document, bottom=False)
    yield f'<h1 dir="auto">{text(document.title)}</h1>'
    if document.subtitle:
        yield f'<p class="subtitle" dir="auto">{text(document.subtitle)}</p>'
    for block in document.blocks:
        yield from block_html(block)
    yield _furniture(document, bottom=True)
    yield "</article>"


def render_html(documents: Sequence[Document]) -> str:
    """One self-contained HTML file holding *documents*, each starting on a new page.

    The page furniture (paper, marking, reference) is the first document's.
    """
    first = documents[0]
    classes = "large-print" if first.large_print else "standard-print"
    if first.easy_read:
        classes += " easy-read"
    title = first.title if len(documents) == 1 else f"{first.title} and more"
    head = (
        "<!DOCTYPE html>\n"
        f'<html lang="{text(first.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n<style>\n{stylesheet(first)}</style>\n</head>\n"
        f'<body class="{classes} {first.audience}">\n'
    )
    body = "\n".join(line for document in documents for line in _article(document) if line)
    return head + "<main>\n" + body + "\n</main>\n</body>\n</html>\n"
