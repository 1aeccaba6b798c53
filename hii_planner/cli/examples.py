"""Every command's `Examples:` section, and plain metavars in help (no `<int range>`)."""

from __future__ import annotations

from typing import Any

from typer import _click as click
from typer._click.types import ParamType

# Each command's examples, as typed at a shell prompt (the first is the usual case).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "handouts": (
        "hii-planner handouts plans/P-0042.toml --out handouts/P-0042",
        "hii-planner handouts plans/P-0042.toml --session 3 --easy-read --format html",
    ),
    "library info": ("hii-planner library info", "hii-planner library info --json"),
    "library list": ("hii-planner library list", "hii-planner library list --json | jq '.[].id'"),
    "library show": (
        "hii-planner library show identity-and-belonging",
        "hii-planner library show my-story --json",
    ),
    "library check": ("hii-planner library check", "hii-planner library check ./my-library --json"),
    "library graph": (
        "hii-planner library graph",
        "hii-planner library graph my-story --format mermaid",
    ),
    "library schema": (
        "hii-planner library schema module > module.schema.json",
        "hii-planner library schema plan",
    ),
    "plan new": (
        "hii-planner plan new --out plans",
        "hii-planner plan new --no-input --participant P-0042 --need us-and-them-thinking "
        "--start 2027-01-04 --weekday mon --out plans",
        "hii-planner plan new --answers answers.toml --out -",
    ),
    "plan edit": (
        "hii-planner plan edit plans/P-0042.toml",
        "hii-planner plan edit plans/P-0042.toml --answers changes.toml --dry-run",
    ),
    "plan show": (
        "hii-planner plan show plans/P-0042.toml",
        "hii-planner plan show plans/P-0042.toml 3",
        "hii-planner plan show P-0042 --json",
    ),
    "plan check": (
        "hii-planner plan check plans/P-0042.toml",
        "hii-planner plan check - < plans/P-0042.toml",
    ),
    "plan why": (
        "hii-planner plan why plans/P-0042.toml my-story",
        "hii-planner plan why plans/P-0042.toml grievance-and-injustice",
    ),
    "plan export": (
        "hii-planner plan export plans/P-0042.toml --out P-0042.ics",
        "hii-planner plan export plans/P-0042.toml --format csv --out -",
    ),
    "plan record": (
        "hii-planner plan record plans/P-0042.toml 3 --status delivered --note 'went well'",
        "hii-planner plan record plans/P-0042.toml 4 --status missed --absence acceptable",
    ),
    "plan reschedule": (
        "hii-planner plan reschedule plans/P-0042.toml 5 --date 2027-02-08 --cascade",
        "hii-planner plan reschedule plans/P-0042.toml --overdue --dry-run",
    ),
    "plan amend": (
        "hii-planner plan amend plans/P-0042.toml 4 --status delivered --why 'recorded wrongly'",
    ),
    "plan closure": (
        "hii-planner plan closure plans/P-0042.toml 2026-12-21..2027-01-03 --reason closed",
    ),
    "plan status": (
        "hii-planner plan status plans/P-0042.toml paused --reason 'in hospital'",
        "hii-planner plan status plans/P-0042.toml active --reason 'back' --from 2027-03-01",
    ),
    "plan report": (
        "hii-planner plan report plans/P-0042.toml --out P-0042-report.pdf",
        "hii-planner plan report plans/P-0042.toml --format markdown --out -",
    ),
    "plan list": ("hii-planner plan list plans", "hii-planner plan list plans --json"),
    "plan merge": (
        "hii-planner plan merge %O %A %B   # as git's merge driver",
        "hii-planner plan merge plans/P-0042.toml 'plans/P-0042 (conflicted copy).toml'",
    ),
    "plan resolve": ("hii-planner plan resolve plans/P-0042.toml 5 --take theirs",),
    "team init": ("hii-planner team init caseload",),
}

# Words for an option's value where its type alone would say `<str>` or `<path>`.
_VALUE_WORDS = {
    "out": "FILE",
    "answers": "FILE",
    "participant": "REF",
    "facilitator": "NAME",
    "date": "DATE",
    "from": "DATE",
    "start": "DATE",
    "time": "HH:MM",
    "closed": "START..END",
    "period": "START..END",
    "folder": "DIR",
    "directory": "DIR",
    "library": "DIR",
}


# Click rewraps each paragraph of help to the terminal's width; one that starts with this
# line is printed as written (examples, lists).
_KEEP_LINES = "\b"


def epilog(path: str) -> str | None:
    """The `Examples:` section of the command at *path*, its lines kept as written, or None."""
    examples = EXAMPLES.get(path)
    if not examples:
        return None
    return "\n".join([_KEEP_LINES, "Examples:", *(f"  $ {e}" for e in examples)])


def flowing(text: str) -> str:
    """*text* with each paragraph's line breaks joined, so help wraps to any width.

    Paragraphs whose lines are list items or indented keep their breaks.
    """
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.splitlines()
        listed = any(line.startswith((" ", "-", "•", "*")) for line in lines[1:])
        kept = f"{_KEEP_LINES}\n{paragraph}" if listed and not paragraph.startswith("\b") else None
        paragraphs.append(kept or " ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def _word(param: click.Parameter) -> str:
    names = [o.lstrip("-") for o in param.opts if o.startswith("--")] or [param.name or "value"]
    return names[0].replace("_", "-")


class _PlainType(ParamType):
    """A parameter type that checks as *inner* does but adds no `<path>` or `x>=1` to help."""

    def __init__(self, inner: ParamType) -> None:
        self.inner = inner
        self.name = inner.name
        # Class variables on click's types, taken over from the inner type for this one.
        vars(self).update(
            envvar_list_splitter=inner.envvar_list_splitter,
            is_composite=inner.is_composite,
            arity=inner.arity,
        )
        if hasattr(inner, "choices"):
            self.choices = inner.choices

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        return ""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return self.inner.convert(value, param, ctx)

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> Any:
        return self.inner.shell_complete(ctx, param, incomplete)


def plain_type(kind: ParamType) -> ParamType:
    """*kind* as it reads in help: without the type's own jargon (the metavar says it)."""
    return kind if isinstance(kind, _PlainType) else _PlainType(kind)


def plain_metavar(param: click.Parameter) -> str | None:
    """A metavar in words for *param*, or None when it needs none (a flag)."""
    if getattr(param, "is_flag", False):
        return None
    if param.metavar and "|" in param.metavar:
        return _word(param).upper()  # a list of choices; the help text gives them
    if param.metavar:
        return param.metavar
    word = _word(param)
    if word in _VALUE_WORDS:
        return _VALUE_WORDS[word]
    kind = type(param.type).__name__
    if "Choice" in kind:
        return word.upper()  # the choices are listed in the help text, between words
    if kind in ("IntRange", "IntParamType"):
        return "N"
    if "Path" in kind:
        return "FILE"
    return word.upper()


def choices_sentence(param: click.Parameter) -> str | None:
    """The sentence "One of: a, b, c." for a choice: it wraps between words, never in one."""
    choices = getattr(param.type, "choices", None)
    if not choices and param.metavar and "|" in param.metavar:
        choices = param.metavar.strip("<>[]{}").split("|")
    if not choices:
        return None
    return "One of: " + ", ".join(str(c) for c in choices) + "."
