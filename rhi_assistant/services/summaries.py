"""Builds the intelligence-sharing summary: the minimum necessary, confirmed items only.

A rejected or undecided suggestion, and anything the notes deny, imagine or say
of someone else, never reaches a summary: only a person's confirmed
indicators and the people, places and vehicles they chose to share.
"""

from __future__ import annotations

from rhi_assistant import clock, nlp, vocabulary
from rhi_assistant.extensions import db
from rhi_assistant.models import Interview, SerafAssessment
from rhi_assistant.services.episodes import profile_for
from rhi_assistant.services.interviews import confirmed_suggestions, interview_date
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


def entity_candidates(interview: Interview) -> list[dict]:
    """People, places, vehicles and contacts named in the submitted notes, for a person to pick."""
    seen: set[tuple[str, str]] = set()
    out: list[dict] = []
    when = interview_date(interview)
    for answer in interview.answers:
        if answer.is_draft or answer.state != "answered" or not answer.text:
            continue
        for e in nlp.analyse(answer.text, interview_date=when).entities:
            key = (e.type, e.text.strip().lower())
            if e.type in ENTITY_KINDS and key not in seen:
                seen.add(key)
                out.append({"type": e.type, "text": e.text.strip(),
                            "key": f"{e.type}:{e.text.strip()}"})
    return out


def build_snapshot(
    interview: Interview,
    *,
    user_name: str,
    recipients: list[str],
    purpose: str,
    legal_basis: str,
    chosen_entities: list[str],
    next_steps: list[str],
) -> dict:
    episode = interview.episode
    child = episode.child
    confirmed = confirmed_suggestions(interview)
    push = [_item(s) for s in confirmed if vocabulary.in_groups(s.indicator, Group.PUSH)]
    pull = [_item(s) for s in confirmed if vocabulary.in_groups(s.indicator, Group.PULL)]
    concern_items = [_item(s) for s in confirmed
                     if not vocabulary.in_groups(s.indicator, *vocabulary.FACTOR_GROUPS)]
    entities: dict[str, list[str]] = {t: [] for t in ENTITY_KINDS}
    for key in chosen_entities:
        etype, _sep, text = key.partition(":")
        if etype in entities and text and text not in entities[etype]:
            entities[etype].append(text)
    seraf = db.session.scalar(db.select(SerafAssessment).filter_by(interview_id=interview.id))
    age = child.age_on(clock.today(profile_for(child)))
    duration = None
    if episode.found:
        hours = (episode.found - episode.last_seen).total_seconds() / 3600
        duration = f"{hours:.1f} hours"
    return {
        "reference": f"{child.reference}-{interview.id}",
        "generated_at": clock.now().isoformat(),
        "generated_by": user_name,
        "child": {
            "name": child.display_name,
            "date_of_birth": child.date_of_birth.isoformat() if child.date_of_birth else None,
            "age": age,
            "gender": child.gender,
            "ethnicity": child.ethnicity,
            "languages": child.languages,
            "address_area": child.address_area,
            "young_adult": episode_is_adult(episode),
        },
        "episode": {
            "last_seen": episode.last_seen.isoformat(),
            "reported": episode.reported_missing.isoformat() if episode.reported_missing else None,
            "found": episode.found.isoformat() if episode.found else None,
            "missing_from": episode.missing_from,
            "police_risk": episode.police_risk,
            "duration_text": duration,
            "placement": (episode.placement_area or "")
            + (" (out of area)" if episode.placement_out_of_area else ""),
        },
        "push_factors": push,
        "pull_factors": pull,
        "indicators": concern_items,
        "entities": entities,
        "seraf": {
            "total": seraf.score_total,
            "category": seraf.category,
            "overridden": seraf.override_category is not None,
            "override_reason": seraf.override_reason,
            "signed_off": seraf.status == "signed_off",
        } if seraf else None,
        "next_steps": next_steps,
        "shared_with": [RECIPIENTS.get(r, r) for r in recipients],
        "purpose": purpose,
        "legal_basis": LEGAL_BASES.get(legal_basis, legal_basis),
    }


def _item(s) -> dict:
    return {
        "indicator": s.indicator,
        "label": vocabulary.label(s.indicator),
        "concerns": vocabulary.concerns(s.indicator),
        "window": s.window or Window.RECENT.value,
        "evidence": s.evidence or "",
        "note": "added by the practitioner" if s.status == SuggestionStatus.ADDED else None,
    }


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
