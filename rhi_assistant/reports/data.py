"""Plain data the web app fills in for the printable documents.

The renderers take only these dataclasses, never database models, so a document
shows exactly what was chosen for sharing (the minimum necessary) and nothing that
happens to sit on a model. All fields are keyword-only so the order never matters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, tzinfo
from typing import Any


@dataclass(kw_only=True)
class ChildSummary:
    """The child's details a receiving officer needs to identify them, and no more."""

    name: str
    date_of_birth: date | None = None
    age: int | None = None
    gender: str | None = None
    ethnicity: str | None = None
    languages: Sequence[str] | str | None = None
    address_area: str | None = None  # an area, not a full address
    #: 18 or over on the day last seen: the summary speaks of a young adult, not a child.
    young_adult: bool = False


@dataclass(kw_only=True)
class EpisodeSummary:
    """The missing episode the interview followed."""

    last_seen: datetime | None = None
    reported: datetime | None = None
    found: datetime | None = None
    missing_from: str = ""
    police_risk: str = ""
    duration_text: str | None = None
    placement: str | None = None
    where_found: str | None = None


#: Where an indicator's evidence comes from: the worker's notes (their words about what the
#: child said), or words the notes quote as the child's own.
FROM_NOTES = "notes"
CHILD_QUOTED = "quote"


@dataclass(kw_only=True)
class ConfirmedIndicator:
    """An indicator a practitioner confirmed, with the whole sentence of the notes it was read in.

    ``window`` is a window id (``recent``, ``6_to_12_months``, ``over_12_months``) or
    free text; the renderers turn known ids into words. ``source`` says honestly whose words
    the evidence is: the worker's notes (``notes``), or the child's, quoted in them (``quote``).
    """

    indicator: str
    label: str
    concerns: tuple[str, ...] = ()
    window: str | None = None
    evidence: str = ""
    note: str | None = None
    source: str = FROM_NOTES


@dataclass(kw_only=True)
class EntityCard:
    """Names the worker tied together as one person, vehicle or place: a nickname and the full
    name, a car and its plate, a phone and a handle. ``members`` are (kind, text) pairs."""

    kind: str  # "person", "vehicle" or "place"
    members: list[tuple[str, str]] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The card's main names: its people, vehicles or places, else its first member."""
        lead = {"person": "PERSON", "vehicle": "VEHICLE", "place": "PLACE"}[self.kind]
        names = [t for k, t in self.members if k == lead] or [self.members[0][1]]
        return " / ".join(names)

    @property
    def details(self) -> list[tuple[str, str]]:
        """The members not in the title, as (kind, text)."""
        title = self.title.split(" / ")
        return [(k, t) for k, t in self.members if t not in title]


@dataclass(kw_only=True)
class Wish:
    """What the child said would help (a page of the interview tagged ``help``), as noted."""

    question: str
    notes: str


@dataclass(kw_only=True)
class SerafSummary:
    """The SERAF outcome as shared: the category a person stands behind, and any override."""

    total: int
    category_label: str
    category: int | None = None  # the number behind the label, for a short on-screen line
    overridden: bool = False
    override_reason: str | None = None
    computed_category_label: str | None = None  # what the points gave, shown when overridden


@dataclass(kw_only=True)
class ExploitationLevel:
    """One concern's level on the exploitation risk assessment (CCE, trafficking) as shared:
    the level a person stands behind, and what the ticks alone gave when they overrode it."""

    concern: str  # the concern's heading, as the summary prints it (reports.text.concern_heading)
    level_label: str
    ticked: int
    overridden: bool = False
    override_reason: str | None = None
    computed_label: str | None = None


