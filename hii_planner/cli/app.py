"""The `hii-planner` Typer app: registers the command groups and global options, nothing more."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from hii_planner import __version__
from hii_planner.cli._common import State
from hii_planner.cli.global_options import GlobalOptionsGroup
from hii_planner.ui.console import set_output

# Exit codes (contract): a value the command cannot use (a bad date, an unknown
# choice, a number out of range) is a problem with the user's request, exit 1;
# only a malformed command line (unknown option, missing argument) is a usage
# error, exit 2. Click gives both 2, so bad values are told apart here.
typer.BadParameter.exit_code = 1
for _missing in typer.BadParameter.__subclasses__():
    _missing.exit_code = 2

app = typer.Typer(
    name="hii-planner",
    cls=GlobalOptionsGroup,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals may hold participants' data
    rich_markup_mode=None,  # plain help: typer's rich help imports Markdown and Pygments
    context_settings={"help_option_names": ["-h", "--help"]},
)
# The commands (library, plan, handouts, team) are named in global_options.ROOT_COMMANDS and
# built on first use, so a command imports only what it runs.


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"hii-planner {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    library: Annotated[
        Path | None,
        typer.Option(
            "--library",
            metavar="DIR",
            envvar="HII_PLANNER_LIBRARY",
            help="Module library folder [default: the library shipped with hii-planner].",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only errors on stderr.")
    ] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never page long output.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Plan, print and track modular one-to-one interventions.

    --library, --quiet and --no-pager may also come after the command.

    Exit codes: 0 success, 1 a problem with your data or request, 2 usage error,
    130 interrupted.
    """
    set_output(quiet=quiet, pager=not no_pager)
    ctx.obj = State(library_path=library)


PROG_NAME = "hii-planner"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def main() -> None:
    """Console-script entry point."""
    if _completion_script(sys.argv[1:]):
        return
    app(prog_name=PROG_NAME)


def _completion_script(args: list[str]) -> bool:
    """`--show-completion [SHELL]` and `--install-completion [SHELL]`; True when handled.

    Typer's options take the shell they find running hii-planner and ignore a name
    after them, so `--show-completion fish` typed in bash gave bash's script, and a
    Dockerfile (no shell to find) got "Shell  not supported". Here a shell named is
    the one used, and one that cannot be found or completed is said in words.
    """
    if not 1 <= len(args) <= 2 or args[0] not in ("--show-completion", "--install-completion"):
        return False
    if len(args) == 2 and args[1].startswith("-"):
        return False  # another option after it: typer's own handling
    # typer's own shell finder, script writer and installer (typer is pinned in
    # pyproject; tests check every shell's script).
    from typer._completion_shared import _get_shell_name, get_completion_script, install

    option = args[0]
    shell = args[1] if len(args) == 2 else _get_shell_name()
    shells = f"{', '.join(SHELLS[:-1])} or {SHELLS[-1]}"
    if shell not in SHELLS:
        found = "cannot tell which shell runs it" if shell is None else f"does not complete {shell}"
        sys.stderr.write(f"error: hii-planner {found}; name one: {option} {shells}\n")
        raise SystemExit(2)
    complete_var = "_{}_COMPLETE".format(PROG_NAME.replace("-", "_").upper())
    if option == "--show-completion":
        script = get_completion_script(prog_name=PROG_NAME, complete_var=complete_var, shell=shell)
        sys.stdout.write(script + "\n")
        return True
    shell, path = install(shell=shell, prog_name=PROG_NAME, complete_var=complete_var)
    sys.stdout.write(f"{shell} completion installed in {path}\n")
    sys.stdout.write("Completion will take effect once you restart the terminal\n")
    return True
