"""Messages say rules in words: no regular expressions, type names or pydantic phrases."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Cli


@pytest.mark.parametrize(
    ("participant", "message"),
    [
        pytest.param(
            "a/b",
            "participant: 'a/b' is not allowed: a reference is up to 40 letters, digits, dots, "
            "hyphens and underscores, starting with a letter or digit, such as P-0042",
            id="slash",
        ),
        pytest.param(
            "-P1",
            "participant: '-P1' is not allowed: a reference is up to 40 letters",
            id="leading-hyphen",
        ),
    ],
)
def test_reference_rule_in_words(cli: Cli, workdir: Path, participant: str, message: str) -> None:
    # A bad --participant says the rule for references, not the pattern behind it.
    result = cli("plan", "new", "--no-input", "--participant", participant, exit_code=1)
    assert message in " ".join(result.stderr.split())
    assert "[A-Z" not in result.stderr and "^" not in result.stderr


def test_skip_session_rule_in_words(cli: Cli, workdir: Path) -> None:
    # A --skip-session that is not module/session says how to write one.
    result = cli(
        "plan", "new", "--no-input", "--participant", "P-1", "--skip-session", "x", exit_code=1
    )
    assert "a session is written module-id/session-id" in result.stderr
