"""Groups of mentions that name one real thing (shared/spec/links.md).

Complete mentions link to their equals (transitively); a partial mention joins the one complete
group that fits it, and none when none or several do; two partial mentions never link on their
own. A group is reported only when it spans two or more children.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rhi_assistant.links import people, places, plates, vehicles
from rhi_assistant.links.reading import Reading, Strength, read_mention

_FITS: dict[str, Callable[[Reading, Reading], bool]] = {
    "PLATE": plates.fits, "VEHICLE": vehicles.fits, "PERSON": people.fits,
}


@dataclass(frozen=True)
class Mention:
    """One confirmed mention: `id` and `child` are the caller's (strings or numbers)."""

    id: str
    child: str
    type: str
    text: str
    date: str = ""


@dataclass(frozen=True)
class LinkGroup:
    type: str
    mentions: tuple[Mention, ...]

    @property
    def children(self) -> tuple[str, ...]:
        return tuple(sorted({m.child for m in self.mentions}, key=str))

    def to_dict(self) -> dict[str, object]:
        return {"type": self.type, "mentions": sorted(m.id for m in self.mentions),
                "children": list(self.children)}


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def link_groups(mentions: Iterable[Mention], *, all_groups: bool = False) -> list[LinkGroup]:
    """The link groups of `mentions`: those spanning two or more children (every group of two
    or more mentions with `all_groups`). Mentions of types not known are ignored."""
    by_type: dict[str, list[tuple[Mention, Reading]]] = defaultdict(list)
    for mention in mentions:
        try:
            reading = read_mention(mention.type, mention.text)
        except ValueError:
            continue
        if reading.links:
            by_type[mention.type].append((mention, reading))
    out: list[LinkGroup] = []
    for type_, items in by_type.items():
        for group in _groups_of_type(type_, items):
            linked = LinkGroup(type_, tuple(group))
            if len(group) > 1 and (all_groups or len(linked.children) > 1):
                out.append(linked)
    return out


def _signature(reading: Reading) -> tuple:
    """Two readings with one signature are the same thing written the same way."""
    return (reading.strength, reading.key, tuple(sorted(reading.data.items())))


def _groups_of_type(type_: str, items: list[tuple[Mention, Reading]]) -> list[list[Mention]]:
    complete = [i for i, (_, r) in enumerate(items) if r.strength is Strength.COMPLETE]
    partial = [i for i, (_, r) in enumerate(items) if r.strength is Strength.PARTIAL]
    union = _Union(len(items))
    # Mentions that read the same are one thing: join them first and compare one of each,
    # so a lookup that finds a thousand "Kez" compares one.
    reps = complete
    if type_ != "PLACE":  # a place without a town may fit two: never joined on sight
        first_of: dict[tuple, int] = {}
        reps = []
        for i in complete:
            sig = _signature(items[i][1])
            if sig in first_of:
                union.join(first_of[sig], i)
            else:
                first_of[sig] = i
                reps.append(i)
    usable = set(reps)
    if type_ == "PERSON":
        _join_people(items, reps, union)
    elif type_ == "PLACE":
        usable = _join_places(items, reps, union)
    else:
        first: dict[str, int] = {}
        for i in reps:
            union.join(first.setdefault(items[i][1].key, i), i)
    fits = _FITS.get(type_)
    roots = {union.find(i) for i in usable}
    decided: dict[tuple, int | None] = {}
    joins: list[tuple[int, int]] = []
    for i in partial:
        if fits is None:
            continue
        sig = _signature(items[i][1])
        if sig not in decided:
            fitting = {union.find(j) for j in usable if fits(items[i][1], items[j][1])}
            decided[sig] = fitting.pop() if len(fitting) == 1 and fitting <= roots else None
        root = decided[sig]
        if root is not None:
            joins.append((i, root))
    for i, root in joins:  # after all are decided: partials never link through each other
        union.join(i, root)
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, (mention, _) in enumerate(items):
        groups[union.find(i)].append(mention)
    return list(groups.values())


def _join_people(items: list[tuple[Mention, Reading]], complete: list[int],
                 union: _Union) -> None:
    nick: dict[str, int] = {}
    for i in complete:
        key = items[i][1].data.get("nickname")
        if key:
            union.join(nick.setdefault(key, i), i)
    from rhi_assistant.links.keys import family_variants

    # Only full names whose family names share a variant can match: compare within those.
    buckets: dict[str, list[int]] = defaultdict(list)
    for i in complete:
        if "family" in items[i][1].data:
            data = items[i][1].data
            for variant in family_variants(data["family"], data["family_parts"]):
                buckets[variant].append(i)
    for bucket in buckets.values():
        for a_at, a in enumerate(bucket):
            for b in bucket[a_at + 1:]:
                if union.find(a) != union.find(b) and people.same(items[a][1], items[b][1]):
                    union.join(a, b)


def _join_places(items: list[tuple[Mention, Reading]], complete: list[int],
                 union: _Union) -> set[int]:
    """Same name; located mentions join when their locations agree; one that gives no location
    joins the only located place of its name, or the others like it when none is located.
    Returns the mentions that may link (an unlocated one that fits two places may not)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i in complete:
        by_key[items[i][1].key].append(i)
    usable: set[int] = set()
    for same_name in by_key.values():
        located = [i for i in same_name if places.located(items[i][1])]
        loose = [i for i in same_name if not places.located(items[i][1])]
        for a_at, a in enumerate(located):
            for b in located[a_at + 1:]:
                if places.compatible(items[a][1], items[b][1]):
                    union.join(a, b)
        clusters = {union.find(i) for i in located}
        usable.update(located)
        if len(clusters) > 1:
            continue  # fits two places: links to neither
        for i in loose:
            union.join(i, clusters.pop() if clusters else loose[0])
            clusters = {union.find(i)}
            usable.add(i)
    return usable
