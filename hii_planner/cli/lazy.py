"""Commands built on first use: a command's module is imported only when that command runs.

Typer builds a Click command for every function it knows, and each command group imports
the modules behind it; doing that for all of hii-planner's commands took about a third of
a quick command's start-up. A group whose commands are `LazyCommands` knows them by name
and where they live, and builds only the one asked for; help and completion, which list
them all, build them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from importlib import import_module
from typing import Any

import typer
from typer import _click as click
from typer.core import TyperGroup
from typer.main import get_command, get_group

Prepare = Callable[[click.Command, str], None]


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's commands: names known at once, each command built when first looked up.

    *homes* maps a command's name to ``"module:attribute"``: a Typer app (a group), a
    Click command, or a Typer command function. *prepare* is called with each command
    and its words (``"plan show"``) once it is built.
    """

    def __init__(
        self,
        homes: Mapping[str, str],
        *,
        path: str = "",
        prepare: Prepare | None = None,
        built: Mapping[str, click.Command] | None = None,
    ) -> None:
        self._homes = dict(homes)
        self._built: dict[str, click.Command] = dict(built or {})
        self._path = path
        self._prepare = prepare

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._built:
            if name not in self._homes:
                raise KeyError(name)
            command = _build(name, self._homes[name])
            if self._prepare is not None:
                self._prepare(command, f"{self._path} {name}".strip())
            self._built[name] = command
        return self._built[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self._homes.pop(name, None)
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        yield from self._built
        yield from (name for name in self._homes if name not in self._built)

    def __len__(self) -> int:
        return len(self._built.keys() | self._homes.keys())

    def __contains__(self, name: object) -> bool:
        return name in self._built or name in self._homes


def _build(name: str, home: str) -> click.Command:
    module, _, attribute = home.partition(":")
    found: Any = getattr(import_module(module), attribute)
    command: click.Command
    if isinstance(found, typer.Typer):
        command = get_group(found)  # a group even when it holds one command
    elif isinstance(found, click.Command):
        command = found
    else:
        single = typer.Typer(add_completion=False, rich_markup_mode=None)
        single.command(name)(found)
        command = get_command(single)
    command.name = name
    return command


def lazy_group(name: str, help: str, homes: Mapping[str, str], prepare: Prepare) -> TyperGroup:
    """A command group (``hii-planner NAME ...``) whose commands are built on first use."""
    group = TyperGroup(name=name, help=help, no_args_is_help=True, rich_markup_mode=None)
    group.commands = LazyCommands(homes, path=name, prepare=prepare)
    return group
