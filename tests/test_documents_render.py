"""Renderers: library text is printed exactly as written, never run as markup or code."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from hii_planner.documents.markdown import escape
from hii_planner.documents.model import (
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
from hii_planner.documents.render import FORMATS, render_document, render_documents
from tests.conftest import pdf_pages, text_of

FORMAT_PARAMS = [pytest.param(f, id=f) for f in FORMATS]

HOSTILE = [
    pytest.param("<script>alert('x')</script>", id="script-tag"),
    pytest.param('#read("/etc/passwd")', id="typst-read"),
    pytest.param('#eval("1 + 1") and #{1 + 1}', id="typst-eval"),
    pytest.param("$x^2$ and [link](javascript:alert(1))", id="math-and-link"),
    pytest.param("back\\slash \\ and \\n and \\\\ ", id="backslashes"),
    pytest.param("# not a heading", id="hash"),
    pytest.param("= Typst heading", id="typst-heading"),
    pytest.param("*not bold* _not em_ `not code`", id="emphasis-marks"),
    pytest.param("&lt; is an entity & so is &amp;", id="entities"),
    pytest.param('"}; @import url(x); /*', id="css-break-out"),
    pytest.param("</style><script>x</script>", id="style-break-out"),
    pytest.param("1. not a list", id="numbered-start"),
    pytest.param("- not a bullet", id="dash-start"),
    pytest.param("| not | a table |", id="pipes"),
]


def document(text: str, **fields: object) -> Document:
    """A document printing *text* in every kind of block and in its page furniture."""
    blocks = (
        Heading(text),
        Paragraph(text),
        Paragraph(text, style="muted"),
        BulletList((text, "second")),
        Facts(((text, text),)),
        TableBlock(("Header", text), ((text, "cell"),)),
        WritingSpace(text, lines=2),
        Timeline(((text, "4 Jan", text),)),
    )
    base: dict[str, object] = {
        "title": text,
        "subtitle": text,
        "blocks": blocks,
        "reference": "P-0042",
        "marking": "OFFICIAL-SENSITIVE",
        "footer": text,
    }
    return Document(**(base | fields))  # type: ignore[arg-type]


class _TextOf(HTMLParser):
    """The visible text of an HTML page, with the tags it used."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def html_text(page: str) -> _TextOf:
    parser = _TextOf()
    parser.feed(page)
    return parser


def markdown_as_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return str(MarkdownIt("commonmark").render(text))


@pytest.mark.parametrize("text", HOSTILE)
def test_html_prints_hostile_text_literally(text: str) -> None:
    # Every block escapes its text: the page has only our tags and shows the text as written.
    page = render_document(document(text), "html").decode()
    parsed = html_text(page)
    assert "script" not in parsed.tags
    assert parsed.tags.count("style") == 1
    visible = " ".join(" ".join(parsed.text).split())
    assert visible.count(" ".join(text.split())) >= 8


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_prints_hostile_text_literally(text: str) -> None:
    # Rendered by a CommonMark renderer, the Markdown shows the text as written, with no tags.
    rendered = markdown_as_html(render_document(document(text), "markdown").decode())
    parsed = html_text(rendered)
    assert "script" not in parsed.tags
    assert "a" not in parsed.tags
    assert "code" not in parsed.tags
    visible = " ".join(" ".join(parsed.text).split())
    assert visible.count(" ".join(text.split())) >= 8


@pytest.mark.parametrize("text", HOSTILE)
def test_pdf_prints_hostile_text_literally(text: str) -> None:
    # The Typst template prints data as text: no code runs, no file is read.
    pages = pdf_pages(render_document(document(text), "pdf"))
    layer = " ".join(" ".join(pages).split())
    assert layer.count(" ".join(text.split())) >= 6
    assert "root:" not in layer
    if "#eval" in text:
        assert "and 2" not in layer


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60))
@settings(max_examples=150, deadline=None)
def test_markdown_escaping_round_trips(text: str) -> None:
    # Any line of text, escaped and rendered as CommonMark, reads back as the same words.
    rendered = markdown_as_html(escape(text))
    parsed = html_text(rendered)
    assert set(parsed.tags) <= {"p", "br"}
    assert " ".join("".join(parsed.text).split()) == " ".join(text.split())


@given(st.text(max_size=200))
@settings(max_examples=40, deadline=None)
def test_any_library_text_renders_in_every_format(text: str) -> None:
    # Whatever a library says, as plain text or as Markdown, every renderer prints it.
    doc = Document(
        title=text,
        blocks=(Paragraph(text), MarkdownText(text), TableBlock(("A",), ((text,),))),
    )
    for output_format in FORMATS:
        assert render_document(doc, output_format)


def test_markdown_in_library_text_keeps_only_safe_structure() -> None:
    # Paragraphs, lists and emphasis survive; raw HTML is printed as text, images as their alt.
    source = (
        "Some **bold** and *soft* words.\n\n- one\n- two\n\n1. first\n\n"
        '<div onclick="x()">raw html</div>\n\n![a picture](https://example.org/p.png)\n\n'
        "[a link](https://example.org)"
    )
    doc = Document(title="T", blocks=(MarkdownText(source),))
    page = render_document(doc, "html").decode()
    body = page.split("<h1", 1)[1]
    assert "<strong>bold</strong>" in body and "<em>soft</em>" in body
    assert "<ul><li" in body and "<ol><li" in body
    assert "&lt;div onclick=&quot;x()&quot;&gt;raw html&lt;/div&gt;" in body
    assert "<img" not in body and "<a " not in body
    assert "a link (https://example.org)" in body
    assert "a picture" in body and "p.png" not in body


