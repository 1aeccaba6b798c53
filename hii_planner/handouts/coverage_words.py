"""Coverage by session in the words printed documents use."""

from __future__ import annotations

from hii_planner.plans.coverage import NeedCoverage
from hii_planner.plans.models import Plan


def sessions_by_module(item: NeedCoverage, plan: Plan, *, with_status: bool = False) -> str:
    """The sessions addressing a need, grouped by module: ``3, 4 (Identity); 6 (Faith)``."""
    titles = {m.id: m.title for m in plan.modules}
    groups: dict[str, list[str]] = {}
    for session in item.sessions:
        text = str(session.number)
        if with_status and session.status != "planned":
            text += f" {session.status}"
        groups.setdefault(session.module, []).append(text)
    return "; ".join(
        f"{', '.join(numbers)} ({titles.get(module, module)})" for module, numbers in groups.items()
    )
