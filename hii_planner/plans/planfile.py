"""Read and write plan files: TOML in a stable layout, checked on read, locked on update."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import tomli_w

from hii_planner.errors import (
    FileAccessError,
    PlanFileError,
    Problem,
    StalePlanError,
    UnresolvedConflictsError,
)
from hii_planner.files.atomic import through_links, write_atomic
from hii_planner.files.tomlsource import TomlDocument, not_a_file, read_toml
from hii_planner.files.validation import validate_document
from hii_planner.plans.events import remember_removed
from hii_planner.plans.limits import check_plan_size
from hii_planner.plans.models import HistoryEntry, Plan

LOCK_TIMEOUT_SECONDS = 10.0


def plan_lines(plan: Plan) -> Iterator[str]:
    """The plan file, line by line: plain keys, then tables, then one ``[[...]]`` per record.

    Every record is written as its own table (never inline), so that a plan
    reads well and diffs cleanly when someone opens it in an editor.
    """
    data = _with_toml_datetimes(_without_silent_additions(plan.model_dump(exclude_none=True)))
    plain = {k: v for k, v in data.items() if not isinstance(v, dict) and not _is_records(v)}
    yield tomli_w.dumps(plain)
    for key, value in data.items():
        if isinstance(value, dict):
            yield "\n" + tomli_w.dumps({key: value})
    for key, value in data.items():
        if _is_records(value):
            for record in value:
                flat = {k: v for k, v in record.items() if not isinstance(v, dict)}
                yield f"\n[[{key}]]\n" + tomli_w.dumps(flat)
                # A record's own tables (a history entry's ``before``, a conflict's
                # ``ours``) belong to it: ``[conflicts.ours]``, not a top-level ``[ours]``.
                for name, table in record.items():
                    if isinstance(table, dict):
                        yield f"\n[{key}.{name}]\n" + tomli_w.dumps(table)


# Keys added to format version 1 after its first release, with the value that says
# nothing: they are left out then, so plans that do not use them keep their bytes.
_ADDITIONS: dict[str, dict[str, Any]] = {
    "plan": {"status": "active", "conflicts": [], "removed": []},
    "schedule": {"closures": []},
    "session": {"kind": "session", "provider": "", "facilitators": [], "absence": ""},
}


def _drop(record: dict[str, Any], silent: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in silent or v != silent[k]}


def _without_silent_additions(data: dict[str, Any]) -> dict[str, Any]:
    data = _drop(data, _ADDITIONS["plan"])
    data["schedule"] = _drop(data["schedule"], _ADDITIONS["schedule"])
    data["sessions"] = [_drop(s, _ADDITIONS["session"]) for s in data["sessions"]]
    return data


class _UtcDatetime(dt.datetime):
    """A datetime that tomli-w writes as ``2026-11-22T10:00:00Z`` (it writes ``str(obj)``)."""

    def __str__(self) -> str:
        return self.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _with_toml_datetimes(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return _UtcDatetime.fromtimestamp(value.timestamp(), tz=dt.UTC)
    if isinstance(value, dict):
        return {k: _with_toml_datetimes(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_toml_datetimes(v) for v in value]
    return value


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def dumps_plan(plan: Plan) -> str:
    """The plan file's text."""
    return "".join(plan_lines(plan))


def read_plan(path: Path) -> Plan:
    """Read and check a plan file; a broken file is reported with lines, never modified."""
    _require_file(path)
    document = read_toml(path)
    if isinstance(document, Problem):
        raise PlanFileError(str(path), [document])
    return plan_from_document(document, path)


def plan_from_document(document: TomlDocument, path: Path) -> Plan:
    """Check an already parsed plan file (so a caller that parsed it need not parse again)."""
    if problems := _plan_format(document):
        raise PlanFileError(str(path), problems)
    result = validate_document(document, Plan)
    if isinstance(result, list):
        raise PlanFileError(str(path), result)
    if problems := consistency_problems(result, document):
        raise PlanFileError(str(path), problems)
    return result


def plan_from_bytes(raw: bytes, *, name: str) -> Plan:
    """Check a plan given as bytes (standard input), reported under *name* with lines."""
    from hii_planner.files.tomlsource import parse_toml
    from hii_planner.files.validation import validate_document

    document = parse_toml(raw, file=name)
    if isinstance(document, Problem):
        raise PlanFileError(name, [document])
    problems = _plan_format(document)
    result = problems or validate_document(document, Plan)
    if isinstance(result, list):
        raise PlanFileError(name, result)
    problems = consistency_problems(result, document)
    if problems:
        raise PlanFileError(name, problems)
    return result


def _plan_format(document: TomlDocument) -> list[Problem]:
    found = document.data.get("format")
    if found == "hii-plan":
        return []
    if isinstance(found, str):
        why = f'not a plan file (format is "{found}", a plan has format = "hii-plan")'
    else:
        why = 'not a plan file (format = "hii-plan" is missing)'
    return [document.problem(("format",), why)]


def _require_file(path: Path) -> None:
    reason = not_a_file(path)
    if reason is not None:
        raise FileAccessError(f"{path} {reason}", hint="give the path of a plan file (.toml)")


