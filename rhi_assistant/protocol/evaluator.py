"""Apply a profile to one episode.

Choices that hold for every profile (they come from the shared spec, not from
any one council, so they live here rather than in profile data):

* Durations run from last seen to found, or to ``now`` while still missing.
  They are real elapsed time. ``now`` is always given by the caller (the app's
  ``rhi_assistant.clock``), so a test or a demonstration can move time.
* No RHI is offered before the child is found: ``offer`` is false, ``reasons``
  empty and ``due`` None until then, for every profile. The reasons that hold
  so far are kept in ``provisional_reasons`` for the web app.
* RHI due = found + the profile's hours (72), only when offered.
* Safe and well due = found + hours for the police risk; None until found.
* Age is whole years on the *local* calendar date when found (or ``now``),
  so a child whose 16th birthday is that day is 16.
* Actions are evaluated whether or not the child has been found (a strategy
  meeting for a child missing 24 hours cannot wait for the return).
* Out of area: when the child's home authority (the episode's, else the
  child's) names another council than the profile's, this council is the
  host ("placed_here"); otherwise, for a placement out of area, it is the
  home authority ("placed_away").
* An episode is an adult's when the young person had reached the profile's
  adult age on the local day last seen (``adult``); the rules still run, the
  web app words the record for a young adult.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from rhi_assistant.protocol.conditions import Situation
from rhi_assistant.protocol.models import (
    Action,
    ChildFacts,
    Consent,
    EpisodeFacts,
    PreviousEpisode,
    ProtocolResult,
    Reason,
    RhiOutcome,
)
from rhi_assistant.protocol.profile import Profile, Rule
from rhi_assistant.protocol.timeutil import add_hours, age_on, elapsed_hours, local_date
from rhi_assistant.protocol.transition import adult_at


def out_of_area_role(profile: Profile, child: ChildFacts, episode: EpisodeFacts) -> str | None:
    """This council's part in an out-of-area placement: home, host, or none."""
    home = episode.home_authority or child.home_authority
    if not profile.is_own_authority(home):
        return "placed_here"
    return "placed_away" if episode.placement_out_of_area else None


def _situation(
    profile: Profile,
    child: ChildFacts,
    episode: EpisodeFacts,
    previous: Sequence[PreviousEpisode],
    now: datetime,
) -> Situation:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")
    if episode.found is not None:
        measured_to = episode.found
    else:
        measured_to = now
        if measured_to < episode.last_seen:
            raise ValueError("now is earlier than last_seen")
    measured_to = measured_to.astimezone(UTC)
    return Situation(
        child=child,
        episode=episode,
        previous=tuple(previous),
        measured_to=measured_to,
        missing_hours=elapsed_hours(episode.last_seen, measured_to),
        age_years=age_on(child.date_of_birth, local_date(measured_to, profile.timezone)),
        timezone=profile.timezone,
        out_of_area=out_of_area_role(profile, child, episode),
    )


def _action_due(rule: Rule, episode: EpisodeFacts) -> datetime | None:
    if rule.due_hours is None or rule.due_from is None:
        return None
    anchor = getattr(episode, rule.due_from)
    if rule.due_from == "reported_missing" and anchor is None:
        anchor = episode.last_seen
    return None if anchor is None else add_hours(anchor, rule.due_hours)


def consent_for_age(profile: Profile, age_years: int, looked_after: bool) -> Consent:
    """Whose consent the RHI needs at this age (the one rule, for `evaluate_with` and
    `consent_needed`)."""
    under_age = age_years < profile.child_consent_age
    council_consents = profile.parent_consent_unless_looked_after and looked_after
    return Consent(parent_or_carer=under_age and not council_consents, child=not under_age)


def consent_needed(profile: Profile, date_of_birth: date, looked_after: bool,
                   found: datetime | None, now: datetime) -> Consent:
    """Whose consent the RHI needs, without evaluating the rest of the episode.

    Why: every interview page asks only this (which consent pages to show), and the
    whole evaluation reads the child's other episodes and confirmed concerns it does
    not depend on. Same age as `evaluate_with`: whole years on the local day found,
    or on ``now`` while still missing."""
    measured_to = (found if found is not None else now).astimezone(UTC)
    age = age_on(date_of_birth, local_date(measured_to, profile.timezone))
    return consent_for_age(profile, age, looked_after)


def evaluate_with(
    profile: Profile,
    child: ChildFacts,
    episode: EpisodeFacts,
    previous: Sequence[PreviousEpisode],
    now: datetime,
    *,
    scenario_id: str | None = None,
) -> ProtocolResult:
    """Evaluate an episode against an already-loaded profile, as of ``now``."""
    s = _situation(profile, child, episode, previous, now)
    found = episode.found

    holding = tuple(Reason(r.code, r.label) for r in profile.reasons if r.when(s))
    offer = found is not None and bool(holding)
    rhi = RhiOutcome(
        offer=offer,
        reasons=holding if offer else (),
        due=add_hours(found, profile.rhi_due_hours) if offer and found is not None else None,
    )

    safe_and_well_due = (
        add_hours(found, profile.safe_and_well_hours_for(episode.police_risk))
        if found is not None
        else None
    )

    consent = consent_for_age(profile, s.age_years, child.looked_after)

    actions: list[Action] = []
    seen: set[str] = set()
    for rule in profile.actions:
        if rule.code not in seen and rule.when(s):
            seen.add(rule.code)
            actions.append(Action(rule.code, rule.label, _action_due(rule, episode)))

    return ProtocolResult(
        profile=profile.name,
        rhi=rhi,
        safe_and_well_due=safe_and_well_due,
        consent=consent,
        actions=tuple(actions),
        missing_hours=s.missing_hours,
        measured_to=s.measured_to,
        still_missing=found is None,
        age_years=s.age_years,
        provisional_reasons=() if found is not None else holding,
        id=scenario_id,
        out_of_area=s.out_of_area,
        adult=adult_at(profile.transition, child.date_of_birth, episode.last_seen,
                       profile.timezone),
    )


@dataclass(frozen=True)
class FromRecord:
    """What the record says, by the profile's ``from_record`` rules: the episode flags and the
    SERAF indicators it sets. Shown as "from the record"; a person may change either."""

    flags: tuple[str, ...] = ()
    seraf: tuple[str, ...] = ()


def from_record(
    profile: Profile,
    child: ChildFacts,
    episode: EpisodeFacts,
    previous: Sequence[PreviousEpisode],
    now: datetime,
) -> FromRecord:
    s = _situation(profile, child, episode, previous, now)
    return FromRecord(
        flags=tuple(name for name, when in profile.flags_from_record if when(s)),
        seraf=tuple(dict.fromkeys(i for i, when in profile.seraf_from_record if when(s))),
    )
