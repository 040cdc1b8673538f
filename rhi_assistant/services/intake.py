"""Applying a police notification file to a team's children and episodes.

The contract is shared/spec/police-notifications.md. Rows apply in file order and each sees
what the earlier ones did: a known reference updates its episode (an empty cell never
erases; only a real change counts), a reference waiting on the to-confirm list stays there,
otherwise the child is found among the team's children with the same date of birth by name
(intake.names), or recorded when no child has that date of birth. A name that does not
clearly pick one child waits for a person: an episode on the wrong child is worse than a
short wait. A dry run does the same work and rolls it back, so its summary is exactly the
real one. Names stay encrypted at rest: only the few children sharing a date of birth are
read and compared here, in Python.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select

from rhi_assistant.extensions import db
from rhi_assistant.intake.names import ChildMatch, row_matches_child
from rhi_assistant.intake.notifications import Notification, Record, RowProblem, read
from rhi_assistant.intake.references import reference_key
from rhi_assistant.models import Child, Episode, IntakePending, Team
from rhi_assistant.models.cases import date_of_birth_digest, police_reference_digest
from rhi_assistant.protocol.timeutil import zone

#: The episode columns a notification gives; an update replaces only these, when given.
EPISODE_COLUMNS = ("last_seen", "reported_missing", "found", "missing_from", "police_risk",
                   "looked_after", "placement_area", "home_authority", "where_found")
#: The child's details as the police give them, kept beside each episode they notify.
DETAIL_COLUMNS = ("first_name", "last_name", "preferred_name", "date_of_birth", "gender")
SEVERAL_MATCHES = "several_matches"
OTHER_NAME = "other_name_same_birth_date"


@dataclass
class Outcome:
    """What one row did, for the preview page (row numbers as the summary counts them)."""

    row: int
    reference: str
    action: str            # created_child, matched, to_confirm, updated, unchanged, rejected
    error: str | None = None
    why: str | None = None  # how the name matched (intake.names.ChildMatch.reason)
    match: ChildMatch | None = None  # the same, in full, for a page to put in words


@dataclass
class Summary:
    """The counts the contract's summary line holds, and each row's outcome."""

    rows: int = 0
    created_children: set[int] = field(default_factory=set)
    matched_children: set[int] = field(default_factory=set)
    to_confirm: set[str] = field(default_factory=set)
    created_episodes: set[int] = field(default_factory=set)
    updated_episodes: set[int] = field(default_factory=set)
    rejected: list[dict[str, int | str]] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    dry_run: bool = False

    def as_dict(self) -> dict:
        return {
            "rows": self.rows,
            "created_children": len(self.created_children),
            "matched_children": len(self.matched_children),
            "to_confirm": len(self.to_confirm),
            "created_episodes": len(self.created_episodes),
            "updated_episodes": len(self.updated_episodes),
            "rejected": self.rejected,
            "dry_run": self.dry_run,
        }


def import_file(team: Team, data: bytes, *, dry_run: bool = False) -> Summary:
    """Read and apply a notification file to `team`; commit unless `dry_run`.

    Raises intake.notifications.FileError (nothing saved) when the file cannot be used."""
    records = read(data, zone())
    # One import at a time per team (PostgreSQL): two at once could both record one report.
    db.session.execute(select(Team.id).where(Team.id == team.id).with_for_update())
    try:
        summary = apply(team, records)
        summary.dry_run = dry_run
    except BaseException:
        db.session.rollback()
        raise
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    return summary


def apply(team: Team, records: list[Record]) -> Summary:
    """Apply checked records in order (flushed, not committed: the caller decides)."""
    summary = Summary()
    seen: dict[str, Notification] = {}  # reference key -> this file's accepted values so far
    for record in records:
        summary.rows += 1
        row = record.notification
        problem = record.problem
        if row is not None and row.key in seen and row.conflicts_with(seen[row.key]):
            problem, row = RowProblem.DUPLICATE_IN_FILE, None
        if row is None:
            code = str(problem)
            summary.rejected.append({"row": record.number, "error": code})
            summary.outcomes.append(Outcome(record.number, record.cells.get(
                "police_reference", ""), "rejected", error=code))
            continue
        seen[row.key] = row.merged_into(seen[row.key]) if row.key in seen else row
        summary.outcomes.append(_apply_row(team, record.number, row, summary))
        db.session.flush()
    return summary


def _apply_row(team: Team, number: int, row: Notification, summary: Summary) -> Outcome:
    waiting = pending_for(team.id, row.key)
    if waiting is not None:
        refresh_pending(waiting, row)
        summary.to_confirm.add(row.key)
        return Outcome(number, row.police_reference, "to_confirm", why=waiting.reason)
    episode = episode_for(team.id, row.key)
    if episode is not None:
        changed = update_episode(episode, row)
        if changed and episode.id not in summary.created_episodes:
            summary.updated_episodes.add(episode.id)
        return Outcome(number, row.police_reference, "updated" if changed else "unchanged")
    candidates = children_born_on(team.id, row.date_of_birth)
    matches: list[tuple[Child, ChildMatch]] = []
    for child in candidates:
        match = row_matches_child(row.first_name, row.last_name, row.preferred_name,
                                  child.first_name, child.last_name, child.preferred_name)
        if match is not None:
            matches.append((child, match))
    if len(matches) == 1:
        child, match = matches[0]
        episode = new_episode(child, row)
        summary.created_episodes.add(episode.id)
        if child.id not in summary.created_children:
            summary.matched_children.add(child.id)
        return Outcome(number, row.police_reference, "matched", why=match.reason, match=match)
    if candidates:
        reason = SEVERAL_MATCHES if matches else OTHER_NAME
        add_pending(team.id, row, reason)
        summary.to_confirm.add(row.key)
        return Outcome(number, row.police_reference, "to_confirm", why=reason)
    child = new_child(team.id, row)
    episode = new_episode(child, row)
    summary.created_children.add(child.id)
    summary.created_episodes.add(episode.id)
    return Outcome(number, row.police_reference, "created_child")


# -- finding -----------------------------------------------------------------------------


def episode_for(team_id: int, key: str | None) -> Episode | None:
    """The team's episode for a police reference (compared form), if any: found by the
    reference's blind index, since the reference itself is encrypted."""
    return db.session.scalars(
        select(Episode).join(Child).where(
            Child.team_id == team_id,
            Episode.police_reference_key == police_reference_digest(key))
        .order_by(Episode.id)).first()