@pytest.mark.parametrize("output_format", FORMAT_PARAMS)
def test_arabic_and_accented_text_survive(output_format: str) -> None:
    # Right-to-left Arabic and accented Latin text reach the reader (the PDF text layer too).
    arabic = "مرحبا بكم في الجلسة"
    accents = "Café crème, naïve Zoë, Łódź, Ærøskøbing"
    doc = Document(
        title=accents,
        blocks=(Paragraph(arabic), MarkdownText(f"{accents}\n\n- {arabic}"), BulletList((arabic,))),
    )
    text = text_of(render_document(doc, output_format), output_format)
    assert accents in text
    for word in arabic.split():  # PDF readers may give right-to-left words in visual order
        assert word in text


def test_html_lets_the_browser_find_each_paragraphs_direction() -> None:
    # Every text element carries dir="auto", so an Arabic paragraph reads right to left.
    doc = Document(title="T", blocks=(Paragraph("مرحبا"), BulletList(("مرحبا",))))
    page = render_document(doc, "html").decode()
    assert '<p dir="auto">مرحبا</p>' in page
    assert '<li dir="auto">مرحبا</li>' in page


@pytest.mark.parametrize(
    ("paper", "large_print", "page_css", "body_css"),
    [
        pytest.param("a4", False, "size: A4;", "--body-size: 11.5pt;", id="a4"),
        pytest.param("letter", True, "size: letter;", "--body-size: 16pt;", id="letter-large"),
    ],
)
def test_html_print_stylesheet(paper: str, large_print: bool, page_css: str, body_css: str) -> None:
    # The @page rule follows the paper; large print sets at least 16 pt body text.
    doc = document("Text", paper=paper, large_print=large_print)
    page = render_document(doc, "html").decode()
    assert page_css in page and body_css in page
    assert "counter(page)" in page
    assert "<link" not in page and "src=" not in page  # self-contained


def test_html_puts_the_marking_and_reference_on_every_page() -> None:
    # The marking and reference sit in @page margin boxes (CSS-escaped), and atop the text.
    page = render_document(document("Text"), "html").decode()
    margin = re.search(r"@page \{(.*?)\n\}", page, re.S)
    assert margin is not None
    boxes = margin.group(1)
    assert "@top-center" in boxes and "@bottom-center" in boxes and "@top-right" in boxes
    decoded = re.sub(r"\\([0-9a-f]{6})", lambda m: chr(int(m.group(1), 16)), boxes)
    assert '"OFFICIAL-SENSITIVE"' in decoded
    assert '"Reference: P-0042"' in decoded
    assert '<span class="marking">OFFICIAL-SENSITIVE</span>' in page


@pytest.mark.parametrize(
    ("paper", "width", "height"),
    [pytest.param("a4", 595, 842, id="a4"), pytest.param("letter", 612, 792, id="letter")],
)
def test_pdf_pages_carry_marking_reference_and_numbers(paper: str, width: int, height: int) -> None:
    # Each page of the PDF has the marking, the reference and "Page n of N"; paper is honoured.
    doc = Document(
        title="Two pages",
        blocks=(Paragraph("One"), PageBreak(), Paragraph("Two")),
        reference="P-0042",
        marking="OFFICIAL-SENSITIVE",
        paper="letter" if paper == "letter" else "a4",
    )
    reader = PdfReader(io.BytesIO(render_document(doc, "pdf")))
    assert len(reader.pages) == 2
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "OFFICIAL-SENSITIVE" in text
        assert "Reference: P-0042" in text
        assert f"Page {number} of 2" in text
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            width,
            height,
        )


def test_several_documents_share_one_pdf_with_their_own_page_numbers() -> None:
    # render_documents puts documents in one file, each starting a new page, numbered from 1.
    docs = [Document(title=f"Doc {n}", blocks=(Paragraph(f"Body {n}"),)) for n in (1, 2, 3)]
    pages = pdf_pages(render_documents(docs, "pdf"))
    assert len(pages) == 3
    assert all(
        f"Doc {n}" in page and "Page 1 of 1" in page
        for n, page in zip((1, 2, 3), pages, strict=True)
    )


def test_several_documents_in_html_start_new_pages() -> None:
    # In HTML each document is an article, and every article after the first breaks the page.
    docs = [Document(title=f"Doc {n}", blocks=()) for n in (1, 2)]
    page = render_documents(docs, "html").decode()
    assert page.count("<article") == 2
    assert "article + article { break-before: page; }" in page


def test_pdf_is_reproducible() -> None:
    # The same document gives the same bytes (SOURCE_DATE_EPOCH fixes the date).
    doc = document("Same")
    assert render_document(doc, "pdf") == render_document(doc, "pdf")


def test_unknown_format_is_refused() -> None:
    # Only the three formats exist.
    with pytest.raises(ValueError, match="unknown output format 'docx'"):
        render_document(document("x"), "docx")


def test_html_escapes_markup_in_every_attribute_and_text() -> None:
    # Quotes and angle brackets in a timeline group (used in a title attribute) are escaped.
    doc = Document(title="T", blocks=(Timeline((("1", "4 Jan", '"><script>'),)),))
    page = render_document(doc, "html").decode()
    assert 'title="&quot;&gt;&lt;script&gt;"' in page
    assert "<script>" not in page