@dataclass(kw_only=True)
class NetworkThing:
    """One linked thing drawn in the summary's network picture: what it is, and the other
    children whose confirmed notes hold it, never named ("Other child 1"), numbered the same
    across things so a reader sees one child tied to two things."""

    type: str
    label: str
    others: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class SummaryData:
    """Everything printed on an intelligence-sharing summary."""

    reference: str
    generated_at: datetime
    generated_by: str
    child: ChildSummary
    episode: EpisodeSummary
    push_factors: list[str] = field(default_factory=list)
    pull_factors: list[str] = field(default_factory=list)
    indicators: list[ConfirmedIndicator] = field(default_factory=list)
    entities: dict[str, list[str]] = field(default_factory=dict)
    cards: list[EntityCard] = field(default_factory=list)
    wishes: list[Wish] = field(default_factory=list)
    #: Links with other children the practitioner chose to include, one line each.
    links: list[str] = field(default_factory=list)
    #: The same chosen links for the network picture (empty on summaries made before it).
    network: list[NetworkThing] = field(default_factory=list)
    seraf: SerafSummary | None = None
    #: The exploitation risk assessment's levels (empty when none was made, and on summaries
    #: made before it was shared).
    exploitation: list[ExploitationLevel] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    shared_with: list[str] = field(default_factory=list)
    purpose: str = ""
    legal_basis: str = ""
    suggested_grading: str | None = None  # police grade intelligence; this is only a suggestion
    handling_note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values: how a summary is stored, exactly as it was shared."""
        return _plain(asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SummaryData:
        """Back from ``to_dict``: the one way a stored summary is read."""
        child = data["child"]
        episode = data["episode"]
        seraf = data.get("seraf")
        return cls(
            **{k: data[k] for k in _SUMMARY_VALUES if k in data},
            generated_at=datetime.fromisoformat(data["generated_at"]),
            child=ChildSummary(
                **{**child, "date_of_birth": _date(child.get("date_of_birth"))}
            ),
            episode=EpisodeSummary(
                **{
                    **episode,
                    **{k: _datetime(episode.get(k)) for k in ("last_seen", "reported", "found")},
                }
            ),
            indicators=[
                ConfirmedIndicator(**{**i, "concerns": tuple(i.get("concerns") or ())})
                for i in data.get("indicators", ())
            ],
            cards=[EntityCard(kind=c["kind"], members=[(k, t) for k, t in c["members"]])
                   for c in data.get("cards", ())],
            wishes=[Wish(**w) for w in data.get("wishes", ())],
            network=[NetworkThing(**n) for n in data.get("network", ())],
            seraf=SerafSummary(**seraf) if seraf else None,
            exploitation=[ExploitationLevel(**e) for e in data.get("exploitation", ())],
        )

    def in_zone(self, zone: tzinfo) -> SummaryData:
        """The same summary with its times told in a reader's zone (stored in UTC)."""
        episode = self.episode
        return replace(
            self,
            generated_at=self.generated_at.astimezone(zone),
            episode=replace(
                episode,
                last_seen=episode.last_seen and episode.last_seen.astimezone(zone),
                reported=episode.reported and episode.reported.astimezone(zone),
                found=episode.found and episode.found.astimezone(zone),
            ),
        )


# The summary's fields stored as they are (strings, lists of strings and the entity lists).
_SUMMARY_VALUES = (
    "reference", "generated_by", "push_factors", "pull_factors", "entities", "links", "next_steps",
    "shared_with", "purpose", "legal_basis", "suggested_grading", "handling_note",
)


def _plain(value: Any) -> Any:
    """Dates and times as ISO 8601 text, tuples as lists: what JSON holds."""
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(kw_only=True)
class TriggerPlanChild:
    """Who the trigger plan is for. No photo: photos are held by the police, not printed here."""

    name: str
    date_of_birth: date | None = None


@dataclass(kw_only=True)
class TriggerPlanData:
    """A trigger plan (North Somerset protocol, Appendix 3): what to do when the child goes
    missing, agreed in advance so carers and police act quickly and consistently."""

    child: TriggerPlanChild
    version: int
    updated_at: datetime
    updated_by: str
    background: str = ""
    carers_before_police: list[str] = field(default_factory=list)
    police_actions: list[str] = field(default_factory=list)
    approach: str = ""
    frequented_places: list[str] = field(default_factory=list)
    lines_of_enquiry: list[str] = field(default_factory=list)
    known_associates: list[str] = field(default_factory=list)
    vehicles: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    family_members: list[str] = field(default_factory=list)
    professionals: list[str] = field(default_factory=list)
