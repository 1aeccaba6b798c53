"""The plan as JSON: the plan file's content, dates as ISO 8601 strings."""

from __future__ import annotations

import json

from hii_planner.plans.models import Plan
from hii_planner.plans.planfile import plan_as_json


def render(plan: Plan) -> str:
    """Indented JSON with keys in plan-file order."""
    return json.dumps(plan_as_json(plan), indent=2, ensure_ascii=False) + "\n"
