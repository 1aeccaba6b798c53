"""hii-planner: plan, print and track modular one-to-one interventions.

Everything the command line does is callable from Python, library first::

    from hii_planner import build_plan, load_library, request_from

The names below load their modules only when first used, so that importing
`hii_planner` (and `hii-planner --version`) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from hii_planner.errors import (
        AnswersFileError as AnswersFileError,
    )
    from hii_planner.errors import (
        DeliveryError as DeliveryError,
    )
    from hii_planner.errors import (
        FileAccessError as FileAccessError,
    )
    from hii_planner.errors import (
        HiiPlannerError as HiiPlannerError,
    )
    from hii_planner.errors import (
        LibraryError as LibraryError,
    )
    from hii_planner.errors import (
        MergeError as MergeError,
    )
    from hii_planner.errors import (
        OutputExistsError as OutputExistsError,
    )
    from hii_planner.errors import (
        PlanFileError as PlanFileError,
    )
    from hii_planner.errors import (
        PlanningError as PlanningError,
    )
    from hii_planner.errors import (
        Problem as Problem,
    )
    from hii_planner.errors import (
        ProblemsError as ProblemsError,
    )
    from hii_planner.errors import (
        RequestError as RequestError,
    )
    from hii_planner.errors import (
        StalePlanError as StalePlanError,
    )
    from hii_planner.errors import (
        UnresolvedConflictsError as UnresolvedConflictsError,
    )
    from hii_planner.export import render
    from hii_planner.handouts.report_output import (
        ReportOutput as ReportOutput,
    )
    from hii_planner.handouts.report_output import (
        prepare_report as prepare_report,
    )
    from hii_planner.handouts.report_output import (
        write_report as write_report,
    )
    from hii_planner.handouts.write import (
        HandoutsWritten as HandoutsWritten,
    )
    from hii_planner.handouts.write import (
        write_handouts as write_handouts,
    )
    from hii_planner.library.cache import (
        default_library_path as default_library_path,
    )
    from hii_planner.library.loader import (
        Library as Library,
    )
    from hii_planner.library.loader import (
        LibraryCheck as LibraryCheck,
    )
    from hii_planner.library.loader import (
        check_library as check_library,
    )
    from hii_planner.library.loader import (
        load_library as load_library,
    )
    from hii_planner.planning.answers import (
        read_answers as read_answers,
    )
    from hii_planner.planning.answers import (
        request_from as request_from,
    )
    from hii_planner.planning.explain import (
        Explanation as Explanation,
    )
    from hii_planner.planning.explain import (
        why as why,
    )
    from hii_planner.planning.plan_diff import (
        PlanDiff as PlanDiff,
    )
    from hii_planner.planning.plan_diff import (
        diff_plans as diff_plans,
    )
    from hii_planner.planning.planner import (
        PlanResult as PlanResult,
    )
    from hii_planner.planning.planner import (
        build_plan as build_plan,
    )
    from hii_planner.planning.replan import (
        Replan as Replan,
    )
    from hii_planner.planning.replan import (
        edited_request as edited_request,
    )
    from hii_planner.planning.replan import (
        plan_request as plan_request,
    )
    from hii_planner.planning.replan import (
        replan as replan,
    )
    from hii_planner.planning.replan import (
        save_replan as save_replan,
    )
    from hii_planner.planning.request import (
        ClosureRequest as ClosureRequest,
    )
    from hii_planner.planning.request import (
        PlanRequest as PlanRequest,
    )
    from hii_planner.planning.request import (
        ScheduleRequest as ScheduleRequest,
    )
    from hii_planner.plans.amend import (
        amend_in_file as amend_in_file,
    )
    from hii_planner.plans.amend import (
        amend_session as amend_session,
    )
    from hii_planner.plans.caseload import (
        CaseloadEntry as CaseloadEntry,
    )
    from hii_planner.plans.caseload import (
        caseload_json as caseload_json,
    )
    from hii_planner.plans.caseload import (
        read_caseload as read_caseload,
    )
    from hii_planner.plans.changes import (
        Applied as Applied,
    )
    from hii_planner.plans.changes import (
        Change as Change,
    )
    from hii_planner.plans.changes import (
        apply_in_file as apply_in_file,
    )
    from hii_planner.plans.check import (
        PlanCheck as PlanCheck,
    )
    from hii_planner.plans.check import (
        check_plan as check_plan,
    )
    from hii_planner.plans.check import (
        library_drift as library_drift,
    )
    from hii_planner.plans.check import (
        library_mismatch as library_mismatch,
    )
    from hii_planner.plans.closures import (
        add_closure as add_closure,
    )
    from hii_planner.plans.delivery import (
        record_in_file as record_in_file,
    )
    from hii_planner.plans.delivery import (
        record_session as record_session,
    )
    from hii_planner.plans.merge import (
        MergeResult as MergeResult,
    )
    from hii_planner.plans.merge import (
        merge_plans as merge_plans,
    )
    from hii_planner.plans.models import (
        HistoryEntry as HistoryEntry,
    )
    from hii_planner.plans.models import (
        Plan as Plan,
    )
    from hii_planner.plans.models import (
        PlannedModule as PlannedModule,
    )
    from hii_planner.plans.models import (
        PlannedSession as PlannedSession,
    )
    from hii_planner.plans.planfile import (
        dumps_plan as dumps_plan,
    )
    from hii_planner.plans.planfile import (
        plan_as_json as plan_as_json,
    )
    from hii_planner.plans.planfile import (
        read_plan as read_plan,
    )
    from hii_planner.plans.planfile import (
        save_new_plan as save_new_plan,
    )
    from hii_planner.plans.planfile import (
        update_plan as update_plan,
    )
    from hii_planner.plans.planfile import (
        write_plan as write_plan,
    )
    from hii_planner.plans.progress import (
        Progress as Progress,
    )
    from hii_planner.plans.progress import (
        plan_progress as plan_progress,
    )
    from hii_planner.plans.reasons import (
        Reason as Reason,
    )
    from hii_planner.plans.rescheduling import (
        reschedule_in_file as reschedule_in_file,
    )
    from hii_planner.plans.rescheduling import (
        reschedule_overdue as reschedule_overdue,
    )
    from hii_planner.plans.rescheduling import (
        reschedule_session as reschedule_session,
    )
    from hii_planner.plans.resolve import (
        resolve_conflict as resolve_conflict,
    )
    from hii_planner.plans.status import (
        change_status as change_status,
    )
    from hii_planner.schemas import (
        json_schema as json_schema,
    )

    export_plan = render

_HOMES: dict[str, str] = {
    "HiiPlannerError": "hii_planner.errors",
    "AnswersFileError": "hii_planner.errors",
    "DeliveryError": "hii_planner.errors",
    "FileAccessError": "hii_planner.errors",
    "LibraryError": "hii_planner.errors",
    "MergeError": "hii_planner.errors",
    "OutputExistsError": "hii_planner.errors",
    "PlanFileError": "hii_planner.errors",
    "PlanningError": "hii_planner.errors",
    "Problem": "hii_planner.errors",
    "ProblemsError": "hii_planner.errors",
    "RequestError": "hii_planner.errors",
    "StalePlanError": "hii_planner.errors",
    "UnresolvedConflictsError": "hii_planner.errors",
    "default_library_path": "hii_planner.library.cache",
    "Library": "hii_planner.library.loader",
    "LibraryCheck": "hii_planner.library.loader",
    "check_library": "hii_planner.library.loader",
    "load_library": "hii_planner.library.loader",
    "read_answers": "hii_planner.planning.answers",
    "request_from": "hii_planner.planning.answers",
    "Explanation": "hii_planner.planning.explain",
    "why": "hii_planner.planning.explain",
    "PlanDiff": "hii_planner.planning.plan_diff",
    "diff_plans": "hii_planner.planning.plan_diff",
    "PlanResult": "hii_planner.planning.planner",
    "build_plan": "hii_planner.planning.planner",
    "Replan": "hii_planner.planning.replan",
    "edited_request": "hii_planner.planning.replan",
    "plan_request": "hii_planner.planning.replan",
    "replan": "hii_planner.planning.replan",
    "save_replan": "hii_planner.planning.replan",
    "PlanRequest": "hii_planner.planning.request",
    "ScheduleRequest": "hii_planner.planning.request",
    "ClosureRequest": "hii_planner.planning.request",
    "CaseloadEntry": "hii_planner.plans.caseload",
    "read_caseload": "hii_planner.plans.caseload",
    "caseload_json": "hii_planner.plans.caseload",
    "PlanCheck": "hii_planner.plans.check",
    "check_plan": "hii_planner.plans.check",
    "library_drift": "hii_planner.plans.check",
    "library_mismatch": "hii_planner.plans.check",
    "amend_in_file": "hii_planner.plans.amend",
    "amend_session": "hii_planner.plans.amend",
    "Applied": "hii_planner.plans.changes",
    "Change": "hii_planner.plans.changes",
    "apply_in_file": "hii_planner.plans.changes",
    "add_closure": "hii_planner.plans.closures",
    "reschedule_overdue": "hii_planner.plans.rescheduling",
    "change_status": "hii_planner.plans.status",
    "record_in_file": "hii_planner.plans.delivery",
    "record_session": "hii_planner.plans.delivery",
    "reschedule_in_file": "hii_planner.plans.rescheduling",
    "reschedule_session": "hii_planner.plans.rescheduling",
    "Plan": "hii_planner.plans.models",
    "PlannedModule": "hii_planner.plans.models",
    "PlannedSession": "hii_planner.plans.models",
    "HistoryEntry": "hii_planner.plans.models",
    "dumps_plan": "hii_planner.plans.planfile",
    "plan_as_json": "hii_planner.plans.planfile",
    "read_plan": "hii_planner.plans.planfile",
    "save_new_plan": "hii_planner.plans.planfile",
    "update_plan": "hii_planner.plans.planfile",
    "write_plan": "hii_planner.plans.planfile",
    "Progress": "hii_planner.plans.progress",
    "plan_progress": "hii_planner.plans.progress",
    "Reason": "hii_planner.plans.reasons",
    "ReportOutput": "hii_planner.handouts.report_output",
    "prepare_report": "hii_planner.handouts.report_output",
    "write_report": "hii_planner.handouts.report_output",
    "HandoutsWritten": "hii_planner.handouts.write",
    "write_handouts": "hii_planner.handouts.write",
    "MergeResult": "hii_planner.plans.merge",
    "merge_plans": "hii_planner.plans.merge",
    "resolve_conflict": "hii_planner.plans.resolve",
    "json_schema": "hii_planner.schemas",
}
_EXTRA = {"export_plan": ("hii_planner.export", "render")}

__all__ = sorted([*_HOMES, *_EXTRA, "__version__"])


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
    elif name in _EXTRA:
        module, attribute = _EXTRA[name]
        value = getattr(import_module(module), attribute)
    else:
        raise AttributeError(f"module 'hii_planner' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, for completion in editors and the REPL."""
    return __all__
