"""Classify a practitioner's question (Achieving Best Evidence / NICHD taxonomy).

The order of checks is the point: a question is first tested for suggestive
features (a tag "didn't he?", pressure, presumed facts), because a leading
question is the one a practitioner most needs flagged; then for a cue to
something the child said ("You mentioned..."); then open invitations; then
wh- questions (directive); then yes/no or either/or questions (option-posing).
Option-posing and suggestive questions get an open rewording chosen by topic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .lexicon import read_json
from .models import QuestionClassification


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    raw = read_json("questions.json")
    flags = re.I
    return {
        "suggestive": [(re.compile(r["re"], flags), r["why"]) for r in raw["suggestive"]],
        "cue": re.compile(raw["cue_markers"], flags),
        "invitation": re.compile(raw["invitation"], flags),
        "invitation_anywhere": re.compile(raw["invitation_anywhere"], flags),
        "wh": re.compile(raw["wh"], flags),
        "yes_no": re.compile(raw["yes_no"], flags),
        "lead_clause": re.compile(raw["lead_clause"], flags),
        "topics": [(re.compile(t["re"], flags), t["open"]) for t in raw["topics"]],
        "default_open": raw["default_open"],
        "why": re.compile(raw["why"]["re"], flags),
        "why_note": raw["why"]["note"],
        "why_open": [(re.compile(r["re"], flags), r["open"]) for r in raw["why"]["rewordings"]],
        "why_default": raw["why"]["default_open"],
    }


_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+")


def rewording_for(text: str) -> str:
    """An open invitation on the same topic as a closed or leading question."""
    rules = _rules()
    for rx, open_q in rules["topics"]:
        if rx.search(text):
            return open_q
    return rules["default_open"]


def classify_question(text: str) -> QuestionClassification:
    """Question type, a reason in plain English, and an open rewording when needed.

    A "why" question keeps its type but carries a note (it can sound blaming to a
    child) and an open rewording that fits it."""
    found = _classify(text)
    rules = _rules()
    q = " ".join(text.replace("\u2019", "'").split())
    if not rules["why"].search(q):
        return found
    rewording = found.rewording or _why_rewording(q)
    return QuestionClassification(
        found.text, found.question_type, rewording, found.reason, rules["why_note"]
    )


def _why_rewording(q: str) -> str:
    rules = _rules()
    for rx, open_q in rules["why_open"]:
        m = rx.search(q)
        if m:
            return open_q.format(rest=m.group("rest").rstrip(" ?.!"))
    return rules["why_default"]


def _classify(text: str) -> QuestionClassification:
    rules = _rules()
    q = " ".join(text.replace("\u2019", "'").split())
    for rx, why in rules["suggestive"]:
        if rx.search(q):
            return QuestionClassification(
                text, "suggestive", rewording_for(q), f"suggestive: {why}"
            )
    parts = [p for p in _SENT_SPLIT.split(q) if p]
    last = parts[-1] if parts else q
    has_cue = bool(rules["cue"].search(q))
    if has_cue and len(parts) == 1:
        # "You mentioned a white car earlier; tell me ..." - a clause break serves as well
        clauses = [
            c
            for c in re.split(
                r"[;:]\s*|\s+[-\u2013\u2014]\s+|,\s+(?=(?:tell|describe|talk|walk|what|who|where|when|how|which|why)\b)",
                q,
            )
            if c
        ]
        if len(clauses) > 1:
            parts = clauses
    last = parts[-1] if parts else q
    cued = (
        has_cue
        and len(parts) > 1
        or bool(has_cue and re.search(r"\btell me more\b|\bmore about\b", q, re.I))
        # one sentence that points back and invites: "Tell me about the man you mentioned."
        or bool(has_cue and rules["invitation"].search(q) and not rules["wh"].search(q))
    )
    if cued and (
        rules["invitation"].search(last)
        or rules["invitation_anywhere"].search(last)
        or rules["wh"].search(last)
    ):
        return QuestionClassification(
            text,
            "cued_invitation",
            None,
            "cued invitation: refers to what the child said, then invites more",
        )
    if rules["invitation"].search(last) or (
        not rules["wh"].search(last)
        and not rules["yes_no"].search(last)
        and rules["invitation_anywhere"].search(last)
    ):
        return QuestionClassification(
            text, "invitation", None, "invitation: an open prompt for free recall"
        )
    if rules["wh"].search(last):
        if re.search(r"\bor\b", last) and re.search(r"^\s*(?:which|what)\b", last, re.I) is None:
            pass
        else:
            return _directive(text)
    if rules["yes_no"].search(last) or re.search(r"\bor\b", last):
        return _option_posing(text, last, q)
    found = _after_a_lead_clause(text, last)
    if found is not None:
        return found
    if last.rstrip().endswith("?"):
        return QuestionClassification(
            text,
            "suggestive",
            rewording_for(q),
            "suggestive: a statement put as a question presumes the answer",
        )
    return QuestionClassification(text, "invitation", None, "invitation: an open prompt")


def _after_a_lead_clause(text: str, last: str) -> QuestionClassification | None:
    """Type a question put after a leading "if/when ..." clause by its final clause.

    "If you can't remember, is that ok?" is a yes/no question, not a statement put
    as a question: the lead clause sets a condition, it asserts nothing. Suggestive
    wordings were already checked on the whole question before this is reached."""
    rules = _rules()
    if not rules["lead_clause"].search(last) or "," not in last:
        return None
    tail = last.rsplit(",", 1)[1].strip()
    if rules["wh"].search(tail):
        return _directive(text)
    if rules["yes_no"].search(tail) or re.match(
        r"(?:shall|should|can|could|may) (?:we|i)\b", tail, re.I
    ):
        return _option_posing(text, tail, text)
    return None


def _directive(text: str) -> QuestionClassification:
    return QuestionClassification(
        text, "directive", None, "directive: a wh- question about a detail"
    )


def _option_posing(text: str, clause: str, topic: str) -> QuestionClassification:
    """A yes/no or either/or `clause`, with an open rewording on the `topic` text."""
    kind = "either/or" if re.search(r"\bor\b", clause) else "yes/no"
    return QuestionClassification(
        text,
        "option_posing",
        rewording_for(topic),
        f"option-posing: a {kind} question that offers the answer",
    )
