"""Every session of a whole library prints in every format, for every audience."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from hii_planner import (
    HiiPlannerError,
    Library,
    Plan,
    default_library_path,
    load_library,
    write_handouts,
)
from hii_planner.documents.render import FORMATS
from tests.conftest import LibraryFactory, make_plan, module, pdf_pages, session


def plans_covering(library: Library) -> list[Plan]:
    """Plans that between them hold every module (modules that exclude each other split up)."""
    groups: list[list[str]] = []
    review = library.info.review.module if library.info.review else None
    for module_id in library.modules:
        if module_id == review:
            continue  # placed by the [review] rule in every plan, never chosen
        for group in groups:
            try:
                build(library, [*group, module_id])
            except HiiPlannerError:
                continue
            group.append(module_id)
            break
        else:
            groups.append([module_id])
    plans = [build(library, group) for group in groups]
    for plan in plans:  # assessed needs, some covered and some not, for the overview's table
        plan.participant.needs = [need.id for need in library.info.needs[:4]]
    return plans


def build(library: Library, modules: list[str]) -> Plan:
    return make_plan(library, needs=(), modules=modules)


def page_count(path: Path) -> int:
    """The number of pages a standard reader (pypdf) finds in the PDF at *path*."""
    return len(PdfReader(path).pages)


def check_prints_everything(library: Library, out: Path) -> None:
    plans = plans_covering(library)
    planned = {(s.module, s.session) for plan in plans for s in plan.sessions}
    assert planned == {(m.id, s.id) for m in library.modules.values() for s in m.sessions}
    for index, plan in enumerate(plans):
        for output_format in FORMATS:
            folder = out / f"{index}-{output_format}"
            written = write_handouts(
                plan, library, out_dir=folder, output_format=output_format, audience="all"
            )
            sessions = len(plan.sessions)
            assert written.counts == {
                "participant": sessions,
                "facilitator": sessions,
                "overview": 1,
            }
            if output_format == "pdf":
                assert all(page_count(path) >= 1 for path in written.files)
                # Reading the text layer is slow, so only the overview's is read here.
                for page in pdf_pages(written.files[0].read_bytes()):
                    assert library.info.marking in page and "Reference: P-0042" in page


@pytest.mark.slow
def test_every_shipped_session_prints(tmp_path: Path) -> None:
    # The shipped library: every session, every format, both audiences and the overview.
    check_prints_everything(load_library(default_library_path()), tmp_path)


BODY = """
Some words with *emphasis*, **strength** and a list:

- café, naïve, Zoë
- مرحبا بكم في الجلسة
- <script>alert(1)</script> and #read("/etc/passwd")

1. first
2. second

> A quote to finish.
"""


def generated_modules(count: int) -> list[dict[str, Any]]:
    """A library shaped like a real one: chains, exclusions, optional and bare sessions."""
    modules = [module("start", core=True, placement="first", sessions=2)]
    for n in range(count):
        sessions = [
            session(
                f"part-{k}",
                title=f"Part {k} of module {n}: {'long ' * (k + n % 3)}title",
                optional=k == 2,
                objectives=[f"Objective {n}.{k}"],
                activities=[f"Activity {n}.{k}", "Another activity"],
                materials=["Paper"],
                facilitator_notes=f"Notes {n}.{k}\n\nSecond paragraph.",
                **(
                    {}
                    if (n + k) % 4 == 3
                    else {
                        "handout": {
                            "body": BODY,
                            "reflection": [f"Question {q}?" for q in range(k % 3 + 1)],
                            **({"easy_read": "Short words."} if k == 1 else {}),
                        }
                    }
                ),
            )
            for k in range(1, 2 + n % 3)
        ]
        fields: dict[str, Any] = {
            "requires": ["start"] if n % 2 else [f"topic-{n - 1}"] if n else ["start"],
            "addresses": [f"need-{n % 4}"],
            "track": "faith" if n % 5 == 4 else "main",
        }
        if n == 3:
            fields["excludes"] = ["topic-2"]
        modules.append(module(f"topic-{n}", sessions=sessions, **fields))
    modules.append(module("finish", core=True, placement="last"))
    return modules


def test_every_generated_session_prints(make_library: LibraryFactory, tmp_path: Path) -> None:
    # The same over a generated library, so the test does not depend on the shipped content.
    folder = make_library(
        generated_modules(9),
        info={
            "marking": "OFFICIAL",
            "needs": [{"id": f"need-{n}", "title": f"Need {n}"} for n in range(4)],
        },
    )
    check_prints_everything(load_library(folder), tmp_path / "out")
