"""Reasons as data: each kind writes the plan file's words and reads back to the same value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hii_planner import Reason, dumps_plan, read_plan
from tests.conftest import LibraryFactory, fixture_library, saved_plan


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        pytest.param(Reason.core(), "core module: in every plan", id="core"),
        pytest.param(Reason.chosen(), "chosen by the facilitator", id="chosen"),
        pytest.param(Reason.need("belonging"), "addresses need: belonging", id="need"),
        pytest.param(Reason.required_by("story"), "required by: story", id="required-by"),
        pytest.param(
            Reason.one_of("m", ("x", "y")), "required by: m (first of: x, y)", id="one-of"
        ),
        pytest.param(
            Reason.alternative_to("q"),
            "chosen instead of: q (the two exclude each other)",
            id="alternative-to",
        ),
        pytest.param(Reason.screening("in-crisis"), "screening: in-crisis", id="screening"),
        pytest.param(Reason.kept(), "kept: it has sessions already recorded", id="kept"),
    ],
)
def test_each_kind_round_trips_through_its_words(reason: Reason, words: str) -> None:
    # The words are today's plan-file strings, and reading them gives the same value.
    assert str(reason) == words
    assert Reason.parse(words) == reason


@pytest.mark.parametrize(
    "words",
    [
        pytest.param("referred by the court", id="unknown-words"),
        pytest.param("required by: Story Module", id="not-a-module-id"),
        pytest.param("addresses need: ", id="empty-target"),
        pytest.param("required by: m (first of: x, y", id="unclosed-group"),
    ],
)
def test_words_it_does_not_know_stay_a_note_with_their_bytes(words: str) -> None:
    # A hand-written or future reason is kept as a note and written back unchanged.
    reason = Reason.parse(words)
    assert reason.kind == "note"
    assert str(reason) == words
    assert not reason.is_root
    assert reason.parent is None


@pytest.mark.parametrize(
    ("reason", "root", "parent"),
    [
        pytest.param(Reason.chosen(), True, None, id="chosen-is-a-root"),
        pytest.param(Reason.screening("q"), True, None, id="screening-is-a-root"),
        pytest.param(Reason.required_by("b"), False, "b", id="required-by-names-its-parent"),
        pytest.param(Reason.one_of("m", ("x", "y")), False, "m", id="one-of-names-its-parent"),
        pytest.param(Reason.alternative_to("q"), False, None, id="alternative-is-a-remark"),
    ],
)
def test_roots_and_parents(reason: Reason, root: bool, parent: str | None) -> None:
    # `plan why` walks parents up to a root; the rest are remarks.
    assert reason.is_root is root
    assert reason.parent == parent


def test_a_plan_file_reads_reasons_as_data_and_writes_the_same_bytes(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    # Reading a plan gives Reason values; a hand-written reason survives; the bytes stay the same.
    library = fixture_library(make_library)
    path = saved_plan(library, tmp_path, start=dt.date(2027, 1, 4))
    text = path.read_text(encoding="utf-8").replace(
        'reasons = [\n    "addresses need: need-b",\n]',
        'reasons = [\n    "addresses need: need-b",\n    "agreed at the case review",\n]',
    )
    assert "agreed at the case review" in text
    path.write_text(text, encoding="utf-8")
    plan = read_plan(path)
    middle = plan.module_entry("middle")
    other = plan.module_entry("other")
    assert middle is not None and other is not None
    assert middle.reasons == [Reason.need("need-a")]
    assert other.reasons == [Reason.need("need-b"), Reason("note", "agreed at the case review")]
    assert dumps_plan(plan) == text
