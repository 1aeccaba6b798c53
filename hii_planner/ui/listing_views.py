"""`library info` and `library list` as text, drawn from the cached JSON listings.

The listings (the `--json` shapes) hold everything these two tables show, and a
cache hit needs neither pydantic nor a parse of the library, so the text views
start as fast as the JSON ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from hii_planner.ui.console import stdout_console
from hii_planner.wording import hours

if TYPE_CHECKING:
    from rich.table import Table

Listing = Mapping[str, Any]


def render_info(info: Listing, modules: Sequence[Listing]) -> None:
    """The library's description, needs by dimension, tracks and screening questions."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table

    console = stdout_console()
    header = Text(f"{info['name']}  ", style="bold") + Text(
        f"version {info['version']}", style="dim"
    )
    body: list[Text | Table] = [header]
    if info.get("description"):
        body.append(Text(info["description"]))
    if info.get("notice"):
        body.append(Text(info["notice"], style="italic"))
    if info.get("marking"):
        body.append(Text(f"Marking: {info['marking']}", style="bold yellow"))
    body += clinical_facts(info)
    console.print(Panel(Group(*body), expand=False))

    needs = Table(title="Needs", title_justify="left", expand=False)
    needs.add_column("need")
    needs.add_column("dimension")
    needs.add_column("modules", justify="right")
    for need in info.get("needs", []):
        addressing = sum(1 for m in modules if need["id"] in m["addresses"])
        needs.add_row(
            Text(need["title"]) + Text(f"\n{need['id']}", style="dim"),
            Text(need.get("dimension") or ""),
            Text(str(addressing)),
        )
    console.print(needs)

    tracks = Table(title="Tracks", title_justify="left")
    tracks.add_column("track")
    tracks.add_column("modules", justify="right")
    for track in info.get("tracks", []):
        count = sum(1 for m in modules if m["track"] == track["id"])
        extra = (" · twin track" if track.get("twin") else "") + (
            f" · delivered by {track['provider']}" if track.get("provider") else ""
        )
        tracks.add_row(
            Text(track["title"]) + Text(f" ({track['id']}){extra}", style="dim"),
            Text(str(count)),
        )
    console.print(tracks)

    if info.get("screening"):
        screening = Table(title="Screening questions", title_justify="left")
        screening.add_column("id")
        screening.add_column("question")
        screening.add_column("caution if")
        screening.add_column("adds")
        for question in info["screening"]:
            adds = ", ".join(question.get("adds", []))
            if adds and question.get("first"):
                adds += " (first)"
            screening.add_row(
                Text(question["id"]),
                Text(question["question"]),
                Text("yes" if question["caution_if"] else "no"),
                Text(adds or "—"),
            )
        console.print(screening)


def clinical_facts(info: Listing) -> list[Text]:
    """The usual plan size and the review rule, for `library info`."""
    facts = []
    if size := info.get("sessions"):
        facts.append(Text(f"Usual size: {size['min']} to {size['max']} sessions"))
    if review := info.get("review"):
        final = ", and one before the last module" if review.get("final", True) else ""
        facts.append(
            Text(
                f"Progress reviews: {review['module']} after every "
                f"{review['every']} other sessions{final}"
            )
        )
    return facts


def render_list(info: Listing, modules: Sequence[Listing]) -> None:
    """All modules in library order: a table when wide, one or two lines each when not."""
    from hii_planner.ui.module_lines import WIDE, print_module_lines

    console = stdout_console()
    if console.width < WIDE:
        print_module_lines(console, info["name"], modules)
        return
    from rich.table import Table

    table = Table(title=f"{info['name']} — {len(modules)} modules", title_justify="left")
    table.add_column("module", no_wrap=True)
    table.add_column("track", no_wrap=True)
    table.add_column("sessions", justify="right", no_wrap=True)
    table.add_column("time", justify="right", no_wrap=True)
    wide = True
    table.add_column("needs addressed", overflow="fold")
    table.add_column("requires", overflow="fold")
    for module in modules:
        flags = " ".join(
            tag
            for tag, on in (
                ("core", module["core"]),
                ("first", module["placement"] == "first"),
                ("last", module["placement"] == "last"),
            )
            if on
        )
        sessions = module["sessions"]
        optional = sum(1 for s in sessions if s["optional"])
        count = f"{len(sessions)}" + (f" ({optional} opt.)" if optional else "")
        table.add_row(
            Text(module["id"], style="bold")
            + (Text(f" {flags}", style="cyan") if flags else Text())
            + Text(f"\n{module['title']}"),
            Text(module["track"]),
            Text(count),
            Text(hours(sum(s["minutes"] for s in sessions))),
            Text("\n".join(module["addresses"]) if wide else str(len(module["addresses"]))),
            Text(_requirements(module)),
        )
    console.print(table)


def _requirements(module: Listing) -> str:
    parts = list(module["requires"])
    parts += ["one of: " + " | ".join(group) for group in module["requires_any"]]
    parts += [f"after {m}" for m in module["after"]]
    return "\n".join(parts)
