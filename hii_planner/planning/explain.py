"""Explain why a module is in a plan: every path from a choice or a need down to it."""

from __future__ import annotations

from dataclasses import dataclass

from hii_planner.errors import RequestError
from hii_planner.plans.models import Plan
from hii_planner.plans.reasons import Reason
from hii_planner.suggest import unknown

MAX_PATHS = 20


@dataclass(frozen=True)
class Explanation:
    """The chains that put a module in a plan, plus remarks such as alternatives."""

    module: str
    paths: list[list[str]]
    remarks: list[str]


def _root(reason: Reason) -> str | None:
    """How a chain that starts with *reason* is headed, or None when it does not start one."""
    match reason.kind:
        case "core":
            return "core module (in every plan)"
        case "chosen":
            return "chosen by the facilitator"
        case "need":
            return f"assessed need {reason.target}"
        case "screening":
            return f"screening answer {reason.target}"
        case "review":
            return "progress reviews (the library's [review] rule)"
        case _:
            return None


def why(plan: Plan, module_id: str) -> Explanation:
    """Every chain from a root reason to *module_id*, shortest first."""
    reasons = {m.id: m.reasons for m in plan.modules}
    if module_id not in reasons:
        excluded = module_id in plan.request.exclude
        message = (
            f"{module_id} is not in this plan: it was excluded"
            if excluded
            else unknown("module in this plan", module_id, reasons)
        )
        raise RequestError([message])

    def paths_to(current: str, seen: frozenset[str]) -> list[list[str]]:
        found: list[list[str]] = []
        for reason in reasons.get(current, []):
            if (root := _root(reason)) is not None:
                found.append([root, current])
            elif (parent := reason.parent) is not None and parent not in seen:
                found += [[*p, current] for p in paths_to(parent, seen | {current})]
            if len(found) >= MAX_PATHS:
                break
        return found

    paths = sorted(paths_to(module_id, frozenset()), key=len)[:MAX_PATHS]
    remarks = [str(r) for r in reasons[module_id] if not r.is_root and r.parent is None]
    return Explanation(module=module_id, paths=paths, remarks=remarks)
