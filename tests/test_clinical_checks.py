"""`library check` on the clinical tailoring keys: located errors, and modules never plannable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hii_planner import check_library
from tests.conftest import LibraryFactory, module, session

NEEDS = [{"id": "n1", "title": "Need one"}]


def errors_of(folder: Path) -> list[str]:
    """The errors of a library as 'file:line: location: message' with the folder stripped."""
    return [str(p).replace(f"{folder}/", "") for p in check_library(folder).errors]


def question(**fields: Any) -> dict[str, Any]:
    """A screening question that raises its caution on "yes"."""
    return {"id": "q", "question": "Q?", "caution_if": True, "caution": "Careful.", **fields}


@pytest.mark.parametrize(
    ("modules", "info", "expected"),
    [
        pytest.param(
            [module("a")],
            {"review": {"module": "reveiw", "every": 4}},
            "library.toml:9: review.module: unknown module 'reveiw'",
            id="review-module-unknown",
        ),
        pytest.param(
            [module("a"), module("review", sessions=2)],
            {"review": {"module": "review", "every": 4}},
            "library.toml:9: review.module: the review module 'review' has 2 sessions: "
            "a review module is the template of one review, so it has exactly one",
            id="review-module-two-sessions",
        ),
        pytest.param(
            [module("a"), module("review")],
            {"review": {"module": "review", "every": 0}},
            "library.toml:10: review.every: 0 is too small: the least allowed is 1",
            id="review-every-zero",
        ),
        pytest.param(
            [module("a")],
            {"screening": [question(adds=["calm"])]},
            "library.toml:14: screening[0].adds[0]: unknown module 'calm'",
            id="adds-unknown",
        ),
        pytest.param(
            [module("a", core=True), module("calm", excludes=["a"])],
            {"screening": [question(adds=["calm"])]},
            "library.toml:14: screening[0].adds[0]: 'calm' cannot be planned with the core "
            "module 'a' (one excludes the other), so this answer could never add it",
            id="adds-conflicts-with-core",
        ),
        pytest.param(
            [module("a")],
            {"sessions": {"min": 12, "max": 10}},
            "library.toml:9: sessions.min: min (12) is more than max (10): "
            "the usual range of a plan's size runs from min to max",
            id="size-min-above-max",
        ),
        pytest.param(
            [module("a", sessions=[session("s1", addresses=["n2"])])],
            {"needs": NEEDS},
            "a.toml:10: sessions[0].addresses[0]: unknown need 'n2'",
            id="session-addresses-unknown-need",
        ),
        pytest.param(
            [module("a", sessions=[session("s1", handout={"body": "x", "discuss": "why?"})])],
            {},
            'a.toml:5: sessions[0].handout.discuss: \'why?\' should be a list in square brackets, such as ["a", "b"]',
            id="discuss-not-a-list",
        ),
        pytest.param(
            [module("a", sessions=[session("s1", handout={"body": "x", "discuss": [1]})])],
            {},
            "a.toml:13: sessions[0].handout.discuss[0]: 1 should be text in quotes",
            id="discuss-not-strings",
        ),
        pytest.param(
            [module("a", core=True), module("b", excludes=["a"])],
            {},
            "b.toml:5: excludes[0]: 'b' can never be planned: it cannot share a plan with "
            "the core module 'a', which is in every plan",
            id="excludes-a-core-module",
        ),
        pytest.param(
            [module("a", requires=["b"], excludes=["c"]), module("b", requires=["c"]), module("c")],
            {},
            "a.toml:5: requires[0]: 'a' can never be planned: it requires a → b → c, "
            "and 'c' cannot share a plan with 'a'",
            id="excludes-what-it-requires-through-the-closure",
        ),
        pytest.param(
            [
                module("a", requires=["b", "c"]),
                module("b", excludes=["c"]),
                module("c"),
            ],
            {},
            "a.toml:5: requires[0]: 'a' can never be planned: it requires a → b, "
            "and 'b' cannot share a plan with 'c'",
            id="requires-two-that-exclude-each-other",
        ),
    ],
)
def test_clinical_keys_give_located_errors(
    make_library: LibraryFactory, modules: list[dict[str, Any]], info: dict[str, Any], expected: str
) -> None:
    # Each defect in a clinical key is one located error: file:line, key path and message.
    assert expected in errors_of(make_library(modules, info=info))


def test_every_clinical_key_loads(make_library: LibraryFactory) -> None:
    # A small library using every new key is valid and keeps what it says.
    review = module("review", sessions=[session("r", kind="review")])
    work = module(
        "work",
        addresses=["n1"],
        sessions=[
            session(
                "s1",
                addresses=[],
                handout={
                    "body": "Text.",
                    "homework": "Write one line.",
                    "discuss": ["What felt hard?"],
                    "easy_read_reflection": ["What was good?"],
                },
            )
        ],
    )
    folder = make_library(
        [work, review, module("calm")],
        info={
            "needs": NEEDS,
            "sessions": {"min": 2, "max": 6},
            "review": {"module": "review", "every": 3, "final": False},
            "screening": [question(adds=["calm"], first=True)],
            "tracks": [{"id": "main", "title": "Main", "provider": "Adviser"}],
        },
    )
    result = check_library(folder)
    assert result.ok, result.errors
    assert result.library is not None
    info = result.library.info
    assert (info.sessions and info.sessions.max, info.review and info.review.every) == (6, 3)
    assert info.screening[0].adds == ["calm"]
    assert info.tracks[0].provider == "Adviser"
    handout = result.library.modules["work"].sessions[0].handout
    assert handout is not None and handout.discuss == ["What felt hard?"]


@pytest.mark.parametrize(
    "kind", [pytest.param(k, id=k) for k in ("library", "module", "plan", "answers")]
)
def test_every_field_has_a_description(kind: str) -> None:
    # Editors show each field's description as hover text, so none may be missing.
    from hii_planner import json_schema

    schema = json_schema(kind)
    models = [("root", schema), *schema.get("$defs", {}).items()]
    missing = [
        f"{name}.{field}"
        for name, model in models
        for field, spec in model.get("properties", {}).items()
        if "description" not in spec
    ]
    assert missing == []


def test_exclusions_are_gathered_once_per_check(
    make_library: LibraryFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Gathering every module's exclusions once per module made `library check` quadratic
    # (16 s for 4,000 modules): the check gathers them once, whatever the library's size.
    from hii_planner.library import clinical_checks

    calls: list[int] = []
    gather = clinical_checks.exclusions

    def counted(by_id: Any) -> dict[str, set[str]]:
        calls.append(1)
        return gather(by_id)

    monkeypatch.setattr(clinical_checks, "exclusions", counted)
    modules = [module(f"m{n}", excludes=[f"m{n + 1}"] if n < 29 else []) for n in range(30)]
    assert not check_library(make_library(modules)).errors
    assert len(calls) == 1
