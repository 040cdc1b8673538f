"""Links across children on stored records: confirm or reject a mention, find the links of a
child's confirmed mentions through the blind index, and remember "not the same".

A lookup costs a bounded number of indexed queries whatever the caseload: the probe keys'
digests (one query on `link_mention_key.digest`), the candidates they name (one), the keys of
the complete things a partial mention joined (one more of each), and the "not the same"
decisions (one). Only the candidates are decrypted and put through the matching engine
(`rhi_assistant.links`), which decides; nothing scans every note.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, insert, or_, select

from rhi_assistant.crypto import blind_digest
from rhi_assistant.extensions import db
from rhi_assistant.links import Mention, link_groups, read_mention
from rhi_assistant.links.keys import identity_keys, index_keys, probe_keys
from rhi_assistant.links.reading import TYPES, Strength
from rhi_assistant.links.text import fold
from rhi_assistant.models import Child, LinkMention, LinkMentionKey, LinkNotSame

_CHUNK = 500  # digests a query at most (SQLite's limit on bound values is far above)


@dataclass
class ChildLink:
    """One link group as seen from a child: their own mentions and the other children's."""

    type: str
    here: list[LinkMention]
    others: list[LinkMention] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The thing linked, as this child's notes wrote it first."""
        return self.here[0].text


def text_digest(kind: str, text: str) -> str:
    return blind_digest(f"mention|{kind}|{fold(text)}")


def mention_of(child: Child, kind: str, text: str) -> LinkMention | None:
    return db.session.scalar(select(LinkMention).filter_by(
        child_id=child.id, text_digest=text_digest(kind, text)))


def decide(child: Child, kind: str, text: str, *, decision: str, user_id: int | None,
           recorded_on: date, interview_id: int | None = None) -> LinkMention:
    """Record a person's decision on a mention in the child's notes: confirmed mentions are
    indexed, rejected ones are kept (so they are not offered again) and never link."""
    if kind not in TYPES or decision not in ("confirmed", "rejected"):
        raise ValueError((kind, decision))
    text = text.strip()
    mention = mention_of(child, kind, text)
    if mention is None:
        mention = LinkMention(child_id=child.id, kind=kind, text=text,
                              text_digest=text_digest(kind, text), recorded_on=recorded_on,
                              interview_id=interview_id, status=decision)
        db.session.add(mention)
    mention.status = decision
    mention.decided_by_id = user_id
    db.session.flush()
    reindex(mention)
    return mention


def reindex(mention: LinkMention) -> None:
    db.session.execute(delete(LinkMentionKey).where(LinkMentionKey.mention_id == mention.id))
    if not mention.is_confirmed:
        return
    keys = index_keys(read_mention(mention.kind, mention.text))
    if keys:
        db.session.execute(insert(LinkMentionKey), [
            {"mention_id": mention.id, "digest": blind_digest(k)} for k in sorted(keys)])


def mentions_of(child: Child) -> list[LinkMention]:
    return list(db.session.scalars(select(LinkMention).filter_by(child_id=child.id)
                                   .order_by(LinkMention.recorded_on, LinkMention.id)))


def _matching(digests: set[str], seen: set[int]) -> list[LinkMention]:
    """Confirmed mentions indexed under any of `digests`, not already in `seen`."""
    ids: set[int] = set()
    ordered = sorted(digests)
    for at in range(0, len(ordered), _CHUNK):
        ids.update(db.session.scalars(select(LinkMentionKey.mention_id).where(
            LinkMentionKey.digest.in_(ordered[at:at + _CHUNK]))))
    ids -= seen
    if not ids:
        return []
    found: list[LinkMention] = []
    ordered_ids = sorted(ids)
    for at in range(0, len(ordered_ids), _CHUNK):
        found.extend(db.session.scalars(select(LinkMention).where(
            LinkMention.id.in_(ordered_ids[at:at + _CHUNK]),
            LinkMention.status == "confirmed")))
    return found


