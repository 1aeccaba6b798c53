"""Rich renderings of a library for the terminal (tables, trees, check reports)."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from hii_planner.library.loader import Library, LibraryCheck
from hii_planner.library.models import Module, Session
from hii_planner.ui.console import stderr_console, stdout_console
from hii_planner.ui.notices import notice
from hii_planner.wording import plural


def session_extras(session: Session) -> Text:
    """Needs of the session (when its own) and what its handout adds, as dim lines."""
    lines = []
    if session.addresses is not None:
        lines.append("needs: " + (", ".join(session.addresses) or "none"))
    handout = session.handout
    if handout is not None:
        parts = ["homework"] if handout.homework else []
        if handout.discuss:
            parts.append(f"{len(handout.discuss)} to discuss")
        if handout.easy_read_reflection:
            parts.append("easy-read reflection")
        if parts:
            lines.append("handout: " + ", ".join(parts))
    return Text("".join(f"\n{line}" for line in lines), style="dim")


def _requirements(module: Module) -> str:
    parts = list(module.requires)
    parts += ["one of: " + " | ".join(group) for group in module.requires_any]
    parts += [f"after {m}" for m in module.after]
    return "\n".join(parts)


def render_module(library: Library, module: Module) -> None:
    """One module in full: summary, sessions, prerequisite tree and dependents."""
    console = stdout_console()
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("id", module.id)
    facts.add_row("track", module.track)
    facts.add_row("placement", module.placement + (" (core: in every plan)" if module.core else ""))
    facts.add_row("addresses", ", ".join(module.addresses) or "—")
    if module.excludes:
        facts.add_row("excludes", ", ".join(module.excludes))
    console.print(Panel(Group(Text(module.summary), Text(), facts), title=Text(module.title)))

    sessions = Table(title="Sessions", title_justify="left")
    sessions.add_column("#", justify="right")
    sessions.add_column("session", overflow="fold")
    sessions.add_column("minutes", justify="right")
    sessions.add_column("objectives", overflow="fold")
    for index, session in enumerate(module.sessions, start=1):
        title = Text(session.title)
        if session.optional:
            title.append(" (optional)", style="dim")
        if session.kind == "review":
            title.append(" (progress review)", style="dim")
        title.append(f"\n{session.id}", style="dim")
        sessions.add_row(
            str(index),
            title + session_extras(session),
            str(session.minutes),
            "\n".join(f"• {o}" for o in session.objectives),
        )
    console.print(sessions)
    console.print(prerequisite_tree(library, module.id))
    dependents = library.dependents[module.id]
    if dependents:
        console.print(Text("Builds on it: ", style="bold") + Text(", ".join(dependents)))
    else:
        console.print(Text("No module builds on it.", style="dim"))


_SEE_ABOVE = Text(" …see above", style="dim")


def _bold(name: str, rest: str = "") -> Text:
    return Text(name, style="bold") + Text(rest)


def prerequisite_tree(library: Library, module_id: str) -> Tree:
    """What *module_id* needs first, recursively; repeated branches are shown once."""
    tree = Tree(_bold(module_id, " needs first:"))
    shown: set[str] = set()

    def grow(branch: Tree, current: str) -> None:
        module = library.modules[current]
        entries = [(m, "requires") for m in module.requires]
        entries += [(m, "one of " + " | ".join(g)) for g in module.requires_any for m in g[:1]]
        entries += [(m, "after, if planned") for m in module.after]
        for target, how in entries:
            label = Text(target) + Text(f" ({how})", style="dim")
            if target in shown:
                branch.add(label + _SEE_ABOVE)
                continue
            shown.add(target)
            grow(branch.add(label), target)

    grow(tree, module_id)
    if not tree.children:
        tree.label = _bold(module_id, " has no prerequisites")
    return tree


def render_graph_tree(library: Library, module_id: str | None) -> None:
    """The library as a forest from modules without prerequisites to what builds on them."""
    console = stdout_console()
    if module_id is not None:
        console.print(prerequisite_tree(library, module_id))
        dependents = Tree(_bold(module_id, " is built on by:"))
        _grow_dependents(library, dependents, module_id, set())
        console.print(dependents if dependents.children else f"Nothing builds on {module_id}.")
        return
    forest = Tree(_bold(library.info.name))
    shown: set[str] = set()
    for module in library.modules.values():
        if not module.prerequisites():
            shown.add(module.id)
            _grow_dependents(library, forest.add(_bold(module.id)), module.id, shown)
    console.print(forest)


def _grow_dependents(library: Library, branch: Tree, module_id: str, shown: set[str]) -> None:
    for dependent in library.dependents[module_id]:
        if dependent in shown:
            branch.add(Text(dependent) + _SEE_ABOVE)
            continue
        shown.add(dependent)
        _grow_dependents(library, branch.add(dependent), dependent, shown)


def render_check(result: LibraryCheck) -> None:
    """Every error and warning, then a one-line verdict."""
    console = stderr_console()
    for problem in result.errors:
        stderr_console(errors=True).print(Text("error: ", style="bold red") + Text(str(problem)))
    for problem in result.warnings:
        notice(console, "warning", str(problem))
    if result.library is not None:
        library = result.library
        sessions = sum(len(m.sessions) for m in library.modules.values())
        console.print(
            Text("✓ ", style="bold green")
            + Text(
                f"{library.info.name} {library.info.version}: "
                f"{plural(len(library.modules), 'module')}, {plural(sessions, 'session')}, "
                f"{plural(len(library.info.needs), 'need')}; "
                + plural(len(result.warnings), "warning")
            )
        )
    else:
        count = len(result.errors)
        console.print(
            Text("✗ ", style="bold red")
            + Text(
                f"{plural(count, 'error')}, "
                f"{plural(len(result.warnings), 'warning')} in {result.path}"
            )
        )
