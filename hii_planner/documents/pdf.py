"""Render documents as PDF with Typst: a fixed template fed the documents as JSON data.

Library text never becomes Typst source: the template reads the documents from
``sys.inputs`` and prints every string as text. The typst package is imported
here only, when a PDF is asked for.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hii_planner.clock import now
from hii_planner.documents.data import document_data
from hii_planner.documents.model import Document
from hii_planner.errors import HiiPlannerError

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "typst" / "document.typ"
FONTS = HERE / "fonts"
INPUT_KEY = "hii-documents"


class PdfError(HiiPlannerError):
    """The PDF engine could not render a document (a fault of hii-planner, not of the data)."""

    def __init__(self, message: str) -> None:
        super().__init__(f"the PDF could not be made: {message}")
        self.hint = "try --format html, and please report this problem"


_per_thread = threading.local()


def _compiler() -> Any:
    """One Typst compiler per thread, kept: fonts load once, the template is parsed once.

    A compiler cannot be used by two threads at once (it is borrowed while it
    compiles), and documents are compiled on a small thread pool, so each
    thread has its own.
    """
    found = getattr(_per_thread, "compiler", None)
    if found is None:
        found = _per_thread.compiler = _new_compiler()
    return found


def _new_compiler() -> Any:
    import typst

    # The template's own folder is the root, so even the template could read
    # nothing else; system fonts are ignored so output is the same everywhere.
    return typst.Compiler(
        TEMPLATE, root=TEMPLATE.parent, font_paths=[FONTS], ignore_system_fonts=True
    )


ACCESSIBLE = "ua-1"  # PDF/UA-1: tagged, titled, language set, every font embedded


def _compile(payload: str, *, standards: list[str]) -> Any:
    return _compiler().compile(
        format="pdf",
        sys_inputs={INPUT_KEY: payload},
        timestamp=int(now().timestamp()),
        pdf_standards=standards,
    )


def render_pdf(documents: Sequence[Document]) -> bytes:
    """One PDF holding *documents*; each starts on a new page with its own page numbers."""
    import typst

    payload = json.dumps(
        {"title": documents[0].title, "documents": [document_data(d) for d in documents]},
        ensure_ascii=False,
    )
    try:
        result = _compile(payload, standards=[ACCESSIBLE])
    except typst.TypstError as error:
        if "PDF/UA" not in str(error.message):
            raise PdfError(str(error.message)) from None
        # Text that no bundled font can show (an emoji, a script we do not ship) breaks
        # PDF/UA's rules; the document is still printed, tagged, without the claim.
        try:
            result = _compile(payload, standards=[])
        except typst.TypstError as again:
            raise PdfError(str(again.message)) from None
    if not isinstance(result, bytes):  # pragma: no cover - one PDF is always one bytes object
        raise PdfError("the engine returned no PDF")
    return result
