"""Snapshots pin the HTML and Markdown of handouts, guides and the overview.

After an intended change, rewrite them with ``UPDATE_SNAPSHOTS=1 pytest tests/test_documents_snapshots.py``
and review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from hii_planner import Library, Plan
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
from hii_planner.documents.render import render_document
from hii_planner.handouts import facilitator_guide, in_context, participant_handout, plan_overview
from tests.conftest import LibraryFactory, fixture_library, make_plan
from tests.fixture_data import ALL_NEEDS

SNAPSHOTS = Path(__file__).parent / "snapshots"
SUFFIX = {"html": ".html", "markdown": ".md"}

KITCHEN_SINK = Document(
    title="Every block <b>& markup</b>",
    subtitle="Subtitle with #hash and $dollar",
    reference="P-0042",
    marking="OFFICIAL-SENSITIVE",
    footer="Footer text",
    large_print=True,
    paper="letter",
    blocks=(
        Heading("A heading"),
        Paragraph("Normal with a line\nbreak."),
        Paragraph("Muted text.", style="muted"),
        Paragraph("Lead text.", style="lead"),
        MarkdownText(
            "Some **bold**, *emphasis*, `code` and <i>raw html</i>.\n\n"
            "## A sub heading\n\n- one\n- two\n  1. nested\n\n> quoted\n\n[a link](https://example.org)"
        ),
        BulletList(("first", "second")),
        BulletList(("one", "two"), numbered=True),
        Facts((("Date", "Monday 4 January 2027"), ("Length", "90 minutes"))),
        TableBlock(("No.", "Cell | pipe"), (("1", "a"), ("2", "b\nc")), widths=(1, 3)),
        WritingSpace("A question?", lines=2),
        Timeline((("1", "4 Jan", "Main"), ("2", "11 Jan", "Faith"), ("3", "18 Jan", "Main"))),
        PageBreak(),
        Paragraph("مرحبا بكم"),
    ),
)


def documents(plan: Plan, library: Library) -> dict[str, Callable[[], Document]]:
    first, fourth = (in_context(plan, library, plan.sessions[i]) for i in (0, 3))
    return {
        "participant-handout": lambda: participant_handout(plan, library, fourth),
        "participant-easy-read-large": lambda: participant_handout(
            plan, library, first, easy_read=True, large_print=True
        ),
        "facilitator-guide": lambda: facilitator_guide(plan, library, fourth),
        "plan-overview": lambda: plan_overview(plan, library),
    }


NAMES = [
    "participant-handout",
    "participant-easy-read-large",
    "facilitator-guide",
    "plan-overview",
    "kitchen-sink",
]


@pytest.mark.parametrize("output_format", ["html", "markdown"])
@pytest.mark.parametrize("name", NAMES)
def test_snapshot(make_library: LibraryFactory, name: str, output_format: str) -> None:
    # The rendered document equals its stored snapshot, byte for byte.
    if name == "kitchen-sink":
        document = KITCHEN_SINK
    else:
        library = fixture_library(make_library, "handouts")
        document = documents(make_plan(library, needs=ALL_NEEDS, holidays="none"), library)[name]()
    rendered = render_document(document, output_format).decode("utf-8")
    path = SNAPSHOTS / f"{name}{SUFFIX[output_format]}"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}: run with UPDATE_SNAPSHOTS=1 to write it"
    assert rendered == path.read_text(encoding="utf-8")
