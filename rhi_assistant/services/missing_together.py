"""Children missing together: episodes that overlap in time, where the children were found
together or one names the other.

Why: the protocols ask the police and the team to "disrupt groups of young people who go
missing together"; today each child's episode is read alone. Two of a team's children are
linked when their episodes overlap in time and

* they were found at the same place (`places.place_key`, near-identical spellings
  allowed) within `FOUND_TOGETHER_HOURS` of each other, or
* one child's record names the other: in "who were they with when found"
  (`Episode.found_with`), or among the people a practitioner confirmed from the notes for a
  summary of that episode.

A name matches a child's full name (first or preferred name and surname), compared without
case or punctuation and allowing a small misspelling; a first name alone never does, since
common first names would link strangers. Linked children form groups (a links to b, b to c:
one group of three), each shown with its episodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from rapidfuzz import fuzz

from rhi_assistant.models import Child, Episode
from rhi_assistant.services.places import SAME_PLACE, confirmed_entities, episodes_in, lines
from rhi_assistant.services.places import place_key as _key

FOUND_TOGETHER_HOURS = 3
#: A name at least this alike (rapidfuzz ratio, 0-100) to a child's full name names them.
SAME_NAME = 90


@dataclass(frozen=True)
class Link:
    """Why two episodes are together: `reason` is found_together, named_when_found or
    named_in_notes; `by` is the episode whose record says so (the naming one)."""

    by: Episode
    other: Episode
    reason: str


@dataclass
class Group:
    child_ids: list[int] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    @property
    def children(self) -> list[Child]:
        seen: dict[int, Child] = {}
        for e in self.episodes:
            seen.setdefault(e.child_id, e.child)
        return list(seen.values())


def full_names(child: Child) -> set[str]:
    surname = child.last_name or ""
    return {_key(f"{first} {surname}") for first in (child.first_name, child.preferred_name)
            if first}


def names(text: str, child: Child) -> bool:
    """Whether `text` (one name) is the child's full name, allowing a small misspelling."""
    said = _key(text)
    return bool(said) and any(fuzz.ratio(said, name) >= SAME_NAME for name in full_names(child))


def _overlap(a: Episode, b: Episode, now: datetime) -> bool:
    return a.last_seen < (b.found or now) and b.last_seen < (a.found or now)


def _found_together(a: Episode, b: Episode) -> bool:
    if not (a.where_found and b.where_found and a.found and b.found):
        return False
    close = abs(a.found - b.found) <= timedelta(hours=FOUND_TOGETHER_HOURS)
    return close and fuzz.token_sort_ratio(_key(a.where_found), _key(b.where_found)) >= SAME_PLACE


def links(episodes: list[Episode], now: datetime) -> list[Link]:
    """Every reason two different children's overlapping episodes are together."""
    people = {eid: kinds.get("PERSON", [])
              for eid, kinds in confirmed_entities([e.id for e in episodes]).items()}
    out: list[Link] = []
    ordered = sorted(episodes, key=lambda e: e.last_seen)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.last_seen >= (a.found or now):
                break  # later episodes begin after this one ended
            if a.child_id == b.child_id or not _overlap(a, b, now):
                continue
            if _found_together(a, b):
                out.append(Link(a, b, "found_together"))
            for by, other in ((a, b), (b, a)):
                if any(names(line, other.child) for line in lines(by.found_with)):
                    out.append(Link(by, other, "named_when_found"))
                elif any(names(person, other.child) for person in people.get(by.id, [])):
                    out.append(Link(by, other, "named_in_notes"))
    return out


def groups(found: list[Link]) -> list[Group]:
    """Links joined into groups of children (union-find), newest episode first."""
    parent: dict[int, int] = {}

    def root(child_id: int) -> int:
        parent.setdefault(child_id, child_id)
        while parent[child_id] != child_id:
            parent[child_id] = parent[parent[child_id]]
            child_id = parent[child_id]
        return child_id

    for link in found:
        parent[root(link.by.child_id)] = root(link.other.child_id)
    by_root: dict[int, Group] = {}
    for link in found:
        group = by_root.setdefault(root(link.by.child_id), Group())
        group.links.append(link)
        for e in (link.by, link.other):
            if e not in group.episodes:
                group.episodes.append(e)
            if e.child_id not in group.child_ids:
                group.child_ids.append(e.child_id)
    out = list(by_root.values())
    for group in out:
        group.episodes.sort(key=lambda e: (e.last_seen, e.id))
    return sorted(out, key=lambda g: max(e.last_seen for e in g.episodes), reverse=True)


def team_groups(team_id: int, start: datetime, end: datetime, now: datetime) -> list[Group]:
    """The team's children missing together in episodes open in the period."""
    return groups(links(episodes_in(team_id, start, end), now))
