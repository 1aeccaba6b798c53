"""Standard output that is full or closed, and Ctrl-C at any moment: a message, never a traceback."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import IO

import pytest

from hii_planner import load_library, write_plan
from tests.conftest import LibraryFactory, fixture_library, make_plan

FULL = Path("/dev/full")


@pytest.fixture
def setup(make_library: LibraryFactory, workdir: Path) -> tuple[Path, Path]:
    library = fixture_library(make_library).path
    plan = workdir / "P-0042.toml"
    write_plan(plan, make_plan(load_library(library), start=dt.date(2026, 11, 2)))
    return library, plan


def _run(args: list[str], *, stdout: IO[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hii_planner", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
    )


COMMANDS = [
    pytest.param(["plan", "export", "{plan}", "--format", "csv", "--out", "-"], id="export"),
    pytest.param(["plan", "show", "{plan}", "--json"], id="show-json"),
    pytest.param(["plan", "show", "{plan}"], id="show"),
    pytest.param(["library", "list"], id="library-list"),
    pytest.param(["plan", "new", "--no-input", "--participant", "P-1", "--out", "-"], id="new"),
]


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_stdout_is_a_message(setup: tuple[Path, Path], command: list[str]) -> None:
    # Output to a full device: "cannot write to standard output", exit 1, no traceback.
    library, plan = setup
    args = ["--library", str(library), *[a.replace("{plan}", str(plan)) for a in command]]
    with FULL.open("w") as full:
        result = _run(args, stdout=full)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        "error: cannot write to standard output: no space left on device"
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", COMMANDS[:2])
def test_a_closed_stdout_is_a_message(setup: tuple[Path, Path], command: list[str]) -> None:
    # Standard output closed before start (`>&-`): a message and exit 1.
    library, plan = setup
    args = ["--library", str(library), *[a.replace("{plan}", str(plan)) for a in command]]
    script = "import os, sys, runpy; os.close(1); sys.argv = ['hii-planner', *sys.argv[1:]]; "
    script += "runpy.run_module('hii_planner', run_name='__main__')"
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("error: cannot write to standard output: it is closed")


def test_ctrl_c_while_importing_is_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A KeyboardInterrupt while the command line is still being imported exits 130.
    from hii_planner import __main__ as entry

    class Interrupting(types.ModuleType):
        def __getattr__(self, name: str) -> object:
            if name == "main":  # what `from hii_planner.cli.app import main` asks for
                raise KeyboardInterrupt
            raise AttributeError(name)

    monkeypatch.setitem(sys.modules, "hii_planner.cli.app", Interrupting("hii_planner.cli.app"))
    monkeypatch.setattr(sys, "argv", ["hii-planner", "handouts", "P-0042.toml"])
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # guard_stdout replaces it; put it back
    with pytest.raises(SystemExit) as finished:
        entry.main()
    assert finished.value.code == 130
    assert capsys.readouterr().err == "interrupted; nothing was written\n"


@pytest.mark.parametrize("delay", [0.15, 0.3, 0.5])
def test_ctrl_c_during_handouts_start_up(setup: tuple[Path, Path], delay: float) -> None:
    # A real SIGINT at some moment of start-up: 130 (or killed by SIGINT), never a traceback.
    library, plan = setup
    process = subprocess.Popen(
        [sys.executable, "-m", "hii_planner", "--library", str(library), "handouts", str(plan),
         "--format", "markdown", "--out", str(plan.parent / "out")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode in (0, 130, -signal.SIGINT), stderr
    assert "Traceback" not in stderr
