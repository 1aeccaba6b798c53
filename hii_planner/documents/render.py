"""The one entry point to print documents: Markdown, HTML or PDF, each renderer loaded lazily."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, get_args

from hii_planner.documents.model import Document

OutputFormat = Literal["pdf", "html", "markdown"]
FORMATS: tuple[OutputFormat, ...] = get_args(OutputFormat)
EXTENSIONS: dict[OutputFormat, str] = {"pdf": ".pdf", "html": ".html", "markdown": ".md"}


def render_documents(documents: Sequence[Document], output_format: str) -> bytes:
    """Several documents as one file, each starting on a new page.

    In HTML the page furniture (paper, marking, reference) is the first document's.
    """
    if not documents:
        raise ValueError("nothing to render: no documents")
    if output_format == "markdown":
        from hii_planner.documents.markdown import render_markdown

        return render_markdown(documents).encode("utf-8")
    if output_format == "html":
        from hii_planner.documents.html import render_html

        return render_html(documents).encode("utf-8")
    if output_format == "pdf":
        from hii_planner.documents.pdf import render_pdf

        return render_pdf(documents)
    raise ValueError(f"unknown output format {output_format!r}; use one of {', '.join(FORMATS)}")


def render_document(document: Document, output_format: str) -> bytes:
    """*document* as bytes in *output_format* ("markdown", "html" or "pdf")."""
    return render_documents([document], output_format)
