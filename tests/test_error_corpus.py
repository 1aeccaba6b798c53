"""The error corpus check: every exit-1 message of the suite (see conftest's `cli`) reads as words."""

from __future__ import annotations

import pytest

from tests.error_corpus import unwanted


@pytest.mark.parametrize(
    ("message", "found"),
    [
        pytest.param(
            "participant: string should match pattern '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'",
            ["a regular expression"],
            id="regex",
        ),
        pytest.param("minutes: input should be a valid integer", ["a pydantic phrase"], id="pyd"),
        pytest.param("1 validation error for Module", ["a pydantic phrase"], id="pyd-title"),
        pytest.param("expected <class 'int'>", ["a Python type"], id="type-name"),
        pytest.param(
            "sessions[0].minutes: 90.0 should be a whole number, such as 60", [], id="words"
        ),
        pytest.param("--date: dates are YYYY-MM-DD, such as 2027-01-04", [], id="date-rule"),
    ],
)
def test_the_corpus_check_tells_words_from_internals(message: str, found: list[str]) -> None:
    # The check used on every bad-input message of the suite catches what it should, only that.
    assert unwanted(message) == found
