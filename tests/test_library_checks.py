"""Library validation: every defect is reported with file, line, key path and a plain message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hii_planner import Problem, check_library
from tests.conftest import LibraryFactory, module, session


def errors_of(folder: Path) -> list[str]:
    """The errors of a library as 'file:line: location: message' with the folder stripped."""
    result = check_library(folder)
    return [str(p).replace(f"{folder}/", "") for p in result.errors]


def test_a_valid_library_loads(make_library: LibraryFactory) -> None:
    # A small library written from scratch loads with its modules in id order.
    folder = make_library([module("b-module"), module("a-module", requires=["b-module"])])
    result = check_library(folder)
    assert result.ok, result.errors
    assert result.library is not None
    assert list(result.library.modules) == ["a-module", "b-module"]
    assert result.library.digest.startswith("sha256:")


@pytest.mark.parametrize(
    ("modules", "expected"),
    [
        pytest.param(
            [module("a", requires=["bee"]), module("be")],
            "a.toml:5: requires[0]: unknown module 'bee' (did you mean 'be'?)",
            id="unknown-requires",
        ),
        pytest.param(
            [module("a", after=["zzz"])],
            "a.toml:5: after[0]: unknown module 'zzz'",
            id="unknown-after",
        ),
        pytest.param(
            [module("a", requires_any=[["b", "nope"]]), module("b")],
            "a.toml:5: requires_any[0][1]: unknown module 'nope'",
            id="unknown-requires-any",
        ),
        pytest.param(
            [module("a", track="mian")],
            "a.toml:3: track: unknown track 'mian' (did you mean 'main'?)",
            id="unknown-track",
        ),
        pytest.param(
            [module("a", addresses=["grief"])],
            "a.toml:5: addresses[0]: unknown need 'grief'",
            id="unknown-need",
        ),
        pytest.param(
            [module("a", requires=["a"])],
            "a.toml:5: requires[0]: module 'a' refers to itself",
            id="self-reference",
        ),
        pytest.param(
            [module("a", requires=["b"], excludes=["b"]), module("b")],
            "a.toml:8: excludes[0]: 'a' both requires and excludes 'b'",
            id="requires-and-excludes",
        ),
        pytest.param(
            [module("a", requires=["b"]), module("b", excludes=["a"])],
            "a.toml:5: requires[0]: 'a' requires 'b', which excludes 'a'",
            id="requires-what-excludes-it",
        ),
        pytest.param(
            [module("a", placement="first", requires=["b"]), module("b")],
            "a.toml:6: requires[0]: 'a' is placed first but requires 'b', which is not placed first",
            id="first-requires-non-first",
        ),
        pytest.param(
            [module("a", after=["b"]), module("b", placement="last")],
            "a.toml:5: after[0]: 'a' comes after 'b', which is placed last",
            id="after-last",
        ),
        pytest.param(
            [module("a", sessions=[session("x"), session("x")])],
            "a.toml:6: sessions[1].id: duplicate session id 'x'",
            id="duplicate-session",
        ),
        pytest.param(
            [module("a", requires_any=[[]])],
            "a.toml:5: requires_any[0]: an empty group: list at least one module",
            id="empty-group",
        ),
    ],
)
def test_reference_errors(
    make_library: LibraryFactory, modules: list[dict[str, Any]], expected: str
) -> None:
    # Each cross-reference defect gives one precise, located message.
    assert errors_of(make_library(modules)) == [expected]


def test_cycle_is_printed_as_a_path(make_library: LibraryFactory) -> None:
    # A cycle through requires, requires_any and after is reported once, as a path.
    folder = make_library(
        [module("a", requires=["b"]), module("b", requires_any=[["c"]]), module("c", after=["a"])]
    )
    assert errors_of(folder) == [
        "a.toml:5: requires[0]: prerequisite cycle: a → b → c → a "
        "(each needs the next one first; starts at requires)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'id = "a"\ntitle = "A"\ntrack = "main"\nrequirs = ["b"]\n[[sessions]]\nid = "s"\ntitle = "S"\nminutes = 60\n',
            "a.toml:4: requirs: unknown key 'requirs' (did you mean 'requires' or 'requires_any'?)",
            id="typo-key",
        ),
        pytest.param(
            'id = "a"\ntitle = "A"\ntrack = "main"\n[[sessions]]\nid = "s"\ntitle = "S"\nminutes = "long"\n',
            "a.toml:7: sessions[0].minutes: 'long' should be a whole number, such as 60 "
            "(without quotes or a decimal point)",
            id="wrong-type",
        ),
        pytest.param(
            'id = "a"\ntitle = "A"\ntrack = "main"\nplacement = "middle"\n[[sessions]]\nid = "s"\ntitle = "S"\nminutes = 60\n',
            "a.toml:4: placement: 'middle' is not allowed: use 'first', 'any' or 'last'",
            id="bad-placement",
        ),
        pytest.param(
            'id = "a"\ntitle = "A"\ntrack = "main"\n',
            "a.toml: sessions: missing required key",
            id="no-sessions",
        ),
        pytest.param(
            'id = "a"\ntitle = "A"\ntrack = "main"\n[[sessions]]\nid = "s"\ntitle = "S"\nminutes = 60\n[sessions.handout]\nbody = "x"\nreflections = []\n',
            "a.toml:10: sessions[0].handout.reflections: unknown key 'reflections' (did you mean 'reflection' or 'easy_read_reflection'?)",
            id="nested-typo",
        ),
        pytest.param(
            'id = "a"\ntitle = "A"\ntrack = "main"\nsummary = """\nid = 5\n"""\nbad = 1\n[[sessions]]\nid = "s"\ntitle = "S"\nminutes = 60\n',
            "a.toml:7: bad: unknown key 'bad'",
            id="line-after-multiline-string",
        ),
        pytest.param(
            'id = "a"\ntitle = "A"\ntrack = \n',
            "a.toml:3: TOML syntax error: Invalid value",
            id="syntax-error",
        ),
    ],
)
def test_file_errors(make_library: LibraryFactory, text: str, expected: str) -> None:
    # Field errors carry the key's own line, even inside sessions and handouts.
    assert errors_of(make_library([], raw={"a.toml": text})) == [expected]


def test_stem_must_equal_id(make_library: LibraryFactory) -> None:
    # A module file's name is its id; a mismatch says how to fix it.
    folder = make_library(
        [],
        raw={
            "wrong-name.toml": 'id = "a"\ntitle = "A"\ntrack = "main"\n[[sessions]]\nid = "s"\ntitle = "S"\nminutes = 60\n'
        },
    )
    assert errors_of(folder) == [
        "wrong-name.toml:1: id: id 'a' does not match the file name: "
        'rename the file to a.toml or set id = "wrong-name"'
    ]


def test_ids_are_never_paths(make_library: LibraryFactory) -> None:
    # An id like ../x is rejected as an id; it is never used to build a path.
    folder = make_library(
        [],
        raw={
            "a.toml": 'id = "../x"\ntitle = "A"\ntrack = "main"\n[[sessions]]\nid = "s"\ntitle = "S"\nminutes = 60\n'
        },
    )
    assert errors_of(folder) == [
        "a.toml:1: id: '../x' is not a valid id: use lowercase letters, digits and single hyphens, such as 'my-module'"
    ]


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        pytest.param(
            {
                "needs": [{"id": "n", "title": "N", "dimension": "intnet"}],
                "dimensions": [{"id": "intent", "title": "I"}],
            },
            "library.toml:8: needs[0].dimension: unknown dimension 'intnet' (did you mean 'intent'?)",
            id="unknown-dimension",
        ),
        pytest.param(
            {"tracks": [{"id": "main", "title": "Main"}, {"id": "main", "title": "Again"}]},
            "library.toml:5: tracks[1].id: duplicate track id 'main'",
            id="duplicate-track",
        ),
        pytest.param(
            {"order": ["only", "ghost"]},
            "library.toml:9: order[1]: unknown module 'ghost'",
            id="unknown-in-order",
        ),
    ],
)
def test_catalogue_errors(
    make_library: LibraryFactory, info: dict[str, Any], expected: str
) -> None:
    # library.toml's own records are checked too.
    assert errors_of(make_library(info=info)) == [expected]


def test_three_defects_in_three_files_are_all_reported(make_library: LibraryFactory) -> None:
    # Not just the first problem: one run lists every defect, each in its own file.
    folder = make_library(
        [module("a", requires=["missing"]), module("b", track="nowhere"), module("c")],
        raw={
            "c.toml": 'id = "c"\ntitle = "C"\ntrack = "main"\nminutes = 60\n[[sessions]]\nid = "s"\ntitle = "S"\nminutes = 60\n'
        },
    )
    assert errors_of(folder) == [
        "c.toml:4: minutes: unknown key 'minutes'",
        "a.toml:5: requires[0]: unknown module 'missing'",
        "b.toml:3: track: unknown track 'nowhere'",
    ]


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        pytest.param("missing-folder", "the library folder does not exist", id="no-folder"),
        pytest.param("empty", "library.toml is missing", id="empty-folder"),
        pytest.param("no-modules", "the library has no module files", id="no-modules"),
        pytest.param(
            "not-utf8", "a.toml:2: the file is not UTF-8 text (save it as UTF-8)", id="not-utf8"
        ),
        pytest.param("huge", "file is too large", id="huge"),
        pytest.param("binary", "the file is binary", id="binary"),
        pytest.param("nested", "nested too deeply", id="deep-nesting"),
    ],
)
def test_unreadable_libraries(
    tmp_path: Path, make_library: LibraryFactory, setup: str, expected: str
) -> None:
    # Folders and files that cannot be read give one clear problem, never a traceback.
    folder = tmp_path / "lib"
    if setup == "empty":
        folder.mkdir()
    elif setup != "missing-folder":
        folder = make_library([])
        bodies = {
            "not-utf8": b'id = "a"\ntitle = "\xff"\n',
            "huge": b"# " + b"x" * 1_100_000,
            "binary": b"id = \x00",
            "nested": b"x = " + b"[" * 100_000 + b"]" * 100_000,
        }
        if setup in bodies:
            (folder / "a.toml").write_bytes(bodies[setup])
    messages = [str(p).replace(f"{folder}/", "") for p in check_library(folder).errors]
    assert any(expected in m for m in messages), messages


def test_warnings_for_unaddressed_needs_and_repeated_objectives(
    make_library: LibraryFactory,
) -> None:
    # Warnings do not make a library unusable, but they point at thin or repetitive content.
    folder = make_library(
        [
            module(
                "a", addresses=["n1"], sessions=[session("x", objectives=["Name three strengths."])]
            ),
            module("b", sessions=[session("y", objectives=["name three  strengths"])]),
        ],
        info={"needs": [{"id": "n1", "title": "One"}, {"id": "n2", "title": "Two"}]},
    )
    result = check_library(folder)
    assert result.ok
    assert [str(p).replace(f"{folder}/", "") for p in result.warnings] == [
        "library.toml:9: needs[1]: no module addresses need 'n2'",
        "b.toml:10: sessions[0].objectives[0]: session 'y' repeats an objective of a/x: "
        "rewrite one so that each session adds something new",
    ]


def test_problem_json_shape() -> None:
    # The contract's shape for one finding.
    problem = Problem("a.toml", 3, "requires[0]", "unknown module 'x'")
    assert problem.as_json() == {
        "file": "a.toml",
        "line": 3,
        "location": "requires[0]",
        "message": "unknown module 'x'",
    }
