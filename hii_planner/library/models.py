"""Pydantic models of the module library files (`library.toml` and one file per module)."""

from __future__ import annotations

from pydantic import Field

from hii_planner.types import LongText, Minutes, Placement, SessionKind, Slug, Strict, Text


class Dimension(Strict):
    """A group of needs, such as engagement, intent or capability."""

    id: Slug = Field(description="Identifier (a slug), used by needs.")
    title: Text = Field(description="Name shown to facilitators.")
    description: LongText = Field(default="", description="What the dimension covers.")


class Need(Strict):
    """An assessed factor that modules can address."""

    id: Slug = Field(description="Identifier (a slug), used by modules' addresses and --need.")
    title: Text = Field(description="Name of the need, as the assessment puts it.")
    dimension: Slug | None = Field(default=None, description="The dimension it belongs to.")
    description: LongText = Field(default="", description="What the need means, for facilitators.")


class Track(Strict):
    """A thematic strand of the programme; every module belongs to one."""

    id: Slug = Field(description="Identifier (a slug), used by modules and --twin-track.")
    title: Text = Field(description="Name of the track.")
    description: LongText = Field(default="", description="What the track is for.")
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

    id: Slug = Field(description="Identifier (a slug), used in answers files.")
    question: Text = Field(max_length=400, description="The yes/no question asked before planning.")
    caution_if: bool = Field(description="The answer that raises the caution.")
    caution: LongText = Field(
        min_length=1, description="Shown and recorded when the caution is raised."
    )
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

    name: Text = Field(description="Name of the programme and library.")
    version: Text = Field(description="Version of the library, recorded in every plan.")
    description: LongText = Field(default="", description="What the programme is.")
    notice: LongText = Field(default="", description="Shown in library list and on printouts.")
    marking: str = Field(
        default="", max_length=80, description="Protective marking printed on every page."
    )
    order: list[Slug] = Field(
        default_factory=list,
        description="Modules in their usual order of delivery; the rest follow by id.",
    )
    dimensions: list[Dimension] = Field(default_factory=list, description="Groups of needs.")
    needs: list[Need] = Field(default_factory=list, description="Assessed needs modules address.")
    tracks: list[Track] = Field(min_length=1, description="Thematic strands of modules.")
    screening: list[ScreeningQuestion] = Field(
        default_factory=list, description="Suitability questions asked before planning."
    )
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

    title: Text | None = Field(default=None, description="Title [default: the session's].")
    body: LongText = Field(min_length=1, description="Participant-facing text (Markdown).")
    reflection: list[Text] = Field(
        default_factory=list, description="Questions with writing lines for the participant."
    )
    easy_read: LongText | None = Field(
        default=None, description="Simplified text used for easy-read handouts."
    )
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

    id: Slug = Field(description="Identifier (a slug), unique within the module.")
    title: Text = Field(description="Title of the session.")
    minutes: Minutes = Field(description="Length in minutes (a whole number).")
    optional: bool = Field(default=False, description="The facilitator may leave it out.")
    objectives: list[LongText] = Field(default_factory=list, description="What it aims at.")
    activities: list[LongText] = Field(default_factory=list, description="What happens, in order.")
    materials: list[LongText] = Field(default_factory=list, description="What to bring.")
    facilitator_notes: LongText = Field(
        default="", description="Facilitator-only text; never on participant handouts."
    )
    handout: Handout | None = Field(default=None, description="The participant's handout.")
    addresses: list[Slug] | None = Field(
        default=None,
        description="The needs this session works on [default: its module's addresses].",
    )
    kind: SessionKind = Field(default="session", description="A session or a progress review.")


class Module(Strict):
    """A module: a themed block of sessions with its prerequisites and the needs it addresses."""

    id: Slug = Field(description="Identifier (a slug); equals the file name's stem.")
    title: Text = Field(description="Title of the module.")
    track: Slug = Field(description="The track it belongs to.")
    summary: LongText = Field(default="", description="What the module is for, for facilitators.")
    addresses: list[Slug] = Field(default_factory=list, description="Needs it addresses.")
    requires: list[Slug] = Field(
        default_factory=list, description="Modules pulled in and completed before this one."
    )
    requires_any: list[list[Slug]] = Field(
        default_factory=list, description="Groups: at least one member comes before this module."
    )
    after: list[Slug] = Field(
        default_factory=list, description="If both are planned, this module comes after them."
    )
    excludes: list[Slug] = Field(
        default_factory=list, description="Modules that may not be in the same plan."
    )
    placement: Placement = Field(default="any", description="first, any or last in the plan.")
    core: bool = Field(default=False, description="In every plan.")
    sessions: list[Session] = Field(min_length=1, description="Sessions, in delivery order.")

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
