"""Plain data the web app fills in for the printable documents.

The renderers take only these dataclasses, never database models, so a document
shows exactly what was chosen for sharing (the minimum necessary) and nothing that
happens to sit on a model. All fields are keyword-only so the order never matters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime


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


@dataclass(kw_only=True)
class ConfirmedIndicator:
    """An indicator a practitioner confirmed, with the child's own words as evidence.

    ``window`` is a window id (``recent``, ``6_to_12_months``, ``over_12_months``) or
    free text; the renderers turn known ids into words.
    """

    indicator: str
    label: str
    concerns: tuple[str, ...] = ()
    window: str | None = None
    evidence: str = ""
    note: str | None = None


@dataclass(kw_only=True)
class SerafSummary:
    """The SERAF outcome as shared: the category a person stands behind, and any override."""

    total: int
    category_label: str
    overridden: bool = False
    override_reason: str | None = None
    computed_category_label: str | None = None  # what the points gave, shown when overridden


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
    seraf: SerafSummary | None = None
    next_steps: list[str] = field(default_factory=list)
    shared_with: list[str] = field(default_factory=list)
    purpose: str = ""
    legal_basis: str = ""
    suggested_grading: str | None = None  # police grade intelligence; this is only a suggestion
    handling_note: str | None = None


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
