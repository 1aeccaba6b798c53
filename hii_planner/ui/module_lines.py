"""`library list` below 120 columns: one or two lines per module, ids never broken.

Works from the documented listing records (`library list --json`), so a cached
listing renders without loading the library.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from hii_planner.wording import hours, plural

Listing = Mapping[str, Any]

WIDE = 120  # from here on the full table fits; below it, the compact lines


def _tags(module: Listing) -> str:
    tags = ["core"] if module["core"] else []
    if module["placement"] in ("first", "last"):
        tags.append(module["placement"])
    return ", ".join(tags)


def _size(module: Listing) -> str:
    sessions = module["sessions"]
    optional = sum(1 for s in sessions if s["optional"])
    count = plural(len(sessions), "session") + (f" ({optional} optional)" if optional else "")
    return f"{count} · {hours(sum(s['minutes'] for s in sessions))}"


def prerequisites(module: Listing) -> list[str]:
    """What comes first, in words: "getting-started", "one of a | b", "after my-story"."""
    parts = list(module["requires"])
    parts += ["one of " + " | ".join(group) for group in module["requires_any"]]
    parts += [f"after {m}" for m in module["after"]]
    return parts


def _details(module: Listing, width: int) -> Text:
    """The second line: title, track, needs and, when they fit, the prerequisites."""
    needs = len(module["addresses"])
    base = f"{module['title']} · {module['track']}" + (
        f" · {plural(needs, 'need')}" if needs else ""
    )
    before = prerequisites(module)
    if not before:
        return Text(base)
    listed = f"{base} · requires {', '.join(before)}"
    if len(listed) <= width:
        return Text(listed)
    # Ids are never broken or cut: when they do not fit, the line counts them.
    return Text(f"{base} · {plural(len(before), 'prerequisite')}")


def print_module_lines(console: Console, title: str, modules: Sequence[Listing]) -> None:
    """Each module as its id (with core/first/last) and size, then its title and needs."""
    console.print(Text(f"{title} — {plural(len(modules), 'module')}", style="bold"))
    indent = 2
    for module in modules:
        label = Text(module["id"], style="bold", overflow="fold")
        tags = _tags(module)
        if tags:
            label += Text(f" {tags}", style="cyan")
        size = _size(module)
        gap = console.width - label.cell_len - len(size)
        if gap >= 1:
            console.print(label + " " * gap + Text(size, style="dim"))
        else:
            # Too narrow for both on one line: the size goes below, with the title.
            console.print(label)
            console.print(Padding(Text(size, style="dim"), (0, 0, 0, indent)))
        console.print(Padding(_details(module, console.width - indent), (0, 0, 0, indent)))
    console.print(Text("Prerequisites in full: hii-planner library show MODULE", style="dim"))
