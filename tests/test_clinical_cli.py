"""The clinical picture on the command line: plan new, show, check, why --need, library info/show."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Cli, LibraryFactory, module, session

NEEDS = [{"id": "n1", "title": "Need one"}, {"id": "n2", "title": "Need two"}]


@pytest.fixture
def clinical_library(make_library: LibraryFactory) -> Path:
    """A library using every clinical key: size range, reviews, screening adds, a provider."""
    work = module(
        "work",
        addresses=["n1", "n2"],
        sessions=[
            session("one", addresses=["n1"]),
            session(
                "two",
                addresses=["n2"],
                optional=True,
                handout={"body": "Text.", "homework": "Note one thing.", "discuss": ["Why?"]},
            ),
            session("three", addresses=[]),
        ],
    )
    return make_library(
        [
            work,
            module("faith-work", track="faith", sessions=2),
            module("calm"),
            module("review", sessions=[session("check-in", kind="review")]),
        ],
        info={
            "needs": NEEDS,
            "sessions": {"min": 6, "max": 10},
            "review": {"module": "review", "every": 2, "final": False},
            "tracks": [
                {"id": "main", "title": "Main"},
                {"id": "faith", "title": "Faith", "twin": True, "provider": "Adviser"},
            ],
            "screening": [
                {
                    "id": "in-crisis",
                    "question": "In crisis?",
                    "caution_if": True,
                    "caution": "Stabilise first.",
                    "adds": ["calm"],
                    "first": True,
                }
            ],
        },
    )


def new_plan(cli: Cli, library: Path, *args: str) -> str:
    result = cli(
        "--library", str(library), "plan", "new", "--no-input", "--participant", "P-1",
        "--need", "n1", "--need", "n2", "--start", "2027-01-04", "--out", "P-1.toml", *args,
    )  # fmt: skip
    return result.stderr


def test_plan_new_warns_about_size_and_says_what_screening_added(
    clinical_library: Path, cli: Cli, workdir: Path
) -> None:
    # plan new names the usual range when the plan is outside it, and the need left unaddressed.
    stderr = new_plan(cli, clinical_library, "--skip-session", "work/two")
    assert "warning: the plan has 2 sessions, fewer than the usual 6 to 10 of Test library" in (
        stderr
    )
    assert "note: no planned session addresses: n2" in stderr


def test_a_screening_answer_adds_its_module_first(
    clinical_library: Path, cli: Cli, workdir: Path
) -> None:
    # An answers file raising a caution shows it once and plans the added module first.
    Path("answers.toml").write_text("[screening]\nin-crisis = true\n", encoding="utf-8")
    stderr = new_plan(cli, clinical_library, "--answers", "answers.toml")
    assert stderr.count("caution: In crisis? Yes: Stabilise first.") == 1
    why = cli("--library", str(clinical_library), "plan", "why", "P-1.toml", "calm").stdout
    assert "screening answer in-crisis → calm" in why
    shown = cli("--library", str(clinical_library), "plan", "show", "P-1.toml", "--json").stdout
    assert shown.index('"module": "calm"') < shown.index('"module": "work"')


def test_plan_show_gives_coverage_reviews_and_provider(
    clinical_library: Path, cli: Cli, workdir: Path
) -> None:
    # plan show lists each need with its sessions, the reviews and who delivers a session.
    new_plan(cli, clinical_library, "--module", "faith-work", "--twin-track", "faith")
    shown = cli("--library", str(clinical_library), "plan", "show", "P-1.toml").stdout
    assert "Progress reviews: sessions 3, 6" in shown
    assert "Need one: session 1" in shown or "Need one: session 2" in shown
    assert "· by Adviser" in shown
    assert "(progress review)" in shown


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(
            [],
            ["Need two is addressed by:", "work/two Two (planned, "],
            id="addressed",
        ),
        pytest.param(
            ["--skip-session", "work/two"],
            [
                "Need two is not addressed by this plan:",
                "work/two addresses it but was skipped by the facilitator",
            ],
            id="only-session-skipped",
        ),
    ],
)
def test_plan_why_need(
    clinical_library: Path, cli: Cli, workdir: Path, args: list[str], expected: list[str]
) -> None:
    # plan why --need lists the sessions that address the need, or says why none does.
    new_plan(cli, clinical_library, *args)
    out = cli("--library", str(clinical_library), "plan", "why", "P-1.toml", "--need", "n2").stdout
    for line in expected:
        assert line in out


def test_plan_why_needs_a_module_or_a_need(clinical_library: Path, cli: Cli, workdir: Path) -> None:
    # Neither or both of MODULE and --need is a usage error (exit 2); an unknown need exit 1.
    new_plan(cli, clinical_library)
    library = ("--library", str(clinical_library))
    cli(*library, "plan", "why", "P-1.toml", exit_code=1)
    unknown = cli(*library, "plan", "why", "P-1.toml", "--need", "n3", exit_code=1)
    assert "--need: unknown need 'n3'" in unknown.stderr


def test_plan_check_warns_about_size_and_coverage(
    clinical_library: Path, cli: Cli, workdir: Path
) -> None:
    # plan check warns (exit 0) about a size outside the range and needs no session addresses.
    new_plan(cli, clinical_library, "--skip-session", "work/two")
    checked = cli("--library", str(clinical_library), "plan", "check", "P-1.toml", "--json")
    assert '"the plan has 2 sessions, fewer than the usual 6 to 10 of Test library"' in (
        checked.stdout
    )
    assert '"no planned session addresses: n2"' in checked.stdout


def test_library_info_and_show_give_the_clinical_keys(clinical_library: Path, cli: Cli) -> None:
    # library info shows the size range, reviews, providers and what screening adds.
    info = cli("--library", str(clinical_library), "library", "info").stdout
    for text in (
        "Usual size: 6 to 10 sessions",
        "Progress reviews: review after every 2 other sessions",
        "delivered by Adviser",
        "calm (first)",
    ):
        assert text in info
    shown = cli("--library", str(clinical_library), "library", "show", "work").stdout
    assert "needs: n2" in shown
    assert "handout: homework, 1 to discuss" in shown
