"""Check a plan request against a library, listing every unknown or impossible answer."""

from __future__ import annotations

from hii_planner.errors import RequestError
from hii_planner.library.loader import Library
from hii_planner.planning.request import PlanRequest
from hii_planner.suggest import unknown


def request_problems(library: Library, request: PlanRequest) -> list[str]:
    """Every problem with *request*, as messages naming the flag or answer concerned."""
    problems: list[str] = []
    if request.participant is None:
        problems.append(
            "missing answer: participant, a pseudonymous reference (--participant P-0042)"
        )
    for need in request.needs:
        if need not in library.needs:
            problems.append(f"--need: {unknown('need', need, library.needs)}")
    for flag, ids in (("--module", request.modules), ("--exclude", request.exclude)):
        for module_id in ids:
            if module_id not in library.modules:
                problems.append(f"{flag}: {unknown('module', module_id, library.modules)}")
    review = library.info.review
    if review is not None and review.module in request.modules:
        problems.append(
            f"--module: {review.module} is the review module: reviews are placed by the "
            "library's [review] rule, not chosen by hand"
        )
    for module_id in sorted(set(request.modules) & set(request.exclude)):
        problems.append(f"--module and --exclude: {module_id} is both chosen and excluded")
    for ref in request.skip_sessions:
        module_id, session_id = ref.split("/", 1)
        module = library.modules.get(module_id)
        if module is None:
            problems.append(f"--skip-session: {unknown('module', module_id, library.modules)}")
            continue
        session = module.session(session_id)
        if session is None:
            choices = [s.id for s in module.sessions]
            problems.append(
                f"--skip-session: {unknown(f'session of {module_id}', session_id, choices)}"
            )
        elif not session.optional:
            problems.append(
                f"--skip-session: {ref} is not optional, so it cannot be skipped "
                f"(optional sessions of {module_id}: "
                f"{', '.join(s.id for s in module.sessions if s.optional) or 'none'})"
            )
    tracks = [t.id for t in library.info.tracks]
    if request.twin_track is not None and request.twin_track not in tracks:
        problems.append(f"--twin-track: {unknown('track', request.twin_track, tracks)}")
    questions = [q.id for q in library.info.screening]
    for question in request.screening:
        if question not in questions:
            problems.append(f"screening: {unknown('screening question', question, questions)}")
    return problems


def check_request(library: Library, request: PlanRequest) -> None:
    """Raise `RequestError` listing every problem with *request*, if there are any."""
    problems = request_problems(library, request)
    if problems:
        raise RequestError(
            problems,
            hint="give answers as flags or in an answers file (--answers FILE); "
            "`hii-planner library info` lists needs, tracks and screening questions",
        )
