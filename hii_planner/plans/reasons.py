"""Why a module is in a plan, as data: a `Reason` writes the plan file's words and reads them.

Reasons are written into plan files as short sentences ("required by: story").
They are read into `Reason` values once, when a plan is read, so that `plan why`,
the handouts, the report and the wizard work with kinds and targets; the words
are made in one place, `Reason.__str__`, so plan files keep their bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

ReasonKind = Literal[
    "core",
    "chosen",
    "need",
    "required-by",
    "one-of",
    "alternative-to",
    "screening",
    "kept",
    "review",
    "note",
]
"""What put a module in a plan; "note" holds words this version does not know."""

ROOT_KINDS: frozenset[ReasonKind] = frozenset({"core", "chosen", "need", "screening", "review"})
"""Kinds that start a chain: nothing else brought the module in."""

_CORE = "core module: in every plan"
_CHOSEN = "chosen by the facilitator"
_KEPT = "kept: it has sessions already recorded"
_REVIEW = "progress reviews: part of every plan"
_PREFIXES: tuple[tuple[str, ReasonKind], ...] = (
    ("addresses need: ", "need"),
    ("required by: ", "required-by"),
    ("chosen instead of: ", "alternative-to"),
    ("screening: ", "screening"),
)
_ONE_OF = " (first of: "
_ALTERNATIVE = " (the two exclude each other)"


@dataclass(frozen=True)
class Reason:
    """One reason a module is planned: a kind, the need, module or question it names.

    *options* holds the members of a ``requires_any`` group (kind "one-of");
    *target* holds the words themselves for kind "note".
    """

    kind: ReasonKind
    target: str = ""
    options: tuple[str, ...] = ()

    @classmethod
    def core(cls) -> Reason:
        """A core module: in every plan."""
        return cls("core")

    @classmethod
    def chosen(cls) -> Reason:
        """Chosen by the facilitator."""
        return cls("chosen")

    @classmethod
    def need(cls, need_id: str) -> Reason:
        """Recommended because it addresses the assessed need *need_id*."""
        return cls("need", need_id)

    @classmethod
    def required_by(cls, module_id: str) -> Reason:
        """Pulled in because *module_id* requires it."""
        return cls("required-by", module_id)

    @classmethod
    def one_of(cls, module_id: str, options: tuple[str, ...]) -> Reason:
        """Pulled in as the first possible of *options*, one of which *module_id* requires."""
        return cls("one-of", module_id, tuple(options))

    @classmethod
    def alternative_to(cls, module_id: str) -> Reason:
        """Planned instead of *module_id*, a recommended module it excludes."""
        return cls("alternative-to", module_id)

    @classmethod
    def screening(cls, question_id: str) -> Reason:
        """Added because the answer to screening question *question_id* raised its caution."""
        return cls("screening", question_id)

    @classmethod
    def kept(cls) -> Reason:
        """Kept by an edit because some of its sessions are recorded."""
        return cls("kept")

    @classmethod
    def review(cls) -> Reason:
        """The library's review module: progress reviews are part of every plan."""
        return cls("review")

    @property
    def is_root(self) -> bool:
        """True when nothing else brought the module in (a choice, a need, core, screening)."""
        return self.kind in ROOT_KINDS

    @property
    def parent(self) -> str | None:
        """The module whose requirement brought this one in, if any."""
        return self.target if self.kind in ("required-by", "one-of") else None

    def __str__(self) -> str:
        """The reason as the plan file writes it."""
        match self.kind:
            case "core":
                return _CORE
            case "chosen":
                return _CHOSEN
            case "kept":
                return _KEPT
            case "review":
                return _REVIEW
            case "need":
                return f"addresses need: {self.target}"
            case "required-by":
                return f"required by: {self.target}"
            case "one-of":
                return f"required by: {self.target}{_ONE_OF}{', '.join(self.options)})"
            case "alternative-to":
                return f"chosen instead of: {self.target}{_ALTERNATIVE}"
            case "screening":
                return f"screening: {self.target}"
            case _:
                return self.target

    @classmethod
    def parse(cls, text: str) -> Reason:
        """The reason a plan file's words stand for; words it does not know stay a note."""
        fixed = {
            _CORE: cls.core(),
            _CHOSEN: cls.chosen(),
            _KEPT: cls.kept(),
            _REVIEW: cls.review(),
        }
        if text in fixed:
            return fixed[text]
        for prefix, kind in _PREFIXES:
            if not text.startswith(prefix):
                continue
            rest = text.removeprefix(prefix)
            if kind == "required-by" and rest.endswith(")") and _ONE_OF in rest:
                module_id, _, options = rest[:-1].partition(_ONE_OF)
                found = cls.one_of(module_id, tuple(options.split(", ")))
            elif kind == "alternative-to":
                found = cls.alternative_to(rest.removesuffix(_ALTERNATIVE))
            else:
                found = cls(kind, rest)
            # Only words this class would write itself are data; anything else stays as written.
            return found if str(found) == text and _is_slug_list(found) else cls("note", text)
        return cls("note", text)


def _is_slug_list(reason: Reason) -> bool:
    names = [reason.target, *reason.options]
    return all(n and all(c.islower() or c.isdigit() or c == "-" for c in n) for n in names)


def _as_reason(value: object) -> Reason:
    if isinstance(value, Reason):
        return value
    if isinstance(value, str):
        return Reason.parse(value)
    raise PydanticCustomError("string_type", "Input should be a valid string")


PlanReason = Annotated[
    Reason,
    PlainValidator(_as_reason),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string"}),
]
"""A reason as a plan file field: words in the file, a `Reason` in memory."""
