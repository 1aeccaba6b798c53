"""Options every command accepts, before or after its name: --library, --quiet, --no-pager."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer import _click as click
from typer.core import TyperGroup, TyperOption

from hii_planner.ui.console import set_output


def _set_library(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
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


def _add_to_every_command(command: click.Command) -> None:
    if isinstance(command, TyperGroup):
        for sub in command.commands.values():
            _add_to_every_command(sub)
        return
    taken = {name for param in command.params for name in param.opts}
    command.params.extend(o for o in command_options() if not taken & set(o.opts))


class GlobalOptionsGroup(TyperGroup):
    """The root group: every command below it also takes the global options."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            _add_to_every_command(command)
