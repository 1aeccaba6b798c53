"""Why a library module is not in a plan, and what would bring it in (`plan why FILE MODULE`)."""

from __future__ import annotations

from dataclasses import dataclass

from hii_planner.library.loader import Library
from hii_planner.plans.models import Plan


@dataclass(frozen=True)
class NotPlanned:
    """A module of the library that the plan leaves out: the reasons, and the ways in."""

    module: str
    title: str
    reasons: list[str]
    ways_in: list[str]


def why_not(plan: Plan, library: Library, module_id: str) -> NotPlanned:
    """Why *module_id* (a module of *library*, not in *plan*) is not planned."""
    module = library.module(module_id)  # an unknown id is an error with suggestions
    planned = {m.id for m in plan.modules}
    request = plan.request
    reasons: list[str] = []
    ways_in: list[str] = []
    if module_id in request.exclude:
        reasons.append("it was excluded when the plan was made")
        ways_in.append("plan it without excluding it (`--exclude` left out, or untick it)")
    clashes = sorted(
        m
        for m in planned
        if m in module.excludes or module_id in library.modules[m].excludes
        if m in library.modules
    )
    if clashes:
        reasons.append(f"it cannot be in the same plan as {', '.join(clashes)}")
        ways_in.append(f"leave out {', '.join(clashes)} first")
    assessed = [n for n in module.addresses if n in plan.participant.needs]
    if assessed:
        reasons.append(
            f"it addresses the assessed need {', '.join(assessed)}, "
            "but another module was recommended for it"
        )
    elif module.addresses:
        reasons.append(
            f"it addresses {', '.join(module.addresses)}, which "
            + ("was" if len(module.addresses) == 1 else "were")
            + " not assessed"
        )
        ways_in += [f"assess the need {need} (`--need {need}`)" for need in module.addresses]
    else:
        reasons.append("it addresses no need, so only choosing it brings it in")
    if not any(module_id in library.modules[m].requires for m in planned if m in library.modules):
        reasons.append("no planned module requires it")
    ways_in.append(f"choose it (`--module {module_id}`, or tick it in `plan edit`)")
    return NotPlanned(module=module_id, title=module.title, reasons=reasons, ways_in=ways_in)
