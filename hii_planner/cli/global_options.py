"""Options every command accepts, before or after its name: --library, --quiet, --no-pager."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer import _click as click
from typer.core import TyperGroup, TyperOption

from hii_planner.cli.lazy import LazyCommands
from hii_planner.ui.console import set_output


def _set_library(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is None:
        return
    from hii_planner.cli.completion import LIBRARY_META

    ctx.meta[LIBRARY_META] = value  # for completion, which runs no callbacks of the root
    found = ctx.find_root().obj
    if found is not None and hasattr(found, "library_path"):
        found.library_path = Path(value)


def _set_quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        set_output(quiet=True)


def _set_no_pager(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        set_output(pager=False)


def command_options() -> list[TyperOption]:
    """The global options as a command's own (they set this invocation's state)."""
    return [
        TyperOption(
            param_decls=["--library"],
            metavar="DIR",
            expose_value=False,
            callback=_set_library,
            help="Module library folder (as before the command).",
        ),
        TyperOption(
            param_decls=["--quiet", "-q"],
            is_flag=True,
            expose_value=False,
            callback=_set_quiet,
            help="Print only errors on stderr.",
        ),
        TyperOption(
            param_decls=["--no-pager"],
            is_flag=True,
            expose_value=False,
            callback=_set_no_pager,
            help="Never page long output.",
        ),
    ]


def _plain_help(command: click.Command, path: str) -> None:
    """Examples at the end of the help; values named in words; choices between words."""
    from hii_planner.cli.examples import (
        choices_sentence,
        epilog,
        flowing,
        plain_metavar,
        plain_type,
    )

    command.epilog = command.epilog or epilog(path)
    if command.help:
        command.help = flowing(command.help)
    for param in command.params:
        metavar = plain_metavar(param)
        if metavar is None:
            continue
        sentence = choices_sentence(param)
        if sentence and getattr(param, "help", None):
            param.help = f"{param.help} {sentence}"  # type: ignore[attr-defined]
        param.metavar = metavar
        param.type = plain_type(param.type)


def prepare_command(command: click.Command, path: str = "") -> None:
    """Give *command* (and every command below it) the global options and plain-words help."""
    if isinstance(command, TyperGroup):
        if not isinstance(command.commands, LazyCommands):  # lazy ones are prepared as built
            for name, sub in command.commands.items():
                prepare_command(sub, f"{path} {name}".strip())
        return
    taken = {name for param in command.params for name in param.opts}
    command.params.extend(o for o in command_options() if not taken & set(o.opts))
    _plain_help(command, path)


# Where each command group lives: imported only when the command runs or help lists it.
ROOT_COMMANDS = {
    "library": "hii_planner.cli.library_cmd:app",
    "plan": "hii_planner.cli.plan_cmd:group",
    "handouts": "hii_planner.cli.handouts_cmd:handouts",
    "team": "hii_planner.cli.team_cmd:app",
}


class GlobalOptionsGroup(TyperGroup):
    """The root group: its commands are built on first use and take the global options."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(ROOT_COMMANDS, prepare=prepare_command, built=self.commands)
