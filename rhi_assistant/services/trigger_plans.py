"""Draft a trigger plan from confirmed information only, and turn a version into print data.

What goes in: the child's record, the team's episodes, the people, places,
vehicles and contacts a person chose to put in an intelligence-sharing
summary, and indicators a practitioner confirmed or added. What never goes in:
a rejected or undecided suggestion, or anything the NLP picked out that no
person chose. The worker edits the draft before it is saved.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from rhi_assistant.extensions import db
from rhi_assistant.models import (
    Answer,
    Child,
    Episode,
    Interview,
    Suggestion,
    Summary,
    Team,
    TriggerPlanVersion,
)
from rhi_assistant.models.trigger_plans import LIST_FIELDS, PROSE_FIELDS
from rhi_assistant.reports.data import EntityCard, TriggerPlanChild, TriggerPlanData
from rhi_assistant.reports.text import card_line
from rhi_assistant.services import enquiries
from rhi_assistant.services.entity_context import aside
from rhi_assistant.services.episodes import local_zone
from rhi_assistant.services.interviews import interview_date
from rhi_assistant.services.readings import reading_of
from rhi_assistant.services.summary_record import record_of
from rhi_assistant.vocabulary import CONFIRMED_STATUSES

CONFIRMED = sorted(s.value for s in CONFIRMED_STATUSES)
# A place that reads like a street address goes under "Addresses", the rest under "Places".
_ADDRESS = re.compile(
    r"^\s*(flat\s+\w+|\d+[a-z]?\b)|\b(road|rd|street|st|avenue|ave|close|lane|row|way|drive|"
    r"crescent|terrace|court|gardens|place|square|hill)\b",
    re.IGNORECASE,
)

CARERS_BEFORE_POLICE = [
    "Check the child's room, the house and garden, and whether their phone, charger, money "
    "or clothes have gone.",
    "Phone and text the child. Leave a calm message asking them to get in touch.",
    "Contact the friends and family members listed in this plan.",
    "Check the places listed in this plan if it is safe to do so.",
    "If the child is not found, or you are worried at any time, call the police on 101 "
    "(999 if they are at immediate risk) and give them this plan.",
]
POLICE_ACTIONS = [
    "Take the missing report and grade the risk using this plan.",
    "Check the places, addresses, associates and vehicles listed in this plan.",
    "When the child is found, carry out the safe and well check: within 1 hour if the risk "
    "is high, otherwise within 3 hours.",
    "Tell children's social care (the Emergency Duty Team out of hours) and the missing "
    "children team, so that a Return Home Interview is offered.",
]


def said_only_aside(child: Child) -> set[tuple[str, str]]:
    """(kind, lower-case text) of names the notes use only in sentences read as hypothetical,
    denied or about someone else: never facts about the child, so never in a plan."""
    aside_keys: set[tuple[str, str]] = set()
    present_keys: set[tuple[str, str]] = set()
    for episode in child.episodes:
        for interview in episode.interviews:
            when = interview_date(interview)
            for answer in interview.answers:
                if answer.is_draft:
                    continue
                reading = reading_of(answer, when)
                for e in reading.entities:
                    key = (e.type, " ".join(e.text.split()).lower())
                    (aside_keys if aside(answer, reading, e) else present_keys).add(key)
    return aside_keys - present_keys


def _summaries(child: Child) -> list[Summary]:
    return list(db.session.scalars(
        db.select(Summary).join(Interview, Summary.interview_id == Interview.id)
        .join(Episode, Interview.episode_id == Episode.id)
        .where(Episode.child_id == child.id).order_by(Summary.generated_at)
    ))


def confirmed_cards(child: Child) -> list[EntityCard]:
    """Names a worker tied together in a shared summary (a person, vehicle or place), less any
    the notes name only as a possibility, in a denial or of someone else."""
    not_facts = said_only_aside(child)
    out: list[EntityCard] = []
    seen: set[tuple[tuple[str, str], ...]] = set()
    for summary in _summaries(child):
        for card in record_of(summary).cards:
            members = [(k, t) for k, t in card.members
                       if (k, " ".join(t.split()).lower()) not in not_facts]
            key = tuple(sorted(members))
            if len(members) >= 2 and key not in seen:
                seen.add(key)
                out.append(EntityCard(kind=card.kind, members=members))
    return out


def confirmed_entities(child: Child) -> dict[str, list[str]]:
    """People, places, vehicles and contacts that a person chose to share in a summary, less
    any the notes name only as a possibility, in a denial or of someone else."""
    out: dict[str, list[str]] = {}
    not_facts = said_only_aside(child)
    for summary in _summaries(child):
        for kind, values in record_of(summary).entities.items():
            for value in values or ():
                if (kind, " ".join(str(value).split()).lower()) not in not_facts:
                    _add(out.setdefault(kind, []), str(value))
    return out


def confirmed_suggestions(child: Child) -> list[Suggestion]:
    """Indicators a practitioner confirmed or added for this child, in any interview."""
    return list(db.session.scalars(
        db.select(Suggestion).join(Answer, Suggestion.answer_id == Answer.id)
        .join(Interview, Answer.interview_id == Interview.id)
        .join(Episode, Interview.episode_id == Episode.id)
        .where(Episode.child_id == child.id, Suggestion.status.in_(CONFIRMED),
               Suggestion.assertion == "present")
        .order_by(Suggestion.id)
    ))


def _add(values: list[str], value: str) -> None:
    value = " ".join(value.split())
    if value and value.lower() not in {v.lower() for v in values}:
        values.append(value)


def _local(value: datetime | None, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%d %B %Y, %H:%M") if value else "not recorded"


def draft(child: Child, now: datetime) -> dict[str, list[str] | str]:
    """A fresh plan from confirmed facts: lists for list fields, text for prose fields."""
    episodes = sorted(child.episodes, key=lambda e: (e.last_seen, e.id))
    zone = local_zone(child.team_id)
    cards = confirmed_cards(child)
    carded = {(k, t.lower()) for card in cards for k, t in card.members}
    entities = {kind: [v for v in values if (kind, v.lower()) not in carded]
                for kind, values in confirmed_entities(child).items()}
    plan: dict[str, list[str] | str] = {name: [] for name in LIST_FIELDS}
    field_of = {"person": "known_associates", "vehicle": "vehicles", "place": "frequented_places"}
    person_cards: list[tuple[str, str]] = []
    for card in cards:
        who, details = card_line(card)
        title = who.split(": ", 1)[1]
        _add(plan[field_of[card.kind]], f"{title} ({details})")  # type: ignore[arg-type]
        if card.kind == "person":
            person_cards.append((title, details))

    places: list[str] = plan["frequented_places"]  # type: ignore[assignment]
    addresses: list[str] = plan["addresses"]  # type: ignore[assignment]
    for episode in episodes:
        if episode.where_found:
            _add(places, f"{episode.where_found} (where found, {_local(episode.found, zone)})")
    for place in entities.get("PLACE", []):
        _add(addresses if _ADDRESS.search(place) else places, place)
    for person in entities.get("PERSON", []):
        _add(plan["known_associates"], person)  # type: ignore[arg-type]
    for vehicle in entities.get("VEHICLE", []):
        _add(plan["vehicles"], vehicle)  # type: ignore[arg-type]
    for plate in entities.get("PLATE", []):
        _add(plan["vehicles"], f"Registration {plate}")  # type: ignore[arg-type]

    from rhi_assistant.services.links import plan_lines

    for name, line in plan_lines(child):  # linked associates, vehicles and places
        if name == "frequented_places" and _ADDRESS.search(line):
            name = "addresses"
        _add(plan[name], line)  # type: ignore[arg-type]

    plan["lines_of_enquiry"] = enquiries.lines_of_enquiry(
        found=[(e.where_found, _local(e.found, zone)) for e in reversed(episodes)
               if e.where_found],
        entities=entities,
        confirmed=confirmed_suggestions(child),
        cards=person_cards,
    )
    if any(e.trafficking_concern for e in episodes):
        _add(plan["lines_of_enquiry"], "A trafficking concern is recorded on an episode: "  # type: ignore[arg-type]
             "make sure a National Referral Mechanism referral has been considered.")

    carers = list(CARERS_BEFORE_POLICE)
    if child.looked_after:
        carers.append("Tell the child's social worker, or the Emergency Duty Team out of hours.")
    plan["carers_before_police"] = carers
    plan["police_actions"] = list(POLICE_ACTIONS)

    team = db.session.get(Team, child.team_id)
    professionals: list[str] = plan["professionals"]  # type: ignore[assignment]
    if team:
        _add(professionals, f"{team.name} (Return Home Interviews)")
    if child.open_to_childrens_services or child.looked_after:
        _add(professionals, "Allocated social worker, children's social care")
    if child.youth_offending_service:
        _add(professionals, "Youth offending service")
    for agency in re.split(r"[;\n]", child.other_agencies or ""):
        _add(professionals, agency)

    plan["background"] = _background(child, episodes, now, zone)
    plan["approach"] = _approach(child)
    return plan


def _background(child: Child, episodes: list[Episode], now: datetime, zone: ZoneInfo) -> str:
    parts = [f"{child.display_name}, aged {child.age_on(now.astimezone(zone).date())}."
             if child.date_of_birth else f"{child.display_name}."]
    if child.looked_after:
        parts.append("Looked after" + (f" ({child.legal_status})." if child.legal_status else "."))
    elif child.address_area:
        parts.append(f"Lives in {child.address_area}.")
    if child.child_protection_plan:
        parts.append("Subject to a child protection plan.")
    if child.child_in_need_plan:
        parts.append("Has a child in need plan.")
    if child.open_to_childrens_services and not child.looked_after:
        parts.append("Open to children's social care.")
    if episodes:
        last = episodes[-1]
        parts.append(f"{len(episodes)} missing episode{'s' if len(episodes) != 1 else ''} "
                     f"recorded; the latest: last seen {_local(last.last_seen, zone)}, "
                     + (f"found {_local(last.found, zone)}." if last.found else "still missing."))
    return " ".join(parts)


def _approach(child: Child) -> str:
    parts = ["Approach calmly and without blame. Ask whether they are hurt and whether they "
             "want to talk, and tell them they can have an independent person for their "
             "Return Home Interview."]
    if child.languages:
        parts.append(f"Languages: {child.languages}.")
    if child.sen_or_disability and child.sen_or_disability.strip().lower() != "none known":
        parts.append(f"Additional needs: {child.sen_or_disability}.")
    return " ".join(parts)


def renew(previous: TriggerPlanVersion | None, fresh: dict[str, list[str] | str]) -> dict:
    """Keep what the worker wrote last time and add newly confirmed lines to it."""
    if previous is None:
        return fresh
    out: dict[str, list[str] | str] = {}
    for name in LIST_FIELDS:
        lines = previous.lines(name)
        for line in fresh.get(name, []):
            _add(lines, line)
        out[name] = lines
    for name in PROSE_FIELDS:
        out[name] = (getattr(previous, name) or "").strip() or fresh.get(name, "")
    return out


def latest(child: Child) -> TriggerPlanVersion | None:
    return db.session.scalar(
        db.select(TriggerPlanVersion).filter_by(child_id=child.id)
        .order_by(TriggerPlanVersion.version.desc()).limit(1))


def print_data(child: Child, version: TriggerPlanVersion) -> TriggerPlanData:
    """The saved version as the PDF renderer's plain data (and for the screen)."""
    return TriggerPlanData(
        child=TriggerPlanChild(name=child.display_name, date_of_birth=child.date_of_birth),
        version=version.version,
        updated_at=version.created_at,
        updated_by=version.created_by.name,
        background=version.background or "",
        approach=version.approach or "",
        **{name: version.lines(name) for name in LIST_FIELDS},
    )
