"""A rewrite of a plan file keeps the comment lines that open it (a #:schema directive)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hii_planner import clock, dumps_plan, read_plan, record_in_file, write_plan
from tests.conftest import LibraryFactory, fixture_library, make_plan

DIRECTIVE = "#:schema ../docs/schema/plan.schema.json\n"


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(DIRECTIVE, id="schema-directive"),
        pytest.param(DIRECTIVE + "# Team A caseload\n\n", id="comments-and-a-blank-line"),
        pytest.param("# written by hand\r\n", id="crlf-comment"),
        pytest.param("", id="no-comments"),
    ],
)
def test_leading_comments_survive_a_rewrite(
    make_library: LibraryFactory, tmp_path: Path, header: str
) -> None:
    # Recording a session rewrites the plan; its opening comment lines come back unchanged
    # (line ends made LF) and the rest of the file is the plan as the tool writes it.
    library = fixture_library(make_library)
    path = tmp_path / "P-0042.toml"
    write_plan(path, make_plan(library, start=dt.date(2027, 1, 4)))
    path.write_text(header + path.read_text(), encoding="utf-8", newline="")
    plan = record_in_file(path, 1, status="cancelled", now=clock.now()).plan
    text = path.read_text(encoding="utf-8")
    kept = header.replace("\r\n", "\n")
    assert text == kept + dumps_plan(plan)
    record_in_file(path, 2, status="cancelled", now=clock.now())
    assert path.read_text(encoding="utf-8").startswith(kept + "format = ")
    assert read_plan(path).revision == 3
