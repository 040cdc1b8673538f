"""Typed facts in, typed result out.

The web app builds these from its database rows; the JSON exchange format is
only an adapter over them (see ``exchange.py``), so both paths run exactly the
same rules. All datetimes must be timezone-aware: a naive time is ambiguous
across the clock changes, and guessing is how deadlines end up an hour out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from rhi_assistant.protocol.timeutil import format_utc

POLICE_RISKS: tuple[str, ...] = ("high", "medium", "low", "no_apparent_risk")

#: Boolean facts about an episode that rules may test with ``{"flag": name}``.
EPISODE_FLAGS: tuple[str, ...] = (
    "hurt_or_harmed",
    "exploitation_concern",
    "criminality_or_drugs_concern",
    "contact_with_risky_persons",
    "offending_while_missing",
    "trafficking_concern",
)

#: Exploitation concerns confirmed indicators count towards (``{"confirmed_concern": ...}``).
CONCERNS: tuple[str, ...] = ("CSE", "CCE", "TRAFFICKING", "HARM")

#: Boolean facts about the child that rules may test with ``{"child": name}``.
CHILD_FLAGS: tuple[str, ...] = (
    "looked_after",
    "open_to_childrens_services",
    "child_protection_plan",
    "child_in_need_plan",
)


def _require_aware(name: str, value: datetime | None) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValueError(f"{name} must be a timezone-aware datetime")


@dataclass(frozen=True)
class ChildFacts:
    """What the protocol needs to know about the child."""

    date_of_birth: date
    looked_after: bool = False
    open_to_childrens_services: bool = False
    child_protection_plan: bool = False
    child_in_need_plan: bool = False
    #: The council responsible for the child; None means the profile's own council.
    home_authority: str | None = None


@dataclass(frozen=True)
class EpisodeFacts:
    """The episode being assessed.

    ``found`` is None while the child is still missing. ``police_risk`` is None
    while the police have not yet graded the episode: no risk-based rule
    matches, and the safe and well check uses the profile's default hours.
    """

    last_seen: datetime
    police_risk: str | None
    reported_missing: datetime | None = None
    found: datetime | None = None
    hurt_or_harmed: bool = False
    exploitation_concern: bool = False
    criminality_or_drugs_concern: bool = False
    contact_with_risky_persons: bool = False
    offending_while_missing: bool = False
    trafficking_concern: bool = False
    #: The child was placed outside the home authority's area when they went missing.
    placement_out_of_area: bool = False
    #: Where the placement is (the host authority), as recorded; shown, never matched.
    placement_area: str | None = None
    #: The responsible council as this episode's report names it (overrides the child's).
    home_authority: str | None = None
    #: (concern, how many confirmed indicators of this episode's interviews count towards it).
    confirmed_concerns: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        for name in ("last_seen", "reported_missing", "found"):
            value = getattr(self, name)
            _require_aware(name, value)
            # Held in UTC: Python compares and subtracts two datetimes of the same zone by
            # their wall clocks, so across the autumn clock change 01:00 GMT would come
            # before 01:01 BST and an hour missing would count as none.
            if value is not None:
                object.__setattr__(self, name, value.astimezone(UTC))
        if self.police_risk is not None and self.police_risk not in POLICE_RISKS:
            raise ValueError(
                f"police_risk must be one of {', '.join(POLICE_RISKS)}; got {self.police_risk!r}"
            )
        if self.found is not None and self.found < self.last_seen:
            raise ValueError("found is earlier than last_seen")

    @property
    def reference_time(self) -> datetime:
        """When the episode counts as reported (falls back to last seen)."""
        return self.reported_missing or self.last_seen

    def flag(self, name: str) -> bool:
        """Value of a named boolean concern (see ``EPISODE_FLAGS``)."""
        return bool(getattr(self, name))

    def confirmed(self, concern: str) -> int:
        """How many confirmed indicators count towards a concern (see ``CONCERNS``)."""
        return dict(self.confirmed_concerns).get(concern, 0)


@dataclass(frozen=True)
class PreviousEpisode:
    """An earlier episode; only its timing matters to the protocols."""

    last_seen: datetime | None = None
    reported_missing: datetime | None = None
    found: datetime | None = None

    def __post_init__(self) -> None:
        for name in ("last_seen", "reported_missing", "found"):
            value = getattr(self, name)
            _require_aware(name, value)
            # Held in UTC: Python compares and subtracts two datetimes of the same zone by
            # their wall clocks, so across the autumn clock change 01:00 GMT would come
            # before 01:01 BST and an hour missing would count as none.
            if value is not None:
                object.__setattr__(self, name, value.astimezone(UTC))

    @property
    def reference_time(self) -> datetime | None:
        """When it was reported; last seen when the report time was not recorded."""
        return self.reported_missing or self.last_seen


@dataclass(frozen=True)
class Reason:
    """Why an RHI is offered: a stable code plus the label the web app shows."""

    code: str
    label: str


@dataclass(frozen=True)
class Action:
    """A meeting, notification or referral the protocol requires."""

    code: str
    label: str
    due: datetime | None = None


@dataclass(frozen=True)
class RhiOutcome:
    """Whether an RHI must be offered, why, and by when (None when not offered/found)."""

    offer: bool
    reasons: tuple[Reason, ...] = ()
    due: datetime | None = None


@dataclass(frozen=True)
class Consent:
    """Whose consent to record for the RHI."""

    parent_or_carer: bool
    child: bool


@dataclass(frozen=True)
class ProtocolResult:
    """Everything a profile decides for one episode.

    ``to_dict()`` gives exactly the exchange format; the extra fields
    (labels, ``missing_hours``, ``provisional_reasons``...) are for the web app.
    ``provisional_reasons`` lists the reasons that hold *so far* for a child
    who is still missing: no RHI is offered until the child is found, but a
    worker can see one is coming.
    """

    profile: str
    rhi: RhiOutcome
    safe_and_well_due: datetime | None
    consent: Consent
    actions: tuple[Action, ...]
    missing_hours: float
    measured_to: datetime
    still_missing: bool
    age_years: int
    provisional_reasons: tuple[Reason, ...] = ()
    id: str | None = None
    #: Who this team is for an out-of-area placement: "placed_away" (the home
    #: authority, child placed elsewhere), "placed_here" (the host), or None.
    out_of_area: str | None = None
    #: The young person was an adult (the profile's adult age) on the local day last seen.
    adult: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The exchange-format result (times in UTC with ``Z``)."""
        return {
            "id": self.id,
            "rhi": {
                "offer": self.rhi.offer,
                "reasons": [r.code for r in self.rhi.reasons],
                "due": format_utc(self.rhi.due),
            },
            "safe_and_well_due": format_utc(self.safe_and_well_due),
            "consent": {
                "parent_or_carer": self.consent.parent_or_carer,
                "child": self.consent.child,
            },
            "actions": [{"action": a.code, "due": format_utc(a.due)} for a in self.actions],
        }