def pending_for(team_id: int, key: str) -> IntakePending | None:
    return db.session.scalar(select(IntakePending).filter_by(
        team_id=team_id, reference_key=police_reference_digest(key)))


def children_born_on(team_id: int, born: date) -> list[Child]:
    """The candidates, found by the date of birth's blind index (the date is encrypted);
    names are decrypted on loading."""
    return list(db.session.scalars(
        select(Child).where(Child.team_id == team_id,
                            Child.date_of_birth_index == date_of_birth_digest(born))
        .order_by(Child.id)))


# -- recording ---------------------------------------------------------------------------


def new_child_reference() -> str:
    """A case reference no other child has (children are recorded from many places)."""
    while True:
        reference = "C-" + uuid.uuid4().hex[:8].upper()
        if db.session.scalar(select(Child.id).filter_by(reference=reference)) is None:
            return reference


def new_child(team_id: int, row: Notification) -> Child:
    child = Child(reference=new_child_reference(), team_id=team_id, first_name=row.first_name,
                  last_name=row.last_name, preferred_name=row.preferred_name,
                  date_of_birth=row.date_of_birth, gender=row.gender,
                  looked_after=bool(row.looked_after))
    db.session.add(child)
    db.session.flush()
    return child


def _details(row: Notification) -> str:
    values = row.to_json()
    return json.dumps({name: values[name] for name in DETAIL_COLUMNS})


def new_episode(child: Child, row: Notification) -> Episode:
    episode = Episode(child=child, police_reference=row.police_reference,
                      police_details=_details(row),
                      **{name: getattr(row, name) for name in EPISODE_COLUMNS})
    db.session.add(episode)
    db.session.flush()
    # The columns' defaults (medium risk, missing from home) fill a value the police left
    # empty; an import records only what it was told, so a later notice giving it counts.
    for name in ("police_risk", "missing_from"):
        if getattr(row, name) is None and getattr(episode, name) is not None:
            setattr(episode, name, None)
    db.session.flush()
    return episode


