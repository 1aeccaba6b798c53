"""The package layout keeps its floors: each package imports only from the floors below it.

Like pip-tools' circular-import test, but for DESIGN.md's architecture: the ground, then
files, library, plans, planning, the outputs (schemas, export, handouts, ui), wizard, cli.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hii_planner"

GROUND = {
    "errors",
    "choices",
    "types",
    "wording",
    "clock",
    "privacy",
    "suggest",
    "dates",
    "safetext",
}
FLOORS: dict[str, int] = {
    **dict.fromkeys(GROUND, 0),
    "documents": 0,
    "files": 1,
    "library": 2,
    "plans": 3,
    "planning": 4,
    "schemas": 5,
    "export": 5,
    "handouts": 5,
    "ui": 5,
    "wizard": 6,
    "cli": 7,
    "__main__": 8,  # the console entry point starts the CLI
    "__init__": 9,  # the public Python API: a lazy facade over every floor
}
# Rooms on one floor that may use each other, and rooms that serve only some floors.
SIDEWAYS = {("ui", "export")}
DOCUMENTS_USERS = {"documents", "export", "handouts", "cli", "__main__"}
PURE = ["files", "library", "plans", "planning"]
UI_LIBRARIES = ["typer", "rich", "questionary", "hii_planner.documents"]


def room(module: str) -> str:
    """The top-level room of ``hii_planner.<room>...``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(path: Path) -> set[str]:
    """Every hii_planner module that a source file imports, lazily or not."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "hii_planner":
                found.update(f"hii_planner.{alias.name}" for alias in node.names)
            elif node.module.startswith("hii_planner."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("hii_planner."))
    return found


def forbidden_imports(package: Path) -> list[str]:
    """Each import that reaches up a floor, sideways without leave, or into a room's users."""
    problems = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent).with_suffix("")
        source = room(".".join(relative.parts))
        for target_module in sorted(imports_of(path)):
            target = room(target_module)
            if target == source or target not in FLOORS:
                continue
            upward = FLOORS[target] > FLOORS[source]
            sideways = (
                FLOORS[target] == FLOORS[source]
                and FLOORS[source] > 0
                and (source, target) not in SIDEWAYS
            )
            documents = target == "documents" and source not in DOCUMENTS_USERS
            if upward or sideways or documents:
                problems.append(f"{relative}: {source} imports {target_module}")
    return problems


def test_no_package_imports_from_a_floor_above_it() -> None:
    # Behaviour: the real tree has no upward, unsanctioned sideways or documents import.
    assert forbidden_imports(PACKAGE) == []


def test_every_room_has_a_floor() -> None:
    # Behaviour: a new package or ground module must be placed on a floor deliberately.
    rooms = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()}
    rooms = {r for r in rooms if not r.startswith((".", "_")) or r in FLOORS}
    rooms -= {"modules", "py"}
    assert rooms - set(FLOORS) == set()


@pytest.mark.parametrize(
    ("source", "line"),
    [
        pytest.param("plans/bad.py", "from hii_planner.planning import planner", id="plans-up"),
        pytest.param("wizard/bad.py", "from hii_planner.cli import app", id="wizard-cli"),
        pytest.param("library/bad.py", "import hii_planner.documents.model", id="documents"),
        pytest.param("files/bad.py", "from hii_planner import cli", id="ground-up"),
        pytest.param("export/bad.py", "from hii_planner.handouts import report", id="sideways"),
    ],
)
def test_a_forbidden_import_is_caught(tmp_path: Path, source: str, line: str) -> None:
    # Behaviour: the check fails on a deliberately bad import in a copy of the layout.
    fake = tmp_path / "hii_planner"
    (fake / source).parent.mkdir(parents=True)
    (fake / source).write_text(f'"""Bad."""\n\n\ndef late() -> None:\n    {line}\n')
    assert len(forbidden_imports(fake)) == 1


@pytest.mark.parametrize("package", PURE)
def test_pure_packages_load_no_terminal_or_document_code(package: str) -> None:
    # Behaviour: importing every module of a pure package loads no typer, rich,
    # questionary or documents module.
    modules = sorted(
        "hii_planner." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in (PACKAGE / package).rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {UI_LIBRARIES!r}"
        f" or any(m.startswith(u) for u in {UI_LIBRARIES!r})]\n"
        "print(','.join(sorted(bad)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
