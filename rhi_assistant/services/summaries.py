"""Builds the intelligence-sharing summary: the minimum necessary, confirmed items only.

A rejected or undecided suggestion, and anything the notes deny, imagine or say
of someone else, never reaches a summary: only a person's confirmed
indicators and the people, places and vehicles they chose to share.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from rhi_assistant import clock, vocabulary
from rhi_assistant.extensions import db
from rhi_assistant.models import ExploitationAssessment, Interview, SerafAssessment, Suggestion
from rhi_assistant.nlp.sentences import sentence_around
from rhi_assistant.reports.data import (
    CHILD_QUOTED,
    FROM_NOTES,
    ChildSummary,
    ConfirmedIndicator,
    EntityCard,
    EpisodeSummary,
    ExploitationLevel,
    NetworkThing,
    SerafSummary,
    SummaryData,
    Wish,
)
from rhi_assistant.reports.text import concern_heading
from rhi_assistant.services import exploitation as exploitation_risk
from rhi_assistant.services.entity_context import aside
from rhi_assistant.services.episodes import profile_for
from rhi_assistant.services.interviews import confirmed_suggestions, flow_for, interview_date
from rhi_assistant.services.readings import reading_of
from rhi_assistant.services.seraf import scoring_for
from rhi_assistant.services.transition import episode_is_adult
from rhi_assistant.vocabulary import ENTITY_KINDS, Concern, Group, SuggestionStatus, Window

LEGAL_BASES = {
    "safeguarding_public_task": "Public task and substantial public interest: safeguarding "
    "children and individuals at risk (UK GDPR Art. 6(1)(e), DPA 2018 Sch. 1 para. 18)",
    "vital_interests": "Vital interests: risk of serious harm (UK GDPR Art. 6(1)(d))",
    "consent": "Consent of the young person (recorded)",
    "law_enforcement": "Prevention or detection of crime (DPA 2018 Part 3 / Sch. 2 para. 2)",
}
RECIPIENTS = {
    "police_missing_team": "Police missing person coordinator",
    "police_exploitation_team": "Police child exploitation team",
    "childrens_social_care": "Children's social care",
    "education": "School or college safeguarding lead",
    "health": "Health (school nurse or GP safeguarding lead)",
    "youth_justice": "Youth justice service",
}


@dataclass(frozen=True)
class NamedEntity:
    """A person, place, vehicle or contact named in the notes, as offered for a summary."""

    kind: str
    text: str
    #: Why it is not offered ready-ticked (hypothetical, denied, about someone else), if so.
    aside: str | None = field(default=None, compare=False)

    @property
    def token(self) -> str:
        """The entity as one form value (a checkbox's), read back by `from_token`."""
        return json.dumps([self.kind, self.text], ensure_ascii=False)

    @classmethod
    def from_token(cls, token: str | NamedEntity) -> NamedEntity:
        """A form value back into an entity; ValueError tells the form it was not one."""
        if isinstance(token, NamedEntity):
            return token
        try:
            kind, text = json.loads(token)
        except (TypeError, ValueError) as error:
            raise ValueError(f"not an entity: {token!r}") from error
        if not isinstance(kind, str) or not isinstance(text, str):
            raise ValueError(f"not an entity: {token!r}")
        return cls(kind=kind, text=text)


def entity_candidates(interview: Interview) -> list[NamedEntity]:
    """People, places, vehicles and contacts named in the submitted notes, for a person to pick.

    Taken from the reading stored with each answer when it was saved. One named anywhere
    as a fact about the child is offered ready-ticked; one named only in sentences read as
    hypothetical, denied or about someone else carries why (`aside`) and is not.
    """
    found: dict[tuple[str, str], NamedEntity] = {}
    when = interview_date(interview)
    for answer in interview.answers:
        if answer.is_draft:
            continue
        reading = reading_of(answer, when)
        for e in reading.entities:
            key = (e.type, e.text.strip().lower())
            if e.type not in ENTITY_KINDS:
                continue
            why = aside(answer, reading, e)
            held = found.get(key)
            if held is None or (held.aside and not why):
                found[key] = NamedEntity(kind=e.type, text=held.text if held else e.text.strip(),
                                         aside=why)
    return list(found.values())


def build_record(
    interview: Interview,
    *,
    user_name: str,
    recipients: list[str],
    purpose: str,
    legal_basis: str,
    chosen_entities: list[NamedEntity],
    next_steps: list[str],
    groups: list[list[NamedEntity]] | None = None,
    chosen_links: list[str] | None = None,
    network: list[NetworkThing] | None = None,
) -> SummaryData:
    """The summary exactly as it will be shared, stored as it is and printed from it.

    ``groups``: names the worker tied together (each becomes a person, vehicle or place
    card); only names also chosen for sharing go on a card.
    """
    episode = interview.episode
    child = episode.child
    confirmed = confirmed_suggestions(interview)
    push = [_factor(s) for s in confirmed if vocabulary.in_groups(s.indicator, Group.PUSH)]
    pull = [_factor(s) for s in confirmed if vocabulary.in_groups(s.indicator, Group.PULL)]
    concern_items = [_item(s) for s in confirmed
                     if not vocabulary.in_groups(s.indicator, *vocabulary.FACTOR_GROUPS)]
    entities: dict[str, list[str]] = {t: [] for t in ENTITY_KINDS}
    for chosen in chosen_entities:
        if chosen.kind in entities and chosen.text and chosen.text not in entities[chosen.kind]:
            entities[chosen.kind].append(chosen.text)
    shared = {(c.kind, c.text) for c in chosen_entities}
    cards = [card for group in groups or []
             if (card := entity_card([(g.kind, g.text) for g in group
                                      if (g.kind, g.text) in shared])) is not None]
    seraf = db.session.scalar(db.select(SerafAssessment).filter_by(interview_id=interview.id))
    age = child.age_on(clock.today(profile_for(child)))
    duration = None
    if episode.found:
        hours = (episode.found - episode.last_seen).total_seconds() / 3600
        duration = f"{hours:.1f} hours"
    return SummaryData(
        reference=f"{child.reference}-{interview.id}",
        generated_at=clock.now(),
        generated_by=user_name,
        child=ChildSummary(
            name=child.display_name,
            date_of_birth=child.date_of_birth,
            age=age,
            gender=child.gender,
            ethnicity=child.ethnicity,
            languages=child.languages,
            address_area=child.address_area,
            young_adult=episode_is_adult(episode),
        ),
        episode=EpisodeSummary(
            last_seen=episode.last_seen,
            reported=episode.reported_missing,
            found=episode.found,
            missing_from=episode.missing_from or "",
            police_risk=episode.police_risk or "",
            duration_text=duration,
            placement=((episode.placement_area or "")
                       + (" (out of area)" if episode.placement_out_of_area else "")) or None,
            where_found=episode.where_found or None,
        ),
        push_factors=push,
        pull_factors=pull,
        indicators=concern_items,
        entities=entities,
        cards=cards,
        wishes=wishes(interview),
        links=list(chosen_links or []),
        network=list(network or []),
        seraf=SerafSummary(
            total=seraf.score_total,
            category=seraf.category,
            category_label=vocabulary.seraf_category_label(seraf.category, scoring_for(interview))
            or "Not assessed",
            overridden=seraf.override_category is not None,
            override_reason=seraf.override_reason,
        ) if seraf else None,
        exploitation=exploitation_levels(interview),
        next_steps=next_steps,
        shared_with=[RECIPIENTS.get(r, r) for r in recipients],
        purpose=purpose,
        legal_basis=LEGAL_BASES.get(legal_basis, legal_basis),
        suggested_grading=None,
        handling_note="Partners do not grade intelligence: the receiving officer grades it.",
    )


def exploitation_levels(interview: Interview) -> list[ExploitationLevel]:
    """The exploitation risk assessment's levels, only once someone has made one: opening
    the summary stores nothing, and a level nobody looked at is not shared as a judgement."""
    row = db.session.scalar(
        db.select(ExploitationAssessment).filter_by(interview_id=interview.id))
    if row is None:
        return []
    return [
        ExploitationLevel(
            concern=concern_heading(c["concern"]),
            level_label=(c["override"] or c["computed"]).label,
            ticked=len(c["ticked"]),
            overridden=c["override"] is not None,
            override_reason=c["reason"] or None,
            computed_label=c["computed"].label if c["override"] else None,
        )
        for c in exploitation_risk.summary(row)
    ]


def entity_card(members: list[tuple[str, str]]) -> EntityCard | None:
    """A card of two or more names: a person's if it names a person or a way to reach one,
    a vehicle's if a vehicle or plate, else a place's."""
    members = list(dict.fromkeys(members))
    if len(members) < 2:
        return None
    kinds = {k for k, _ in members}
    if "PERSON" in kinds or not kinds & {"VEHICLE", "PLATE", "PLACE"}:
        kind = "person"
    elif kinds & {"VEHICLE", "PLATE"}:
        kind = "vehicle"
    else:
        kind = "place"
    return EntityCard(kind=kind, members=members)


# Pages whose answers are the child's own wishes: the flow tags them (data, not code).
WISH_TAG = "help"


def wishes(interview: Interview) -> list[Wish]:
    """What the child said would help, and who they would contact: the notes of every answered
    page the flow tags ``help``, whole, in the flow's order."""
    out = []
    for page in flow_for(interview).pages:
        if WISH_TAG not in page.tags:
            continue
        answer = interview.answer_for(page.id)
        if answer is None or answer.is_draft or answer.state != "answered":
            continue
        notes = (answer.text or "").strip()
        if notes:
            out.append(Wish(question=page.title, notes=notes))
    return out


def _evidence(s: Suggestion) -> tuple[str, str]:
    """The whole sentence of the notes the indicator was read in, and whose words it is.

    The notes are the worker's words; only a match inside quotation marks in them is the
    child's own.
    """
    text = s.answer.text or ""
    sentence = sentence_around(text, s.start, s.end, s.evidence) or (s.evidence or "")
    source = FROM_NOTES
    at = text.find(s.evidence) if s.evidence else -1
    if at >= 0:
        before = text[:at]
        if before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d"):
            source = CHILD_QUOTED
    return sentence, source


def _item(s: Suggestion) -> ConfirmedIndicator:
    evidence, source = _evidence(s)
    return ConfirmedIndicator(
        indicator=s.indicator,
        label=vocabulary.label(s.indicator),
        concerns=tuple(vocabulary.concerns(s.indicator)),
        window=s.window or Window.RECENT.value,
        evidence=evidence,
        note="added by the practitioner" if s.status == SuggestionStatus.ADDED else None,
        source=source,
    )


def _factor(s: Suggestion) -> str:
    """A push or pull factor as one line: its label, then the sentence of the notes if any."""
    label = vocabulary.label(s.indicator)
    evidence, _source = _evidence(s)
    return f"{label}: \u201c{evidence}\u201d" if evidence else label


def default_next_steps(interview: Interview) -> list[str]:
    confirmed = confirmed_suggestions(interview)
    concerns = {c for s in confirmed for c in vocabulary.concerns(s.indicator)}
    steps = []
    if Concern.CSE in concerns or Concern.CCE in concerns:
        steps.append("Consider a strategy discussion with police and children's social care.")
    if Concern.TRAFFICKING in concerns:
        steps.append("Make a National Referral Mechanism referral (no consent needed for a child).")
    if any(vocabulary.in_groups(s.indicator, Group.CCE) for s in confirmed):
        steps.append("Share locations and associates with the police exploitation team.")
    steps.append("Review the trigger plan and update it with what was learned.")
    return steps
