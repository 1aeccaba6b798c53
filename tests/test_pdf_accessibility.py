"""Accessible PDFs: PDF/UA-1, title shown, language, tagged paragraphs, easy-read type.

Also: large print scales the page furniture; no page holds only a trailing question.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from hii_planner.documents.model import Document, Heading, MarkdownText, Paragraph, WritingSpace
from hii_planner.documents.render import render_document
from hii_planner.handouts import in_context, participant_handout
from tests.conftest import LibraryFactory, fixture_library, make_plan
from tests.fixture_data import ALL_NEEDS, BODY


def pdf(document: Document) -> PdfReader:
    return PdfReader(io.BytesIO(render_document(document, "pdf")))


def structure_tags(reader: PdfReader) -> Counter[str]:
    """How often each structure type (P, H1, L ...) occurs in the PDF's tag tree."""
    counts: Counter[str] = Counter()

    def walk(node: Any) -> None:
        node = node.get_object()
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject):
            if "/S" in node:
                counts[str(node["/S"])[1:]] += 1
            if "/K" in node:
                walk(node["/K"])

    root: Any = reader.trailer["/Root"]
    walk(root["/StructTreeRoot"])
    return counts


def font_sizes(reader: PdfReader, *, containing: str) -> dict[str, set[float]]:
    """Font sizes, by font name, of the first page's text runs containing *containing*."""
    sizes: dict[str, set[float]] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if containing in text and font is not None:
            name = str(font["/BaseFont"]).split("+")[-1].removesuffix("-Identity-H")
            sizes.setdefault(name, set()).add(round(size * abs(tm[0]) * abs(cm[0]), 1))

    reader.pages[0].extract_text(visitor_text=visit)
    return sizes


@pytest.fixture
def handout_document(make_library: LibraryFactory) -> Document:
    library = fixture_library(make_library, "handouts")
    plan = make_plan(library, needs=ALL_NEEDS, holidays="none")
    return participant_handout(plan, library, in_context(plan, library, plan.sessions[0]))


def test_a_handout_is_identified_as_pdf_ua_and_shows_its_title(handout_document: Document) -> None:
    # The XMP metadata claims PDF/UA-1, the viewer shows the title (not the file name),
    # the tags are marked, and every font is embedded.
    reader = pdf(handout_document)
    root: Any = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part=\"1\"", xmp)
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata is not None and reader.metadata.title == handout_document.title
    assert bool(root["/MarkInfo"]["/Marked"])
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"] or (
                "/FontFile3" in descendant["/FontDescriptor"]
            )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        pytest.param("en", "en", id="default-english"),
        pytest.param("en-GB", "en-GB", id="with-a-region"),
        pytest.param("cy", "cy", id="welsh"),
    ],
)
def test_the_language_comes_from_the_library(language: str, expected: str) -> None:
    # The document's /Lang is the library's `lang`, so screen readers pick the right voice.
    document = Document(title="T", blocks=(Paragraph("Text."),), language=language)
    root: Any = pdf(document).trailer["/Root"]
    assert root["/Lang"] == expected


def test_participant_body_text_is_tagged_as_paragraphs(handout_document: Document) -> None:
    # Body text and questions are P elements, headings H1/H2: a screen reader can move by them.
    tags = structure_tags(pdf(handout_document))
    assert tags["P"] >= 3
    assert tags["H1"] == 1 and tags["H2"] >= 1


def test_easy_read_uses_the_bundled_sans_serif_at_14_pt_or_more(
    handout_document: Document,
) -> None:
    # Easy read prints in Atkinson Hyperlegible, body text 14 pt or more; the standard
    # handout keeps the serif at its usual size.
    easy = font_sizes(pdf(_replace(handout_document, easy_read=True)), containing=BODY)
    assert set(easy) == {"AtkinsonHyperlegible-Regular"}
    assert min(easy["AtkinsonHyperlegible-Regular"]) >= 14
    standard = font_sizes(pdf(handout_document), containing=BODY)
    assert set(standard) == {"LibertinusSerif-Regular"}
    assert max(standard["LibertinusSerif-Regular"]) < 14


def test_large_print_scales_the_page_furniture(handout_document: Document) -> None:
    # The marking and reference in the header and footer grow with large print.
    def furniture_size(document: Document) -> float:
        sizes: list[float] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
            if "OFFICIAL-SENSITIVE" in text:
                sizes.append(size * abs(tm[0]) * abs(cm[0]))

        pdf(document).pages[0].extract_text(visitor_text=visit)
        return min(sizes)

    standard = furniture_size(handout_document)
    large = furniture_size(_replace(handout_document, large_print=True))
    assert large >= 12 > standard


def _replace(document: Document, **changes: Any) -> Document:
    from dataclasses import replace

    return replace(document, **changes)


def test_no_page_holds_only_the_last_question() -> None:
    # Text that fills the first page so that the last question would fall alone onto a
    # second page: the question before it goes along, and every question keeps its lines.
    questions = [f"Question {n}?" for n in range(1, 4)]
    for filler in range(8, 40):
        document = Document(
            title="Handout",
            blocks=(
                Heading("Today"),
                MarkdownText("\n\n".join(["Some words to read today."] * filler)),
                *(WritingSpace(q, lines=5) for q in questions),
            ),
        )
        pages = [page.extract_text() for page in pdf(document).pages]
        holding = [[q for q in questions if q in text] for text in pages]
        assert all(sum(q in text for text in pages) == 1 for q in questions)
        assert ["Question 3?"] not in holding, f"filler {filler}: {holding}"


def _claims_pdf_ua(reader: PdfReader) -> bool:
    root: Any = reader.trailer["/Root"]
    return "pdfuaid:part" in root["/Metadata"].get_object().get_data().decode("utf-8")


@pytest.mark.parametrize(
    ("text", "accessible"),
    [
        pytest.param("Tab\tand unit\x1fseparator", True, id="control-characters-dropped"),
        pytest.param("A smile 🙂 no font has", False, id="glyph-no-font-has"),
    ],
)
def test_text_no_font_can_show_still_prints(text: str, accessible: bool) -> None:
    # Control characters are dropped and the PDF stays PDF/UA; a character no bundled
    # font has still gives a PDF (tagged, without the PDF/UA claim) instead of an error.
    reader = pdf(Document(title="T", blocks=(Paragraph(text),)))
    assert _claims_pdf_ua(reader) is accessible
    assert "separator" in reader.pages[0].extract_text() or not accessible