def _same(stored: object, given: object) -> bool:
    if isinstance(stored, datetime) and isinstance(given, datetime):
        return stored == given  # both aware: compared as instants
    return stored == given


def update_episode(episode: Episode, row: Notification) -> bool:
    """Replace the stored values the row gives and differ; True when anything changed."""
    changed = False
    for name in EPISODE_COLUMNS:
        given = getattr(row, name)
        if given is not None and not _same(getattr(episode, name), given):
            setattr(episode, name, given)
            changed = True
    details = _details(row)
    if episode.police_details != details:
        episode.police_details = details  # shown beside the episode; not a change to it
    return changed


def add_pending(team_id: int, row: Notification, reason: str) -> IntakePending:
    waiting = IntakePending(team_id=team_id, police_reference=row.police_reference,
                            reference_key=police_reference_digest(row.key),
                            date_of_birth=row.date_of_birth,
                            values=json.dumps(row.to_json()), reason=reason)
    db.session.add(waiting)
    db.session.flush()
    return waiting


def pending_values(waiting: IntakePending) -> Notification:
    return Notification.from_json(json.loads(waiting.values))


def refresh_pending(waiting: IntakePending, row: Notification) -> None:
    """The row's given values replace the waiting ones; its empty cells keep them."""
    stored = pending_values(waiting).to_json()
    given = {name: value for name, value in row.to_json().items() if value is not None}
    refreshed = {**stored, **given}
    if refreshed != stored:
        waiting.values = json.dumps(refreshed)
        waiting.date_of_birth = date.fromisoformat(str(refreshed["date_of_birth"]))



# -- the to-confirm list -----------------------------------------------------------------


def waiting_list(team_id: int) -> list[IntakePending]:
    """The team's notifications waiting for a person, oldest first."""
    return list(db.session.scalars(
        select(IntakePending).filter_by(team_id=team_id).order_by(IntakePending.created_at,
                                                                  IntakePending.id)))


def possible_matches(team_id: int, first: str | None, last: str | None,
                     preferred: str | None, born: date) -> list[tuple[Child, ChildMatch | None]]:
    """The team's children born on `born`, each with how its name matches (None: it does
    not). For any page that records a child: a person sees these before saving another."""
    return [(child, row_matches_child(first, last, preferred, child.first_name,
                                      child.last_name, child.preferred_name))
            for child in children_born_on(team_id, born)]


def candidates_for(waiting: IntakePending) -> list[tuple[Child, ChildMatch | None]]:
    """The team's children with the waiting row's date of birth, and how each name matches."""
    row = pending_values(waiting)
    return possible_matches(waiting.team_id, row.first_name, row.last_name, row.preferred_name,
                            waiting.date_of_birth)


def resolve(waiting: IntakePending, child: Child | None) -> Episode:
    """A person decided: the episode goes to `child`, or to a new child made from the row.

    The child's recorded details are never changed (the police's are kept beside the
    episode). Commits."""
    row = pending_values(waiting)
    if child is None:
        child = new_child(waiting.team_id, row)
    episode = episode_for(waiting.team_id, reference_key(waiting.police_reference))
    if episode is None:
        episode = new_episode(child, row)
    else:  # recorded by hand meanwhile: the row updates it, as an import would
        update_episode(episode, row)
    db.session.delete(waiting)
    db.session.commit()
    return episode


def police_differences(episode: Episode) -> dict[str, tuple[str, str]]:
    """Where the police's latest details of the child differ from the child's record:
    field -> (recorded, as the police gave it). An import never applies them; the episode
    page shows them for a person to apply or ignore."""
    if not episode.police_details:
        return {}
    given = json.loads(episode.police_details)
    child = episode.child
    out: dict[str, tuple[str, str]] = {}
    for name in DETAIL_COLUMNS:
        recorded = getattr(child, name)
        recorded_text = recorded.isoformat() if isinstance(recorded, date) else (recorded or "")
        police = given.get(name) or ""
        if police and police != recorded_text:
            out[name] = (recorded_text, police)
    return out