def consistency_problems(plan: Plan, document: TomlDocument) -> list[Problem]:
    """Problems a plan's fields can have together: numbering, modules of sessions."""
    problems = []
    modules = {m.id for m in plan.modules}
    for index, session in enumerate(plan.sessions):
        if session.number != index + 1:
            problems.append(
                document.problem(
                    ("sessions", index, "number"),
                    f"session numbers must run 1, 2, 3 … in order; found {session.number} "
                    f"where {index + 1} was expected",
                )
            )
        if session.module not in modules:
            problems.append(
                document.problem(
                    ("sessions", index, "module"),
                    f"module '{session.module}' is not in the plan's [[modules]]",
                )
            )
    return problems


def leading_comments(path: Path) -> str:
    """The comment lines (and blank lines between them) that open the file at *path*.

    A rewrite keeps them, so a ``#:schema ../docs/schema/plan.schema.json`` directive or
    a team's note at the top of a plan survives every change.
    """
    kept: list[str] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as stream:
        for line in stream:
            if not line.lstrip().startswith("#") and line.strip():
                break
            kept.append(line.rstrip("\r\n") + "\n")
    return "".join(kept)


def write_plan(path: Path, plan: Plan, *, replace: bool = False) -> None:
    """Write a new plan file atomically with mode 0600 (refusing to replace unless asked)."""
    write_atomic(path, check_plan_size(dumps_plan(plan), file=str(path)), replace=replace)


def save_new_plan(
    plan: Plan,
    out: Path | str | None = None,
    *,
    replace: bool = False,
    discard_records: bool = False,
) -> Path:
    """Write a new plan to *out* (a file, or a folder for ``REFERENCE.toml``; default here).

    A plan file with recorded sessions is replaced only with *discard_records*; the
    path written is returned.
    """
    from hii_planner.plans.outputs import write_new_plan

    return write_new_plan(
        None if out is None else str(out), plan, force=replace, discard_records=discard_records
    )


def update_plan(
    path: Path,
    change: Callable[[Plan], str | HistoryEntry],
    *,
    now: dt.datetime,
    expected_revision: int | None = None,
    settling_conflicts: bool = False,
) -> Plan:
    """Apply *change* to the plan at *path* under a lock and save it as the next revision.

    *change* edits the plan in place and returns a one-line summary for the history,
    or the whole history entry when it has more to say (why, what it replaced).
    With *expected_revision*, a plan that changed on disk since the caller read it
    is not overwritten (`StalePlanError`). A plan holding merge conflicts is only
    changed by the command that settles them (*settling_conflicts*), so that no
    command builds on a session whose record is undecided.
    """
    _require_file(path)  # no lock file beside a path that is not a plan
    with plan_lock(through_links(path)):  # one lock for every link to a plan
        plan = read_plan(path)
        if expected_revision is not None and plan.revision != expected_revision:
            raise StalePlanError(str(path), expected=expected_revision, found=plan.revision)
        if plan.conflicts and not settling_conflicts:
            raise UnresolvedConflictsError(str(path), [c.session for c in plan.conflicts])
        before = plan.model_copy(deep=True)
        summary = change(plan)
        remember_removed(before, plan, at=now)
        plan.revision += 1
        entry = (
            summary if isinstance(summary, HistoryEntry) else HistoryEntry(at=now, change=summary)
        )
        plan.history.append(entry)
        text = check_plan_size(leading_comments(path) + dumps_plan(plan), file=str(path))
        write_atomic(path, text, replace=True)
    return plan


def save_edited_plan(
    path: Path, plan: Plan, *, now: dt.datetime, summary: str, read_revision: int
) -> Plan:
    """Replace the plan at *path* with an edited *plan*, if nobody changed it meanwhile."""

    def replace_all(current: Plan) -> str:
        for name in Plan.model_fields:
            if name not in ("revision", "history"):
                setattr(current, name, getattr(plan, name))
        return summary

    return update_plan(path, replace_all, now=now, expected_revision=read_revision)


class plan_lock:
    """An exclusive lock on a plan while it is read, changed and written."""

    def __init__(self, path: Path) -> None:
        from filelock import FileLock

        self.path = path
        lock_file = path.parent / f".{path.name}.lock"
        self.lock = FileLock(lock_file, timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)

    def __enter__(self) -> None:
        from filelock import Timeout

        try:
            self.lock.acquire()
        except Timeout:
            raise FileAccessError(
                f"{self.path} is being changed by another command",
                hint="wait for it to finish and try again",
            ) from None
        except OSError as error:
            raise FileAccessError(
                f"cannot lock {self.path}: {(error.strerror or str(error)).lower()}",
                hint="check you may write to its folder; the plan was not changed",
            ) from None

    def __exit__(self, *_: object) -> None:
        self.lock.release()


def plan_as_json(plan: Plan) -> Mapping[str, Any]:
    """The plan file's content as JSON-ready data (dates as ISO 8601 strings)."""
    return plan.model_dump(mode="json", exclude_none=True)
