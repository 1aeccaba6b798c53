"""Pydantic models of the module library files (`library.toml` and one file per module)."""

from __future__ import annotations

from pydantic import Field

from hii_planner.types import LongText, Minutes, Placement, SessionKind, Slug, Strict, Text


class Dimension(Strict):
    """A group of needs, such as engagement, intent or capability."""

    id: Slug
    title: Text
    description: LongText = ""


class Need(Strict):
    """An assessed factor that modules can address."""

    id: Slug
    title: Text
    dimension: Slug | None = None
    description: LongText = ""


class Track(Strict):
    """A thematic strand of the programme; every module belongs to one."""

    id: Slug
    title: Text
    description: LongText = ""
    twin: bool = Field(
        default=False,
        description="The track can run alongside the others (twin track); "
        "the guided planner offers these tracks first.",
    )
    provider: str = Field(
        default="",
        max_length=80,
        description="Another provider who delivers this track's sessions (a specialist adviser).",
    )


class ScreeningQuestion(Strict):
    """A yes/no suitability question asked before planning."""

    id: Slug
    question: Text = Field(max_length=400)
    caution_if: bool = Field(description="The answer that raises the caution.")
    caution: LongText = Field(min_length=1)
    adds: list[Slug] = Field(
        default_factory=list,
        description="Modules added to the plan when the caution is raised.",
    )
    first: bool = Field(
        default=False,
        description="Place the added modules before every module not placed first.",
    )


class SizeRange(Strict):
    """The usual size of a plan, in sessions; a plan outside it gets a warning."""

    min: int = Field(ge=1, description="Fewest sessions a plan usually has.")
    max: int = Field(ge=1, description="Most sessions a plan usually has.")


class ReviewRule(Strict):
    """Progress reviews, part of every plan: a one-session module used as their template."""

    module: Slug = Field(description="The review module (one session); not chosen by hand.")
    every: int = Field(ge=1, description="A review after every this many other sessions.")
    final: bool = Field(default=True, description="A review before the last module's sessions.")


class LibraryInfo(Strict):
    """The contents of `library.toml`."""

    name: Text
    version: Text
    description: LongText = ""
    notice: LongText = ""
    marking: str = Field(default="", max_length=80)
    order: list[Slug] = Field(
        default_factory=list,
        description="Modules in their usual order of delivery; the rest follow by id.",
    )
    dimensions: list[Dimension] = Field(default_factory=list)
    needs: list[Need] = Field(default_factory=list)
    tracks: list[Track] = Field(min_length=1)
    screening: list[ScreeningQuestion] = Field(default_factory=list)
    sessions: SizeRange | None = Field(
        default=None, description="The usual size of a plan, in sessions."
    )
    review: ReviewRule | None = Field(default=None, description="Progress reviews in every plan.")
    lang: str = Field(
        default="en",
        pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="Language of the library's text (BCP 47), set on printed documents.",
    )


class Handout(Strict):
    """Participant-facing text for a session (Markdown)."""

    title: Text | None = None
    body: LongText = Field(min_length=1)
    reflection: list[Text] = Field(default_factory=list)
    easy_read: LongText | None = None
    homework: LongText | None = Field(
        default=None, description='A task between sessions, printed under "Before next time".'
    )
    discuss: list[Text] = Field(
        default_factory=list,
        description="Questions to talk about, printed without writing lines (sensitive prompts).",
    )
    easy_read_reflection: list[Text] = Field(
        default_factory=list, description="Reflection questions for easy-read handouts."
    )


class Session(Strict):
    """One session of a module, in delivery order."""

    id: Slug
    title: Text
    minutes: Minutes
    optional: bool = False
    objectives: list[LongText] = Field(default_factory=list)
    activities: list[LongText] = Field(default_factory=list)
    materials: list[LongText] = Field(default_factory=list)
    facilitator_notes: LongText = ""
    handout: Handout | None = None
    addresses: list[Slug] | None = Field(
        default=None,
        description="The needs this session works on [default: its module's addresses].",
    )
    kind: SessionKind = Field(default="session", description="A session or a progress review.")


class Module(Strict):
    """A module: a themed block of sessions with its prerequisites and the needs it addresses."""

    id: Slug
    title: Text
    track: Slug
    summary: LongText = ""
    addresses: list[Slug] = Field(default_factory=list)
    requires: list[Slug] = Field(default_factory=list)
    requires_any: list[list[Slug]] = Field(default_factory=list)
    after: list[Slug] = Field(default_factory=list)
    excludes: list[Slug] = Field(default_factory=list)
    placement: Placement = "any"
    core: bool = False
    sessions: list[Session] = Field(min_length=1)

    @property
    def minutes(self) -> int:
        """Total minutes over all sessions."""
        return sum(session.minutes for session in self.sessions)

    def session(self, session_id: str) -> Session | None:
        """The session with *session_id*, if the module has one."""
        return next((s for s in self.sessions if s.id == session_id), None)

    def prerequisites(self) -> list[str]:
        """Every module this one may have to follow: requires, requires_any, after."""
        found = [*self.requires, *(m for group in self.requires_any for m in group), *self.after]
        return list(dict.fromkeys(found))
