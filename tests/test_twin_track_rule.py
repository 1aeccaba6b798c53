"""--twin-track names a twin track when the library marks some; otherwise any track will do."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from hii_planner import Library, PlanRequest, RequestError, build_plan, load_library
from tests.conftest import Cli, LibraryFactory, module

NOW = dt.datetime(2026, 11, 18, 9, 0, tzinfo=dt.UTC)
MODULES = [module("intro", core=True), module("faith-work", track="faith", sessions=2)]


def library_with(make_library: LibraryFactory, tracks: list[dict[str, Any]]) -> Library:
    return load_library(make_library(MODULES, info={"tracks": tracks}))


def plan_with(library: Library, twin_track: str) -> None:
    request = PlanRequest(participant="P-0042", modules=["faith-work"], twin_track=twin_track)
    build_plan(library, request, now=NOW)


MARKED = [{"id": "main", "title": "Main"}, {"id": "faith", "title": "Faith", "twin": True}]
UNMARKED = [{"id": "main", "title": "Main"}, {"id": "faith", "title": "Faith"}]


@pytest.mark.parametrize(
    ("tracks", "twin_track", "message"),
    [
        pytest.param(MARKED, "main", "--twin-track: track 'main' is not a twin track in this library (twin tracks: faith)", id="marked-other-track"),
        pytest.param(MARKED, "fath", "--twin-track: unknown track 'fath' (did you mean 'faith'?)", id="marked-typo"),
        pytest.param(MARKED, "faith", None, id="marked-twin-track"),
        pytest.param(UNMARKED, "main", None, id="unmarked-any-track"),
        pytest.param(UNMARKED, "faith", None, id="unmarked-other-track"),
    ],
)  # fmt: skip
def test_twin_track_must_be_a_marked_track(
    make_library: LibraryFactory,
    tracks: list[dict[str, Any]],
    twin_track: str,
    message: str | None,
) -> None:
    # A library that marks twin tracks refuses another track; one that marks none accepts any.
    library = library_with(make_library, tracks)
    if message is None:
        plan_with(library, twin_track)
        return
    with pytest.raises(RequestError) as caught:
        plan_with(library, twin_track)
    assert caught.value.lines() == [message]


def test_the_shipped_library_refuses_a_track_that_is_not_its_twin_track(cli: Cli) -> None:
    # The shipped library marks faith-politics: --twin-track on another track is exit 1.
    result = cli(
        "plan", "new", "--participant", "P-1", "--need", "mental-health",
        "--twin-track", "emotions", "--out", "-", exit_code=1,
    )  # fmt: skip
    assert result.stderr.splitlines()[0] == (
        "error: --twin-track: track 'emotions' is not a twin track in this library "
        "(twin tracks: faith-politics)"
    )
