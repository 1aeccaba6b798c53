"""Check a plan against a library: missing modules and sessions, and library drift."""

from __future__ import annotations

from dataclasses import dataclass

from hii_planner.library.loader import Library
from hii_planner.plans.coverage import clinical_warnings
from hii_planner.plans.library_record import records_only_used_files
from hii_planner.plans.models import Plan


@dataclass(frozen=True)
class PlanCheck:
    """Errors (the plan cannot be delivered from this library) and warnings (drift)."""

    errors: list[str]
    warnings: list[str]

    @property
    def ok(self) -> bool:
        """True when every planned module and session exists in the library."""
        return not self.errors


def library_mismatch(plan: Plan, library: Library) -> str | None:
    """How the plan's library differs from *library* by name (another library), or None.

    Worded to follow "the plan was" or a file name: "made with the library 'A', not 'B'".
    """
    if plan.library.name == library.info.name:
        return None
    return f"made with the library {plan.library.name!r}, not {library.info.name!r}"


def library_drift(plan: Plan, library: Library) -> list[str]:
    """What changed in the library since the plan was made, file by file."""
    if plan.library.digest == library.digest:
        return []
    before, after = plan.library.files, library.file_digests
    changed = sorted(name for name in before.keys() & after.keys() if before[name] != after[name])
    removed = sorted(before.keys() - after.keys())
    unrecorded = sorted(after.keys() - before.keys())
    # A plan from a large library records only the files it uses (see library_record):
    # the files it did not record are then not "added", only not used by it.
    used_only = bool(before) and records_only_used_files(before, (m.id for m in plan.modules))
    added = [] if used_only else unrecorded
    parts = [
        f"{label}: {', '.join(names)}"
        for label, names in (("changed", changed), ("removed", removed), ("added", added))
        if names
    ]
    if used_only and unrecorded and not parts:
        parts.append("only files this plan does not use")
    detail = "; ".join(parts) if parts else "file details were not recorded"
    return [
        f"the library changed since this plan was made ({plan.library.version} then, "
        f"{library.info.version} now; {detail})"
    ]


def check_plan(plan: Plan, library: Library) -> PlanCheck:
    """Compare *plan* with *library*."""
    errors: list[str] = []
    for module in plan.modules:
        if module.id not in library.modules:
            errors.append(f"module {module.id} is not in the library any more")
    for session in plan.sessions:
        found = library.modules.get(session.module)
        if found is not None and found.session(session.session) is None:
            errors.append(
                f"session {session.number} ({session.module}/{session.session}) "
                "is not in the library any more"
            )
    warnings = library_drift(plan, library)
    warnings += clinical_warnings(plan, library)
    if (mismatch := library_mismatch(plan, library)) is not None:
        warnings.insert(0, f"the plan was {mismatch}")
    return PlanCheck(errors=errors, warnings=warnings)
