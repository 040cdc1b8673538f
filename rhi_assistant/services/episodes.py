"""What each open episode needs next, worked out by the team's local protocol.

The web layer never decides a deadline itself: it turns database rows into the
protocol engine's typed facts (`protocol_inputs`), asks the engine, and adds
what only the database knows (an RHI held or refused, the independent-person
request, a safe and well check recorded, a protocol action recorded as done).
"Now" always comes from
`rhi_assistant.clock` so tests can move it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy.orm import selectinload

from rhi_assistant import clock
from rhi_assistant.extensions import db
from rhi_assistant.models import (
    Child,
    Episode,
    EpisodeOutcome,
    OfferAttempt,
    ProtocolActionRecord,
    Refusal,
    RhiOffer,
    Team,
    TriggerPlanVersion,
)
from rhi_assistant.models.offers import INDEPENDENT_REQUEST_HOURS
from rhi_assistant.protocol import (
    ChildFacts,
    Consent,
    EpisodeFacts,
    PreviousEpisode,
    ProtocolResult,
    evaluate_episode,
    load_profile,
)
from rhi_assistant.protocol.evaluator import FromRecord, consent_needed, evaluate_with, from_record
from rhi_assistant.protocol.profile import Profile
from rhi_assistant.services import episode_flags, rhi_held
from rhi_assistant.vocabulary import N_

RHI_STATES = ("missing", "due", "overdue", "held", "refused", "not_required", "unknown")


@dataclass
class DueItem:
    """Something the protocol (or the child's choice) needs done, perhaps by a time."""

    code: str
    label: str
    due: datetime | None = None
    done: bool = False
    overdue: bool = False
    #: The newest record a person made about this action (protocol actions only).
    record: ProtocolActionRecord | None = None
    #: Every record about it, oldest first: the trail behind a correction or an undo.
    history: list[ProtocolActionRecord] = field(default_factory=list)

    @property
    def recordable(self) -> bool:
        """A protocol action a worker records as done (not the RHI, safe and well or request)."""
        return self.code not in ("rhi", "safe_and_well", "independent_request")


@dataclass
class EpisodeStatus:
    """One row of the team's list, and the header of an episode's offer page."""

    episode: Episode
    child: Child
    profile: str
    number: int
    total: int
    result: ProtocolResult | None
    rhi_state: str
    rhi_due: datetime | None
    safe_and_well: DueItem | None
    items: list[DueItem] = field(default_factory=list)
    offer: RhiOffer | None = None
    refusals: list[Refusal] = field(default_factory=list)
    attempts: list[OfferAttempt] = field(default_factory=list)
    outcome: EpisodeOutcome | None = None
    plan_needs_renewal: bool = False
    #: When the RHI was held (the child's first answer saved); None when it was not.
    held_at: datetime | None = None

    @property
    def refused_then_held(self) -> bool:
        """A refusal on record, then the interview held: counted as held, and said so."""
        return self.held_at is not None and bool(self.refusals)

    @property
    def consent_age(self) -> int:
        """The age from which the child consents for themselves, as the profile sets it."""
        return load_profile(self.profile).child_consent_age

    @property
    def zone(self) -> ZoneInfo:
        """The wall clock of the team's protocol profile."""
        return clock.local_zone(self.profile)

    @property
    def still_missing(self) -> bool:
        return self.episode.found is None

    @property
    def out_of_area(self) -> tuple[str, str | None] | None:
        """This team's part in an out-of-area placement and the other council, if named.

        ("placed_away", the host authority) or ("placed_here", the home authority);
        None when the protocol sees no out-of-area placement.
        """
        role = self.result.out_of_area if self.result else None
        if role is None:
            return None
        inputs = protocol_inputs(self.episode)
        if inputs is None:
            return role, None
        child_facts, episode_facts, _previous = inputs
        if role == "placed_away":
            return role, episode_facts.placement_area
        return role, episode_facts.home_authority or child_facts.home_authority

    @property
    def adult(self) -> bool:
        """A young adult's episode: 18 (the profile's adult age) on the day last seen."""
        return self.result is not None and self.result.adult

    @property
    def open_items(self) -> list[DueItem]:
        """Everything with a deadline still to meet, RHI and safe and well included."""
        out = []
        if self.rhi_state in ("due", "overdue") and self.rhi_due is not None:
            out.append(DueItem("rhi", N_("Return Home Interview"), self.rhi_due,
                               overdue=self.rhi_state == "overdue"))
        if self.safe_and_well and not self.safe_and_well.done:
            out.append(self.safe_and_well)
        out.extend(i for i in self.items if not i.done and i.due is not None)
        return out

    @property
    def overdue(self) -> bool:
        return any(i.overdue for i in self.open_items)

    @property
    def next_due(self) -> datetime | None:
        dues = [i.due for i in self.open_items if i.due is not None]
        return min(dues) if dues else None

    def urgency(self) -> tuple:
        """Sort key: missing at high risk, then overdue, then other missing, then soonest due."""
        far = datetime.max.replace(tzinfo=self.episode.last_seen.tzinfo)
        nxt = self.next_due or far
        if self.still_missing and self.episode.police_risk == "high":
            return (0, self.episode.last_seen, self.episode.id)
        if self.overdue:
            return (1, nxt, self.episode.id)
        if self.still_missing:
            return (2, self.episode.last_seen, self.episode.id)
        if self.next_due is not None:
            return (3, nxt, self.episode.id)
        return (4, far, self.episode.id)


def team_profile(team_id: int | None) -> str:
    """A team's protocol profile (the install's default if the team has none)."""
    team = db.session.get(Team, team_id) if team_id is not None else None
    return (team.protocol_profile if team else None) or current_app.config["PROTOCOL_PROFILE"]


def profile_for(child: Child) -> str:
    """The owning team's protocol profile (the app default if the team has none)."""
    return team_profile(child.team_id)


def local_zone(team_id: int | None) -> ZoneInfo:
    """The team's wall clock: the time zone its protocol profile names."""
    return clock.local_zone(team_profile(team_id))


def safe_and_well_hours(profile: str, police_risk: str | None) -> float:
    """Hours from found to the police safe and well check, as the profile sets them."""
    return load_profile(profile).safe_and_well_hours_for(police_risk)


def episode_number(episode: Episode) -> tuple[int, int]:
    """This is the child's n-th episode of `total` recorded."""
    episodes = sorted(episode.child.episodes, key=lambda e: (e.last_seen, e.id))
    return episodes.index(episode) + 1, len(episodes)


def _recorded(row: object, name: str) -> object:
    """A column another part of the record may add (None until it exists).

    The out-of-area rules read the home and host authority the child record
    keeps (``Child.home_authority``, ``Child.host_authority``) and what the
    police's notification says of this episode (``Episode.home_authority``,
    ``Episode.looked_after``); reading them by name keeps this module working
    on a database that does not record them yet.
    """
    return getattr(row, name, None)


def protocol_inputs(
    episode: Episode, *, with_record: bool = True,
) -> tuple[ChildFacts, EpisodeFacts, list[PreviousEpisode]] | None:
    """The engine's facts from the database rows; None when the date of birth is unknown.

    With the record (the default), each concern flag is as `episode_flags.effective` reads
    it: a person's decision, else recorded or set by the profile's ``from_record`` rules.
    """
    child = episode.child
    if child.date_of_birth is None:
        return None
    host = _recorded(child, "host_authority")
    child_facts = ChildFacts(
        date_of_birth=child.date_of_birth,
        looked_after=child.looked_after or _recorded(episode, "looked_after") is True,
        open_to_childrens_services=child.open_to_childrens_services,
        child_protection_plan=child.child_protection_plan,
        child_in_need_plan=child.child_in_need_plan,
        home_authority=_text_or_none(_recorded(child, "home_authority")),
    )
    episode_facts = EpisodeFacts(
        last_seen=episode.last_seen,
        police_risk=episode.police_risk or None,
        reported_missing=episode.reported_missing,
        found=episode.found,
        hurt_or_harmed=episode.hurt_or_harmed,
        exploitation_concern=episode.exploitation_concern,
        criminality_or_drugs_concern=episode.criminality_or_drugs_concern,
        contact_with_risky_persons=episode.contact_with_risky_persons,
        offending_while_missing=episode.offending_while_missing,
        trafficking_concern=episode.trafficking_concern,
        # A host authority on the child record is a placement away from home too.
        placement_out_of_area=episode.placement_out_of_area or bool(_text_or_none(host)),
        placement_area=episode.placement_area or _text_or_none(host),
        home_authority=_text_or_none(_recorded(episode, "home_authority")),
        confirmed_concerns=episode_flags.confirmed_concern_counts(episode),
    )
    previous = [
        PreviousEpisode(last_seen=e.last_seen, reported_missing=e.reported_missing, found=e.found)
        for e in child.episodes
        if e.id != episode.id and (e.last_seen, e.id) < (episode.last_seen, episode.id)
    ]
    if with_record:
        found = _from_record(episode, child_facts, episode_facts, previous, clock.now())
        flags: dict[str, Any] = dict(episode_flags.effective(episode, found.flags))
        episode_facts = replace(episode_facts, **flags)
    return child_facts, episode_facts, previous


def _from_record(episode: Episode, child_facts: ChildFacts, episode_facts: EpisodeFacts,
                 previous: list[PreviousEpisode], now: datetime) -> FromRecord:
    try:
        return from_record(load_profile(profile_for(episode.child)), child_facts,
                           episode_facts, previous, now)
    except ValueError:  # a clock set before the child went missing: nothing measured yet
        return FromRecord()


def record_for(episode: Episode, now: datetime | None = None) -> FromRecord:
    """What the record sets for an episode (flags, SERAF ticks), before anyone's decision."""
    inputs = protocol_inputs(episode, with_record=False)
    if inputs is None:
        return FromRecord()
    child_facts, episode_facts, previous = inputs
    return _from_record(episode, child_facts, episode_facts, previous, now or clock.now())


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def consent_for(episode: Episode, profile: str, now: datetime) -> Consent | None:
    """Whose consent the RHI needs (what `evaluate(...).consent` says), None when the date
    of birth is unknown; from the child and the episode alone, for the interview pages."""
    child = episode.child
    if child.date_of_birth is None:
        return None
    looked_after = bool(child.looked_after or _recorded(episode, "looked_after") is True)
    return consent_needed(load_profile(profile), child.date_of_birth, looked_after,
                          episode.found, now)


def evaluate(episode: Episode, profile: str, now: datetime,
             loaded: Profile | None = None) -> ProtocolResult | None:
    """The engine's answer; `loaded` (the profile already loaded) saves finding its file
    again for each episode of a list."""
    inputs = protocol_inputs(episode)
    if inputs is None:
        return None
    child_facts, episode_facts, previous = inputs
    if loaded is not None:
        return evaluate_with(loaded, child_facts, episode_facts, previous, now)
    return evaluate_episode(profile, child_facts, episode_facts, previous, now)


@dataclass
class EpisodeRecords:
    """What people recorded about one episode, loaded once (for one episode or a page of them)."""

    offer: RhiOffer | None = None
    refusals: list[Refusal] = field(default_factory=list)
    attempts: list[OfferAttempt] = field(default_factory=list)
    outcome: EpisodeOutcome | None = None
    actions: dict[str, list[ProtocolActionRecord]] = field(default_factory=dict)


def records_for(episode_ids: list[int]) -> dict[int, EpisodeRecords]:
    """The records of many episodes in five queries, not five an episode."""
    out = {eid: EpisodeRecords() for eid in episode_ids}
    if not episode_ids:
        return out
    for offer in db.session.scalars(db.select(RhiOffer).where(
            RhiOffer.episode_id.in_(episode_ids))):
        out[offer.episode_id].offer = offer
    for refusal in db.session.scalars(db.select(Refusal).where(
            Refusal.episode_id.in_(episode_ids)).order_by(Refusal.refused_at, Refusal.id)):
        out[refusal.episode_id].refusals.append(refusal)
    for attempt in db.session.scalars(db.select(OfferAttempt).where(
            OfferAttempt.episode_id.in_(episode_ids))
            .order_by(OfferAttempt.attempted_at, OfferAttempt.id)):
        out[attempt.episode_id].attempts.append(attempt)
    for outcome in db.session.scalars(db.select(EpisodeOutcome).where(
            EpisodeOutcome.episode_id.in_(episode_ids))):
        out[outcome.episode_id].outcome = outcome
    for row in db.session.scalars(db.select(ProtocolActionRecord).where(
            ProtocolActionRecord.episode_id.in_(episode_ids))
            .order_by(ProtocolActionRecord.id)):  # rows are only ever added: id is their order
        out[row.episode_id].actions.setdefault(row.action_code, []).append(row)
    return out


def status_for(episode: Episode, now: datetime, profile: str | None = None) -> EpisodeStatus:
    """Everything the list and the offer page show about one episode, as of `now`."""
    profile = profile or profile_for(episode.child)
    records = records_for([episode.id])[episode.id]
    return build_status(episode, now, profile, records, plan_needs_renewal(episode.child))


def statuses_for(episodes: list[Episode], now: datetime, profile: str) -> list[EpisodeStatus]:
    """`status_for` for many episodes of one team, with their records loaded in a few queries.

    The episodes should come with their child, the child's episodes and the interviews
    loaded (`with_related`), or each one costs its own queries again."""
    records = records_for([e.id for e in episodes])
    renewals = plans_need_renewal([e.child for e in episodes])
    loaded = load_profile(profile)
    return [build_status(e, now, profile, records[e.id], renewals[e.child_id], loaded)
            for e in episodes]


def with_related(query):
    """Load with each episode what its status needs, in a few queries for the lot."""
    return query.options(
        selectinload(Episode.child).selectinload(Child.episodes),
        selectinload(Episode.interviews),
    )


def build_status(episode: Episode, now: datetime, profile: str, records: EpisodeRecords,
                 needs_renewal: bool, loaded: Profile | None = None) -> EpisodeStatus:
    """The protocol engine's answer joined with what people recorded; no queries of its own."""
    child = episode.child
    result = evaluate(episode, profile, now, loaded)
    number, total = episode_number(episode)
    offer, refusals = records.offer, records.refusals
    held = rhi_held.held_at(episode)
    checked = any(iv.kind == "safe_and_well" and iv.completed_at for iv in episode.interviews)

    rhi_due = result.rhi.due if result else None
    if episode.found is None:
        state = "missing"
    elif held is not None:  # held wins: a child who refused, then talked, was interviewed
        state = "held"
    elif refusals:
        state = "refused"
    elif result is None:
        state = "unknown"
    elif not result.rhi.offer:
        state = "not_required"
    elif rhi_due is not None and rhi_due < now:
        state = "overdue"
    else:
        state = "due"

    safe_and_well = None
    if result is not None and result.safe_and_well_due is not None:
        done = checked  # marked done, not merely started
        due = result.safe_and_well_due
        safe_and_well = DueItem("safe_and_well", N_("Safe and well check"), due,
                                done=done, overdue=not done and due < now)

    items: list[DueItem] = []
    if offer is not None and offer.independent_person == "yes" and offer.independent_chosen_at:
        due = offer.independent_chosen_at + timedelta(hours=INDEPENDENT_REQUEST_HOURS)
        sent = offer.independent_request_sent_at is not None
        items.append(DueItem("independent_request",
                             N_("Request to the independent RHI service"), due, done=sent,
                             overdue=not sent and due < now))
    for action in result.actions if result else ():
        history = records.actions.get(action.code, [])
        latest = history[-1] if history else None
        done = latest is not None and latest.is_done
        items.append(DueItem(action.code, action.label, action.due, done=done,
                             overdue=not done and action.due is not None and action.due < now,
                             record=latest, history=history))

    return EpisodeStatus(
        episode=episode, child=child, profile=profile, number=number, total=total,
        result=result, rhi_state=state, rhi_due=rhi_due, safe_and_well=safe_and_well,
        items=items, offer=offer, refusals=refusals, attempts=records.attempts,
        outcome=records.outcome, plan_needs_renewal=needs_renewal, held_at=held,
    )


def plan_needs_renewal(child: Child) -> bool:
    """True when the child has an episode newer than their latest trigger plan (or no plan)."""
    return plans_need_renewal([child])[child.id]


def plans_need_renewal(children: list[Child]) -> dict[int, bool]:
    """`plan_needs_renewal` for many children, with their latest plans in one query."""
    ids = {c.id for c in children}
    latest: dict[int, TriggerPlanVersion] = {}
    if ids:
        for plan in db.session.scalars(db.select(TriggerPlanVersion).where(
                TriggerPlanVersion.child_id.in_(ids)).order_by(TriggerPlanVersion.version)):
            latest[plan.child_id] = plan
    out = {}
    for child in children:
        plan = latest.get(child.id)
        if not child.episodes:
            out[child.id] = False
            continue
        newest = max(child.episodes, key=lambda e: (e.last_seen, e.id))
        if plan is None or plan.episode_id is None:
            out[child.id] = True
            continue
        known = db.session.get(Episode, plan.episode_id)
        out[child.id] = known is None or (newest.last_seen, newest.id) > (known.last_seen,
                                                                           known.id)
    return out


def is_open(episode: Episode) -> bool:
    """An episode stays on the list until a manager authorises its outcomes."""
    if episode.found is None:
        return True
    outcome = db.session.scalar(db.select(EpisodeOutcome).filter_by(episode_id=episode.id))
    return outcome is None or not outcome.is_authorised


def team_rows(team_id: int, now: datetime) -> list[EpisodeStatus]:
    """The team's open episodes, most urgent first."""
    profile = team_profile(team_id)
    episodes = db.session.scalars(
        db.select(Episode).join(Child).where(Child.team_id == team_id)
    ).all()
    rows = [status_for(e, now, profile) for e in episodes if is_open(e)]
    return sorted(rows, key=lambda r: r.urgency())


def month_start(now: datetime, zone: ZoneInfo) -> datetime:
    """Midnight on the first of this month on the team's wall clock, as an aware datetime."""
    local = now.astimezone(zone)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def refusals_this_month(team_id: int, now: datetime) -> Counter[str]:
    """Refusals recorded by reason since the first of this month (the team's local time)."""
    start = month_start(now, local_zone(team_id))
    reasons = db.session.scalars(
        db.select(Refusal.reason).join(Episode, Refusal.episode_id == Episode.id)
        .join(Child, Episode.child_id == Child.id)
        .where(Child.team_id == team_id, Refusal.refused_at >= start, Refusal.refused_at <= now)
    ).all()
    return Counter(reasons)
