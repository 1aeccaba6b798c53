"""Prerequisite graphs of a library as edges, Graphviz dot and Mermaid text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from hii_planner.library.loader import Library

EdgeKind = Literal["requires", "requires_any", "after"]


@dataclass(frozen=True)
class Edge:
    """*earlier* comes before *later*, for the reason *kind*."""

    earlier: str
    later: str
    kind: EdgeKind


def edges(library: Library) -> Iterator[Edge]:
    """Every ordering edge of the library, in library order."""
    for module in library.modules.values():
        for target in module.requires:
            yield Edge(target, module.id, "requires")
        for group in module.requires_any:
            for target in group:
                yield Edge(target, module.id, "requires_any")
        for target in module.after:
            yield Edge(target, module.id, "after")


def neighbourhood(library: Library, module_id: str) -> set[str]:
    """*module_id*, everything it needs (transitively) and everything that builds on it."""
    seen = {module_id}
    directions: list[Callable[[str], list[str]]] = [
        lambda m: library.modules[m].prerequisites(),
        lambda m: library.dependents[m],
    ]
    for step in directions:
        pending = [module_id]
        while pending:
            for other in step(pending.pop()):
                if other not in seen:
                    seen.add(other)
                    pending.append(other)
    return seen


def _selected(library: Library, module_id: str | None) -> tuple[list[str], list[Edge]]:
    keep = neighbourhood(library, module_id) if module_id else set(library.modules)
    nodes = [m for m in library.modules if m in keep]
    return nodes, [e for e in edges(library) if e.earlier in keep and e.later in keep]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_DOT_STYLE = {"requires": "solid", "requires_any": "dashed", "after": "dotted"}


def to_dot(library: Library, module_id: str | None = None) -> str:
    """A Graphviz digraph: arrows point from a prerequisite to the module that follows it."""
    nodes, selected = _selected(library, module_id)
    lines = ["digraph modules {", "  rankdir=LR;", "  node [shape=box];"]
    for node in nodes:
        # Ids are slugs, so only the title needs escaping; "\\n" is dot's line break.
        label = _quote(library.modules[node].title)[:-1] + f'\\n({node})"'
        lines.append(f"  {_quote(node)} [label={label}];")
    for edge in selected:
        lines.append(
            f"  {_quote(edge.earlier)} -> {_quote(edge.later)} "
            f"[style={_DOT_STYLE[edge.kind]}, label={_quote(edge.kind)}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


_MERMAID_ARROW = {"requires": "-->", "requires_any": "-.->", "after": "==>"}


def _mermaid_label(text: str) -> str:
    return text.replace('"', "#quot;")


def to_mermaid(library: Library, module_id: str | None = None) -> str:
    """A Mermaid flowchart: solid requires, dashed requires_any, thick after."""
    nodes, selected = _selected(library, module_id)
    lines = ["flowchart LR"]
    for node in nodes:
        lines.append(f'  {node}["{_mermaid_label(library.modules[node].title)}"]')
    for edge in selected:
        lines.append(f"  {edge.earlier} {_MERMAID_ARROW[edge.kind]}|{edge.kind}| {edge.later}")
    return "\n".join(lines) + "\n"
