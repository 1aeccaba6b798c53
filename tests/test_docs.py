"""Help and docs stay true: every command has help and is in the README; schemas match."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import jsonschema
import pytest
from typer.main import get_command

from hii_planner import default_library_path, json_schema
from hii_planner.cli.app import app
from hii_planner.schemas import SCHEMA_KINDS
from tests.conftest import Cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_paths() -> list[tuple[str, ...]]:
    """Every leaf command as its words, e.g. ("plan", "new")."""
    found: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                walk(child, (*path, name))
        else:
            found.append(path)

    walk(get_command(app), ())
    return found


COMMANDS = command_paths()


def test_the_command_tree_is_complete() -> None:
    # The contract's commands all exist.
    assert {" ".join(p) for p in COMMANDS} >= {
        "library info", "library list", "library show", "library check", "library graph",
        "library schema", "plan new", "plan show", "plan check", "plan why", "plan export",
        "plan record", "plan reschedule", "plan report", "plan list", "handouts",
    }  # fmt: skip


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help_and_is_documented(cli: Cli, path: tuple[str, ...]) -> None:
    # `--help` works and says something, and the README mentions the command.
    result = cli(*path, "--help")
    assert "Usage:" in result.stdout
    command = get_command(app)
    for word in path:
        command = command.commands[word]  # type: ignore[attr-defined]
    assert command.help and len(command.help.split()) >= 4
    assert f"hii-planner {' '.join(path)}" in README


def test_help_without_arguments(cli: Cli) -> None:
    # The bare command and each group show their help (on stderr, as a usage error: exit 2,
    # so a script that forgot the command stops); --help prints it on stdout.
    for words in ([], ["plan"], ["library"], ["team"]):
        result = cli(*words, exit_code=2)
        assert "Usage: hii-planner" in result.stderr and "Commands:" in result.stderr
        assert result.stdout == ""
    assert "Exit codes" in cli("--help").stdout


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    return [line.split("#", 1)[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_the_two_documented_commands() -> None:
    # The README's quick start installs and plans into plans/, then installs test extras and tests.
    assert quick_start_commands() == [
        "pip install . && mkdir -p plans && hii-planner plan new --out plans",
        "pip install -e '.[test]' && pytest",
    ]


def test_quick_start_entry_point_and_test_extras_exist() -> None:
    # The console script and the test extra the quick start relies on are declared.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["hii-planner"] == "hii_planner.__main__:main"
    assert "pytest" in " ".join(project["optional-dependencies"]["test"])


def test_quick_start_plan_new_runs_without_a_terminal(tmp_path: Path) -> None:
    # `hii-planner plan new --out plans` from the quick start, run with no terminal,
    # explains what to pass.
    (tmp_path / "plans").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "hii_planner", "plan", "new", "--out", "plans"],
        cwd=tmp_path, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "missing answer: participant" in result.stderr
    assert "Traceback" not in result.stderr


def test_quick_start_plans_are_left_out_of_git() -> None:
    # plans/ at the top (where the quick start writes) is ignored; the package's plans/ is not.
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "plans/P-0042.toml", "hii_planner/plans/new.py"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.stdout.split() == ["plans/P-0042.toml"]


@pytest.mark.slow
def test_plain_install_ships_the_library(tmp_path: Path) -> None:
    # `pip install .` (not only editable) carries the default library inside the package.
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    wheel = next(tmp_path.glob("hii_planner-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {p.name for p in default_library_path().glob("*.toml")}
    assert {n.rsplit("/", 1)[1] for n in names if n.startswith("hii_planner/modules/")} == shipped


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_documented_schemas_match_the_command(cli: Cli, kind: str) -> None:
    # docs/schema/*.json (linked from the README) are exactly what `library schema` prints.
    printed = json.loads(cli("library", "schema", kind).stdout)
    assert printed == json_schema(kind)
    assert json.loads((ROOT / "docs" / "schema" / f"{kind}.schema.json").read_text()) == printed
    assert f"docs/schema/{kind}.schema.json" in README or kind in ("plan", "answers")


def test_module_schema_validates_every_shipped_module() -> None:
    # A standard JSON Schema validator accepts every shipped module file.
    schema = json_schema("module")
    validator = jsonschema.Draft202012Validator(schema)
    for path in default_library_path().glob("*.toml"):
        if path.name == "library.toml":
            jsonschema.validate(tomllib.loads(path.read_text()), json_schema("library"))
            continue
        validator.validate(tomllib.loads(path.read_text()))


def test_module_schema_rejects_typos() -> None:
    # The schema forbids unknown keys, so editors flag typos.
    schema = json_schema("module")
    broken = {
        "id": "a",
        "title": "A",
        "track": "t",
        "requirs": [],
        "sessions": [{"id": "s", "title": "S", "minutes": 60}],
    }
    with pytest.raises(jsonschema.ValidationError, match="requirs"):
        jsonschema.validate(broken, schema)
