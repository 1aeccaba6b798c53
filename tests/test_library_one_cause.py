"""One broken module file is reported once: its dependants are not blamed for it."""

from __future__ import annotations

from pathlib import Path

from hii_planner import check_library
from tests.conftest import Cli, LibraryFactory, module

INFO = {
    "needs": [
        {"id": "need-a", "title": "Need A"},
        {"id": "need-x", "title": "Need only the broken module addresses"},
    ],
    "order": ["broken", "a"],
}
BROKEN = 'id = "broken"\ntitle = "Broken"\ntrack = "main"\naddresses = ["need-x"]\n\n[[sessions]]\nid = "one"\ntitle = "One"\nminutes = "sixty"\n'  # fmt: skip


def broken_library(make_library: LibraryFactory) -> Path:
    return make_library(
        [
            module("a", addresses=["need-a"], requires=["broken"]),
            module("b", requires_any=[["broken", "a"]], after=["broken"]),
            module("c", excludes=["broken"]),
            module("d", requires=["missing"]),
        ],
        info=INFO,
        raw={"broken.toml": BROKEN},
    )


def test_a_broken_module_is_the_one_error_and_its_dependants_a_single_note(
    make_library: LibraryFactory,
) -> None:
    # The cause is one error; requires, requires_any, after, excludes and order naming it are
    # not "unknown module"; one note lists the dependants; no guessed unaddressed-need warning.
    folder = broken_library(make_library)
    result = check_library(folder)
    errors = [str(p).replace(f"{folder}/", "") for p in result.errors]
    assert errors == [
        "broken.toml:9: sessions[0].minutes: 'sixty' should be a whole number, such as 60 "
        "(without quotes or a decimal point)",
        "d.toml:5: requires[0]: unknown module 'missing'",
    ]
    warnings = [str(p).replace(f"{folder}/", "") for p in result.warnings]
    assert warnings == [
        "broken.toml: module 'broken' could not be read (see its errors): 3 modules that refer "
        "to it (a, b, c) and the needs it addresses were not checked against it",
    ]


def test_library_check_prints_the_cause_once(cli: Cli, make_library: LibraryFactory) -> None:
    # On the command line: the broken file's error, the one unknown reference, the note; exit 1.
    folder = broken_library(make_library)
    result = cli("library", "check", str(folder), exit_code=1)
    assert result.stderr.splitlines() == [
        f"error: {folder}/broken.toml:9: sessions[0].minutes: 'sixty' should be a whole number, "
        "such as 60 (without quotes or a decimal point)",
        f"error: {folder}/d.toml:5: requires[0]: unknown module 'missing'",
        f"warning: {folder}/broken.toml: module 'broken' could not be read (see its errors): "
        "3 modules that refer to it (a, b, c) and the needs it addresses were not checked "
        "against it",
        f"✗ 2 errors, 1 warning in {folder}",
    ]


def test_the_review_rule_and_screening_adds_do_not_blame_a_broken_module(
    make_library: LibraryFactory,
) -> None:
    # [review] module and a screening question's adds naming the broken module: no extra error.
    info = {
        **INFO,
        "review": {"module": "broken", "every": 4},
        "screening": [
            {"id": "q", "question": "Is it so?", "caution_if": True, "caution": "Careful.",
             "adds": ["broken"]},
        ],
    }  # fmt: skip
    folder = make_library(
        [module("a", addresses=["need-a"])], info=info, raw={"broken.toml": BROKEN}
    )
    errors = [str(p).replace(f"{folder}/", "") for p in check_library(folder).errors]
    assert len(errors) == 1 and errors[0].startswith("broken.toml:9: sessions[0].minutes")
