"""The print stylesheet of HTML documents: page size and margins, page furniture, large print."""

from __future__ import annotations

from hii_planner.documents.model import Document
from hii_planner.documents.text import reference_label

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
BODY_SIZE = {False: "11.5pt", True: "16pt"}  # large print: at least 16 pt body text

BASE_CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #8a8a8a; --band: #f1f1ee; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #fff; }
body {
  margin: 0 auto; max-width: 46em; padding: 1.5em 1.25em 3em;
  font-family: "Atkinson Hyperlegible", "Noto Sans", "Segoe UI", Arial, "Noto Naskh Arabic",
    "Noto Sans Arabic", sans-serif;
  font-size: var(--body-size); line-height: 1.45;
}
.furniture {
  display: flex; justify-content: space-between; gap: 1em; flex-wrap: wrap;
  font-size: 0.8em; color: var(--muted); border-bottom: 1px solid var(--rule);
  padding-bottom: 0.3em; margin-bottom: 1.2em;
}
.furniture.bottom { border-bottom: 0; border-top: 1px solid var(--rule);
  padding: 0.3em 0 0; margin: 2em 0 0; }
.marking { font-weight: 700; color: var(--ink); letter-spacing: 0.04em; }
h1 { font-size: 1.7em; line-height: 1.2; margin: 0 0 0.2em; }
h2 { font-size: 1.3em; margin: 1.3em 0 0.4em; break-after: avoid; }
h3, h4 { font-size: 1.1em; margin: 1.1em 0 0.3em; break-after: avoid; }
.subtitle { color: var(--muted); margin: 0 0 1em; font-size: 1.05em; }
p { margin: 0 0 0.7em; }
p.lead { font-size: 1.1em; }
p.muted { color: var(--muted); font-size: 0.9em; }
ul, ol { margin: 0 0 0.8em; padding-inline-start: 1.5em; }
li { margin: 0.15em 0; }
li > p { margin: 0.15em 0; }
blockquote { margin: 0 0 0.8em; padding-inline-start: 1em;
  border-inline-start: 3px solid var(--rule); }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0 0 1em; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1em; font-size: 0.9em; }
th, td { border: 1px solid var(--rule); padding: 0.25em 0.45em; text-align: start;
  vertical-align: top; }
thead th { background: var(--band); }
tr { break-inside: avoid; }
.writing { margin: 0.6em 0 1.2em; break-inside: avoid; }
.writing .prompt { font-weight: 700; margin-bottom: 0.2em; }
.writing .line { height: 2.1em; border-bottom: 1px solid var(--rule); }
.timeline { list-style: none; padding: 0; margin: 0 0 0.6em; display: flex; flex-wrap: wrap;
  gap: 0.3em; }
.timeline li { margin: 0; min-width: 3.6em; padding: 0.2em 0.35em; border-radius: 0.3em;
  border-top: 0.45em solid var(--colour); background: var(--band); text-align: center;
  font-size: 0.8em; line-height: 1.25; }
.timeline .label { display: block; font-weight: 700; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.2em;
  font-size: 0.85em; }
.legend li::before { content: ""; display: inline-block; width: 0.9em; height: 0.9em;
  margin-inline-end: 0.35em; vertical-align: -0.1em; background: var(--colour); }
.g0 { --colour: #1f6f8b; } .g1 { --colour: #c2571a; } .g2 { --colour: #4f8a2a; }
.g3 { --colour: #7d4e9e; } .g4 { --colour: #b08a12; } .g5 { --colour: #5a6b6b; }
.timeline li, .legend li::before { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.easy-read { line-height: 1.7; word-spacing: 0.06em; }
.easy-read p, .easy-read li { margin-bottom: 0.9em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
.page-break { break-after: page; height: 0; }
article + article { break-before: page; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  /* The page margins carry the marking and reference on every printed page. */
  .furniture { display: none; }
}
"""


def css_string(text: str) -> str:
    """*text* as a CSS string literal; every character outside [A-Za-z0-9] is hex-escaped.

    Six-digit escapes end unambiguously, so no character after one is misread
    (a space after an escape would be swallowed as its terminator: spaces are escaped too).
    """
    escaped = "".join(ch if (ch.isascii() and ch.isalnum()) else f"\\{ord(ch):06x}" for ch in text)
    return f'"{escaped}"'


def page_rule(document: Document) -> str:
    """The @page rule: paper size, margins, and the marking and reference on every page."""
    margin_boxes = []
    label = reference_label(document)
    if document.marking:
        marking = css_string(document.marking)
        margin_boxes.append(f"@top-center {{ content: {marking}; font-weight: 700; }}")
        margin_boxes.append(f"@bottom-center {{ content: {marking}; font-weight: 700; }}")
    if label:
        margin_boxes.append(f"@top-right {{ content: {css_string(label)}; }}")
    if document.footer:
        margin_boxes.append(f"@bottom-left {{ content: {css_string(document.footer)}; }}")
    margin_boxes.append('@bottom-right { content: "Page " counter(page) " of " counter(pages); }')
    boxes = "\n  ".join(margin_boxes)
    size = "12pt" if document.large_print else "9pt"
    return (
        f"@page {{\n  size: {PAGE_SIZES[document.paper]};\n  margin: 20mm 16mm 18mm;\n"
        f"  font-family: Arial, sans-serif; font-size: {size}; color: #333;\n  {boxes}\n}}"
    )


EASY_READ_SIZE = "14pt"  # easy read: at least 14 pt, with wider line spacing (BASE_CSS)


def stylesheet(document: Document) -> str:
    """The whole stylesheet for *document*."""
    size = BODY_SIZE[document.large_print]
    if document.easy_read and not document.large_print:
        size = EASY_READ_SIZE
    return f":root {{ --body-size: {size}; }}" + BASE_CSS + page_rule(document) + "\n"
