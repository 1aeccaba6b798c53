"""Terminal conventions: --quiet, global options after the command, the pager."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from hii_planner.ui import paging
from hii_planner.ui.console import set_output, stdout_console
from tests.conftest import Cli, LibraryFactory, fixture_library, saved_plan


@pytest.fixture
def plan_file(make_library: LibraryFactory, tmp_path: Path) -> tuple[Path, Path]:
    """A fixture library and one saved plan made from it."""
    import datetime as dt

    library = fixture_library(make_library)
    folder = tmp_path / "plans"
    folder.mkdir()
    return library.path, saved_plan(library, folder, start=dt.date(2027, 1, 4), name="P-0001")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("--library", "{lib}", "library", "list"), id="before-the-command"),
        pytest.param(("library", "list", "--library", "{lib}"), id="after-the-command"),
        pytest.param(("library", "list", "--library={lib}"), id="after-with-equals"),
    ],
)
def test_library_option_is_accepted_before_or_after_the_command(
    cli: Cli, plan_file: tuple[Path, Path], args: tuple[str, ...]
) -> None:
    # `--library DIR` works wherever it is written, so `plan show F --library D` is fine.
    library, _ = plan_file
    result = cli(*(a.replace("{lib}", str(library)) for a in args))
    assert "Test library — 4 modules" in result.stdout


def test_quiet_keeps_the_data_and_drops_the_messages(
    cli: Cli, plan_file: tuple[Path, Path]
) -> None:
    # --quiet (before or after the command) silences summaries and notes, not the data.
    library, _ = plan_file
    new = ("plan", "new", "--no-input", "--participant", "P-0009", "--start", "2027-01-04",
           "--out", "-")  # fmt: skip
    loud = cli("--library", str(library), *new)
    assert "plan written to stdout" in loud.stderr
    for where in ("before", "after"):
        flags = ("--quiet", *new) if where == "before" else (*new, "-q")
        result = cli("--library", str(library), *flags)
        assert result.stderr == ""
        assert result.stdout == loud.stdout


def test_quiet_still_prints_errors(cli: Cli, tmp_path: Path) -> None:
    # An error is printed under --quiet too, with exit code 1.
    result = cli("plan", "show", str(tmp_path / "missing.toml"), "--quiet", exit_code=1)
    assert "error:" in result.stderr


def test_quiet_is_reset_for_the_next_command(cli: Cli, plan_file: tuple[Path, Path]) -> None:
    # One invocation's --quiet does not silence the next one (in the same process).
    library, plan = plan_file
    cli("--library", str(library), "plan", "check", str(plan), "--quiet")
    assert (
        "matches the library" in cli("--library", str(library), "plan", "check", str(plan)).stderr
    )


class _Terminal(io.StringIO):
    """A standard output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("lines", "pager", "paged_expected"),
    [
        pytest.param(40, True, True, id="long-output-is-paged"),
        pytest.param(3, True, False, id="one-screen-is-printed"),
        pytest.param(40, False, False, id="no-pager-prints"),
    ],
)
def test_long_output_on_a_terminal_goes_to_the_pager(
    monkeypatch: pytest.MonkeyPatch, lines: int, pager: bool, paged_expected: bool
) -> None:
    # On a terminal, output longer than the screen goes to the pager, unless --no-pager.
    screen = _Terminal()
    shown: list[str] = []
    monkeypatch.setattr("sys.stdout", screen)
    monkeypatch.setenv("LINES", "24")
    monkeypatch.setattr(paging, "_show_in_pager", shown.append)
    set_output(pager=pager)
    try:
        with paging.paged():
            for number in range(lines):
                stdout_console().print(f"line {number}")
    finally:
        set_output(pager=True)
    text = shown[0] if shown else screen.getvalue()
    assert bool(shown) is paged_expected
    assert f"line {lines - 1}" in text
    assert screen.getvalue() == ("" if paged_expected else text)


def test_piped_output_is_never_paged(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without a terminal the views print as they go; the pager is never started.
    monkeypatch.setattr(paging, "_show_in_pager", lambda _text: pytest.fail("paged"))
    with paging.paged():
        for number in range(100):
            stdout_console().print(f"line {number}")


def test_cancel_is_a_choice_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    # Choosing Cancel ends with exit code 0 and says nothing was saved, without "error:".
    import typer

    from hii_planner.cli._common import handle_errors
    from hii_planner.errors import CancelledByUser

    @handle_errors
    def cancelled() -> None:
        raise CancelledByUser("cancelled: nothing was saved")

    with pytest.raises(typer.Exit) as stopped:
        cancelled()
    assert stopped.value.exit_code == 0
    assert capsys.readouterr().err == "cancelled: nothing was saved\n"
