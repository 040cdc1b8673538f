"""Where a team's children were found, stayed or were taken, counted by place over a period.

Why: the protocols ask managers to see "the same locations" across children (hotspots,
people targeting areas), and each place sits in one child's record as words. This module
reads the three places a record holds for an episode and counts them, so a manager sees
which places recur across children:

* where the child was found (`Episode.where_found`),
* where they stayed or were taken while missing (`Episode.places_stayed`, one a line),
* places a practitioner confirmed from the notes by choosing them for an intelligence-sharing
  summary (entities of type PLACE in the summary's record): only a person's choice counts,
  never an unconfirmed suggestion.

Spellings of one place ("Bus station, Bristol", "bus station bristol") count as one
(`place_key`, then rapidfuzz for near-identical keys). Counting works on one team's records
only; the page decides which children it may name (web/places/routes.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz import fuzz

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Episode, Interview, Summary
from rhi_assistant.services.summary_record import record_of

#: What a mention of a place says about it: where found, stayed or taken, named in the notes.
KINDS = ("found", "stayed", "named")
#: Two spellings at least this alike (rapidfuzz token sort ratio, 0-100) are one place.
SAME_PLACE = 90
_PUNCTUATION = re.compile(r"[^\w\s]+")


@dataclass(frozen=True)
class PlaceMention:
    place: str
    kind: str
    child_id: int
    episode_id: int
    when: datetime


@dataclass
class PlaceCount:
    """One place and how often it comes up: episodes by kind, and the children concerned."""

    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    episodes_by_kind: dict[str, set[int]] = field(
        default_factory=lambda: {kind: set() for kind in KINDS})
    child_ids: set[int] = field(default_factory=set)
    episode_ids: set[int] = field(default_factory=set)

    @property
    def label(self) -> str:
        """The spelling used most often; of equals, the one with capitals and punctuation
        (written with care), then the first seen."""
        return self._by_use()[0]

    def _by_use(self) -> list[str]:
        order = list(self.spellings)
        return sorted(order, key=lambda t: (-self.spellings[t], t == t.casefold(), -len(t),
                                            order.index(t)))

    @property
    def other_spellings(self) -> list[str]:
        return self._by_use()[1:]

    @property
    def children(self) -> int:
        return len(self.child_ids)

    @property
    def episodes(self) -> int:
        return len(self.episode_ids)

    def count(self, kind: str) -> int:
        return len(self.episodes_by_kind[kind])


def place_key(text: str) -> str:
    """A place's words compared without case, punctuation, "the" or "&" spellings."""
    words = _PUNCTUATION.sub(" ", text.casefold().replace("&", " and ")).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def lines(text: str | None) -> list[str]:
    """A one-a-line field as its non-empty lines (commas stay: they are part of a place)."""
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


def episodes_in(team_id: int, start: datetime, end: datetime) -> list[Episode]:
    """The team's episodes open at any time in [start, end): last seen before the end, and
    found after the start or not found yet."""
    return list(db.session.scalars(
        db.select(Episode).join(Child, Episode.child_id == Child.id)
        .where(Child.team_id == team_id, Episode.last_seen < end,
               db.or_(Episode.found.is_(None), Episode.found >= start))
        .order_by(Episode.last_seen, Episode.id)))


def confirmed_entities(episode_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """Entities a practitioner chose for a summary, per episode and kind (PLACE, PERSON...)."""
    out: dict[int, dict[str, list[str]]] = {}
    if not episode_ids:
        return out
    rows = db.session.execute(
        db.select(Interview.episode_id, Summary).join(Interview,
                                                      Summary.interview_id == Interview.id)
        .where(Interview.episode_id.in_(episode_ids)).order_by(Summary.generated_at))
    for episode_id, summary in rows:
        for kind, values in record_of(summary).entities.items():
            kept = out.setdefault(episode_id, {}).setdefault(kind, [])
            for value in values or ():
                if str(value).strip() and str(value) not in kept:
                    kept.append(str(value))
    return out


def mentions(episodes: list[Episode]) -> list[PlaceMention]:
    """Every place each episode's record holds, with what it says of the place."""
    named = confirmed_entities([e.id for e in episodes])
    out: list[PlaceMention] = []
    for e in episodes:
        when = e.found or e.last_seen
        if e.where_found and e.where_found.strip():
            out.append(PlaceMention(" ".join(e.where_found.split()), "found", e.child_id, e.id,
                                    when))
        for place in lines(e.places_stayed):
            out.append(PlaceMention(place, "stayed", e.child_id, e.id, when))
        for place in named.get(e.id, {}).get("PLACE", []):
            out.append(PlaceMention(" ".join(place.split()), "named", e.child_id, e.id, when))
    return out


def count_places(found: list[PlaceMention]) -> list[PlaceCount]:
    """Mentions grouped by place; most children first, then most episodes, then by name."""
    places: list[PlaceCount] = []
    by_key: dict[str, PlaceCount] = {}
    for mention in found:
        key = place_key(mention.place)
        if not key:
            continue
        place = by_key.get(key)
        if place is None:
            place = next((p for p in places if fuzz.token_sort_ratio(p.key, key) >= SAME_PLACE),
                         None)
            if place is None:
                place = PlaceCount(key)
                places.append(place)
            by_key[key] = place
        place.spellings[mention.place] += 1
        place.episodes_by_kind[mention.kind].add(mention.episode_id)
        place.child_ids.add(mention.child_id)
        place.episode_ids.add(mention.episode_id)
    return sorted(places, key=lambda p: (-p.children, -p.episodes, p.label.casefold()))


def team_places(team_id: int, start: datetime, end: datetime) -> list[PlaceCount]:
    """The team's places for episodes open in the period, counted."""
    return count_places(mentions(episodes_in(team_id, start, end)))
