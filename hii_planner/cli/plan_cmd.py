"""`hii-planner plan ...`: build, inspect, export and track participants' plans."""

from __future__ import annotations

from hii_planner.cli.global_options import prepare_command
from hii_planner.cli.lazy import lazy_group

_HOMES = {
    "new": "hii_planner.cli.plan_new:new",
    "edit": "hii_planner.cli.plan_edit:edit",
    "show": "hii_planner.cli.plan_inspect:show",
    "check": "hii_planner.cli.plan_inspect:check",
    "why": "hii_planner.cli.plan_inspect:why",
    "export": "hii_planner.cli.plan_inspect:export",
    "record": "hii_planner.cli.plan_track:record",
    "reschedule": "hii_planner.cli.plan_track:reschedule",
    "amend": "hii_planner.cli.plan_correct:amend",
    "closure": "hii_planner.cli.plan_correct:closure",
    "status": "hii_planner.cli.plan_correct:status",
    "report": "hii_planner.cli.plan_track:report",
    "list": "hii_planner.cli.plan_track:list_plans",
    "merge": "hii_planner.cli.plan_team:merge",
    "resolve": "hii_planner.cli.plan_team:resolve",
}

group = lazy_group(
    "plan", "Build, inspect, export and track participants' plans.", _HOMES, prepare_command
)
