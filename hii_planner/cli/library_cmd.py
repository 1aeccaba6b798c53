"""`hii-planner library ...`: look at, check and describe a module library."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hii_planner.choices import GraphFormat, SchemaKind
from hii_planner.cli._common import EXIT_PROBLEM, emit_json, handle_errors, state
from hii_planner.cli.completion import complete_module

app = typer.Typer(
    help="Look at, check and describe the module library.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help, as the root app
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (stable, documented).")]


@app.command("info")
@handle_errors
def info(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Show the library's name, version, notice, needs, tracks and screening questions."""
    if as_json:
        from hii_planner.library.cache import listing

        emit_json(listing(state(ctx).library_dir(), "info"))
        return
    from hii_planner.library.cache import listings
    from hii_planner.ui.listing_views import render_info

    found = listings(state(ctx).library_dir())
    render_info(found["info"], found["modules"])


@app.command("list")
@handle_errors
def list_modules(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the modules with their track, sessions, needs and prerequisites."""
    if as_json:
        from hii_planner.library.cache import listing

        emit_json(listing(state(ctx).library_dir(), "modules"))
        return
    from hii_planner.library.cache import listings
    from hii_planner.ui.listing_views import render_list
    from hii_planner.ui.paging import paged

    found = listings(state(ctx).library_dir())
    with paged():
        render_list(found["info"], found["modules"])


@app.command("show")
@handle_errors
def show(
    ctx: typer.Context,
    module: Annotated[
        str,
        typer.Argument(
            metavar="MODULE",
            autocompletion=complete_module,
            help="Module id, e.g. identity-and-belonging.",
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Show one module in full: sessions, prerequisite tree and what builds on it."""
    library = state(ctx).library()
    found = library.module(module)
    if as_json:
        emit_json(found.model_dump(mode="json"))
        return
    from hii_planner.ui.library_views import render_module
    from hii_planner.ui.paging import paged

    with paged():
        render_module(library, found)


@app.command("check")
@handle_errors
def check(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="Library folder to check [default: the library in use].", show_default=False
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Validate a library and report every problem at once (exit 1 on errors)."""
    from hii_planner.library.loader import check_library

    result = check_library(directory or state(ctx).library_dir())
    if as_json:
        emit_json(
            {
                "ok": result.ok,
                "errors": [p.as_json() for p in result.errors],
                "warnings": [p.as_json() for p in result.warnings],
            }
        )
    else:
        from hii_planner.ui.library_views import render_check

        render_check(result)
    if not result.ok:
        raise typer.Exit(EXIT_PROBLEM)


@app.command("graph")
@handle_errors
def graph(
    ctx: typer.Context,
    module: Annotated[
        str | None,
        typer.Argument(
            metavar="MODULE",
            autocompletion=complete_module,
            help="Only this module, its prerequisites and dependents.",
        ),
    ] = None,
    output_format: Annotated[
        GraphFormat,
        typer.Option("--format", "-f", help="tree for the terminal, dot or mermaid for diagrams."),
    ] = "tree",
) -> None:
    """Draw how modules build on each other (requires, requires_any, after)."""
    from hii_planner.library import diagrams as library_graph

    library = state(ctx).library()
    if module is not None:
        library.module(module)  # unknown ids get suggestions
    if output_format == "tree":
        from hii_planner.ui.library_views import render_graph_tree

        render_graph_tree(library, module)
    elif output_format == "dot":
        typer.echo(library_graph.to_dot(library, module), nl=False)
    else:
        typer.echo(library_graph.to_mermaid(library, module), nl=False)


@app.command("schema")
@handle_errors
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file the schema describes.")] = "module",
) -> None:
    """Print the JSON Schema of module, library, plan or answers files (for editors)."""
    from hii_planner.schemas import json_schema

    emit_json(json_schema(kind))