def links_of(own: Sequence[LinkMention]) -> list[ChildLink]:
    """The link groups that hold one of `own` (confirmed mentions of one child) and a mention
    of another child, without the pairs a person marked "not the same"."""
    own = [m for m in own if m.is_confirmed]
    if not own:
        return []
    readings = {m.id: read_mention(m.kind, m.text) for m in own}
    probes = {blind_digest(k) for r in readings.values() for k in probe_keys(r)}
    seen = {m.id for m in own}
    first = _matching(probes, seen)
    seen |= {m.id for m in first}
    by_id = {m.id: m for m in [*own, *first]}
    # A second round, only where the partial rule needs it: every complete thing a partial
    # mention found in another child's notes could join (is it the only one?), and the
    # other mentions of the complete thing one of `own`'s partial mentions joined.
    second: set[str] = set()
    first_readings = {m.id: read_mention(m.kind, m.text) for m in first}
    for m in first:
        if first_readings[m.id].strength is Strength.PARTIAL:
            second.update(blind_digest(k) for k in probe_keys(first_readings[m.id]))
    own_partial = {m.id for m in own if readings[m.id].strength is Strength.PARTIAL}
    if own_partial:
        for group in _groups(by_id):
            ids = {int(g.id) for g in group.mentions}
            if ids & own_partial:
                second.update(blind_digest(k) for i in ids if i in first_readings
                              for k in identity_keys(first_readings[i]))
    second -= probes
    if second:
        by_id.update((m.id, m) for m in _matching(second, seen))
    groups = _groups(by_id)
    refused = _not_same([m.id for m in own])
    child_id = own[0].child_id
    out: list[ChildLink] = []
    for group in groups:
        members = [by_id[int(m.id)] for m in group.mentions]
        here = [m for m in members if m.child_id == child_id]
        others = [m for m in members if m.child_id != child_id
                  and not any(tuple(sorted((h.id, m.id))) in refused for h in here)]
        if here and others:
            out.append(ChildLink(group.type, sorted(here, key=_when), sorted(others, key=_when)))
    return sorted(out, key=lambda link: (TYPES.index(link.type), link.label.casefold()))


def _groups(by_id: dict[int, LinkMention]) -> list:
    return link_groups([Mention(str(m.id), str(m.child_id), m.kind, m.text)
                        for m in by_id.values()], all_groups=True)


def _when(m: LinkMention) -> tuple[date, int]:
    return (m.recorded_on, m.id)


def _not_same(ids: Iterable[int]) -> set[tuple[int, int]]:
    ids = list(ids)
    rows = db.session.execute(select(LinkNotSame.first_id, LinkNotSame.second_id).where(
        or_(LinkNotSame.first_id.in_(ids), LinkNotSame.second_id.in_(ids))))
    return {(a, b) for a, b in rows}


def links_of_child(child: Child) -> list[ChildLink]:
    return links_of(mentions_of(child))


def mark_not_same(here: LinkMention, other: LinkMention, user_id: int | None) -> None:
    """Remembered: the two mentions never link again, whoever looks."""
    first, second = sorted((here.id, other.id))
    exists = db.session.scalar(select(LinkNotSame).filter_by(first_id=first, second_id=second))
    if exists is None:
        db.session.add(LinkNotSame(first_id=first, second_id=second, decided_by_id=user_id))


def _day(value: date) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


def link_line(link: ChildLink) -> str:
    """A link as a summary or a plan states it: marked as a link, with the dates of the
    mentions, and no other child named (the minimum a reader outside the team needs)."""
    from rhi_assistant import vocabulary

    others = len({m.child_id for m in link.others})
    dates = ", ".join(_day(d) for d in sorted({m.recorded_on for m in [*link.here,
                                                                        *link.others]}))
    children = "1 other child's" if others == 1 else f"{others} other children's"
    return (f"Link ({vocabulary.entity_label(link.type).lower()}): {link.label}, also in "
            f"{children} confirmed notes; recorded {dates}")


#: Where a linked thing goes on a trigger plan.
PLAN_FIELDS = {"PERSON": "known_associates", "VEHICLE": "vehicles", "PLATE": "vehicles",
               "PLACE": "frequented_places", "PHONE": "lines_of_enquiry",
               "HANDLE": "lines_of_enquiry"}


def plan_lines(child: Child) -> list[tuple[str, str]]:
    """(plan field, line) for each link with other children of the child's own team: a plan
    goes to carers and the police, so it never tells of another team's record."""
    out = []
    for link in links_of_child(child):
        same_team = [m for m in link.others if m.child.team_id == child.team_id]
        if same_team:
            out.append((PLAN_FIELDS[link.type],
                        link_line(ChildLink(link.type, link.here, same_team))))
    return out


def reindex_all(batch: int = 1000) -> int:
    """Rewrite the index rows of every mention (after the matching keys change in an
    upgrade); returns how many confirmed mentions were indexed."""
    count, last = 0, 0
    while True:
        rows = list(db.session.scalars(select(LinkMention).where(LinkMention.id > last)
                                       .order_by(LinkMention.id).limit(batch)))
        if not rows:
            return count
        for mention in rows:
            reindex(mention)
            count += mention.is_confirmed
        last = rows[-1].id
        db.session.commit()
