"""Shell completion (bash, zsh, fish) and help that reads well: examples, plain words."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.core import TyperGroup
from typer.main import get_command

from hii_planner.cli.app import app
from hii_planner.cli.examples import EXAMPLES
from hii_planner.library.cache import module_files as cache_module_files
from hii_planner.library.names import module_files
from tests.conftest import Cli, LibraryFactory, fixture_library, saved_plan


def complete(line: str, *, shell: str = "bash", env: dict[str, str] | None = None) -> list[str]:
    """What hii-planner offers for the last word of *line* (as the shell asks for it)."""
    variables = {**os.environ, **(env or {}), "_HII_PLANNER_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        words = line.split(" ")
        variables |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    else:
        variables["_TYPER_COMPLETE_ARGS"] = line
    result = subprocess.run(
        [sys.executable, "-m", "hii_planner"],
        env=variables, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.fixture
def library(make_library: LibraryFactory) -> Path:
    """The fixture library (modules intro, middle, other, ending)."""
    return fixture_library(make_library).path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "hii-planner plan new --module ",
            ["ending", "intro", "middle", "other"],
            id="module-ids",
        ),
        pytest.param("hii-planner plan new --module mi", ["middle"], id="module-prefix"),
        pytest.param("hii-planner plan new --exclude o", ["other"], id="exclude-ids"),
        pytest.param("hii-planner library show en", ["ending"], id="library-show"),
        pytest.param("hii-planner pl", ["plan"], id="commands"),
    ],
)
def test_bash_completes_module_ids_and_commands(
    library: Path, line: str, expected: list[str]
) -> None:
    # <TAB> after --module (and the other module places) offers the library's module ids.
    assert complete(line, env={"HII_PLANNER_LIBRARY": str(library)}) == expected


@pytest.mark.slow
def test_completion_reads_library_after_the_command(library: Path) -> None:
    # `--library DIR` written after the command decides which ids are offered.
    offered = complete(f"hii-planner plan new --library {library} --module ")
    assert offered == ["ending", "intro", "middle", "other"]


@pytest.mark.slow
def test_completion_offers_needs_tracks_and_session_numbers(library: Path, tmp_path: Path) -> None:
    # Need ids, track ids and a plan's session numbers are completed too, with help in zsh.
    env = {"HII_PLANNER_LIBRARY": str(library)}
    assert complete("hii-planner plan new --need ", env=env) == ["need-a", "need-b", "need-c"]
    assert complete("hii-planner plan new --twin-track ", env=env) == ["main", "faith"]
    from hii_planner import load_library

    plan = saved_plan(load_library(library), tmp_path, start=dt.date(2027, 1, 4))
    numbers = complete(f"hii-planner plan record {plan} ", env=env)
    assert numbers == [str(n) for n in range(1, 9)]
    described = complete(f"hii-planner plan record {plan} 1", shell="zsh", env=env)
    assert any("S1 · 2027-01-04 · planned" in line for line in described)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F _hii_planner_completion hii-planner"),
        ("zsh", "#compdef hii-planner"),
        ("fish", "complete --command hii-planner"),
    ],
)
def test_completion_scripts_for_each_shell(shell: str, marker: str) -> None:
    # --show-completion SHELL prints that shell's script, whichever shell runs the command
    # (typer's own option would take the shell it finds, or none in a Dockerfile).
    result = subprocess.run(
        [sys.executable, "-m", "hii_planner", "--show-completion", shell],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout
    assert "_HII_PLANNER_COMPLETE" in result.stdout


def test_completion_installs_for_the_shell_named(tmp_path: Path) -> None:
    # --install-completion fish writes fish's script under the user's home, and says where.
    result = subprocess.run(
        [sys.executable, "-m", "hii_planner", "--install-completion", "fish"],
        capture_output=True, text=True, check=False, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    script = tmp_path / ".config" / "fish" / "completions" / "hii-planner.fish"
    assert f"fish completion installed in {script}" in result.stdout
    assert "complete --command hii-planner" in script.read_text(encoding="utf-8")


def test_completion_for_an_unknown_shell_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hii_planner", "--install-completion", "tcsh"],
        capture_output=True, text=True, check=False, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "error: hii-planner does not complete tcsh; "
        "name one: --install-completion bash, zsh, fish, powershell or pwsh\n"
    )
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []  # nothing installed


def test_completion_where_no_shell_is_found_asks_for_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A Dockerfile's RUN has no shell above hii-planner for typer to find: say so, exit 2.
    import typer._completion_shared

    from hii_planner.cli.app import main

    monkeypatch.setattr(typer._completion_shared, "_get_shell_name", lambda: None)
    monkeypatch.setattr(sys, "argv", ["hii-planner", "--show-completion"])
    with pytest.raises(SystemExit) as finished:
        main()
    assert finished.value.code == 2
    assert capsys.readouterr().err == (
        "error: hii-planner cannot tell which shell runs it; "
        "name one: --show-completion bash, zsh, fish, powershell or pwsh\n"
    )


@pytest.mark.slow
def test_completion_imports_nothing_heavy(library: Path) -> None:
    # A <TAB> loads no pydantic, rich, questionary, holidays or typst: it must be fast.
    env = {
        **os.environ,
        "HII_PLANNER_LIBRARY": str(library),
        "_HII_PLANNER_COMPLETE": "complete_bash",
        "COMP_WORDS": "hii-planner plan new --module ",
        "COMP_CWORD": "4",
    }
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "hii_planner"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines()}
    assert not imported & {"pydantic", "rich", "questionary", "holidays", "typst", "icalendar"}


def test_completion_lists_module_files_by_the_cache_rule(library: Path) -> None:
    # The import-free module file list used by completion is the library's own rule.
    assert module_files(library) == cache_module_files(library)


def _commands() -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        if isinstance(command, TyperGroup):
            for name, sub in command.commands.items():
                walk(sub, (*path, name))
        else:
            found.append(path)

    walk(get_command(app), ())
    return found


@pytest.mark.parametrize("path", _commands(), ids=" ".join)
@pytest.mark.parametrize("columns", [80, 60])
def test_every_command_help_has_examples_and_plain_words(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...], columns: int
) -> None:
    # Each command's help ends with an Examples: section of real command lines, names its
    # values in words (no <str>, <path>, <int range>), wraps no choice inside a word and
    # mentions --quiet.
    monkeypatch.setenv("COLUMNS", str(columns))
    text = cli(*path, "--help").stdout
    assert "Examples:" in text
    assert f"$ hii-planner {' '.join(path)}" in text
    for jargon in ("<str>", "<path>", "<int", "range>", "x>=", "<text>"):
        assert jargon not in text
    assert "--quiet" in text
    command = get_command(app)
    for word in path:
        command = command.commands[word]  # type: ignore[attr-defined]
    for param in command.params:
        for choice in getattr(param.type, "choices", None) or ():
            assert str(choice) in text, f"{choice} split across lines"


@pytest.mark.parametrize("path", [(), ("library",), ("plan",), ("team",)], ids=repr)
def test_group_help_names_values_in_words(cli: Cli, path: tuple[str, ...]) -> None:
    # The root's and the groups' help read like the commands': `--library DIR`, no <path>.
    text = cli(*path, "--help").stdout
    for jargon in ("<str>", "<path>", "<int", "range>", "x>=", "<text>"):
        assert jargon not in text
    if not path:
        assert "--library DIR" in text


def test_every_example_is_for_a_command_that_exists() -> None:
    # The examples table names only real commands, each example starting with its command.
    names = {" ".join(path) for path in _commands()}
    team_commands = {"plan merge", "plan resolve", "team init"}  # examples ready for them
    assert set(EXAMPLES) - team_commands <= names
    for path, examples in EXAMPLES.items():
        assert all(e.startswith(f"hii-planner {path}") for e in examples)


def test_module_titles_for_completion_match_the_library() -> None:
    # The fast title reader gives each shipped module's title, as the loader reads it.
    from hii_planner import default_library_path, load_library
    from hii_planner.library.names import module_names

    library = load_library(default_library_path())
    assert module_names(default_library_path()) == sorted(
        (m.id, m.title) for m in library.modules.values()
    )
