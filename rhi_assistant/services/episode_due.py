"""Keep each found episode's deadlines (`EpisodeDue`) so lists and figures need not re-ask.

The rows are a cache of the protocol engine's answer, never a second judge: they are
worked out by the same `episodes.build_status` the offer page uses, dropped by the model's
flush listener whenever something they depend on changes, and worked out again here the
next time a list or a figure needs them. A row also names the profile (and a fingerprint
of its file) it came from, so a team moved to another profile, or a profile file updated,
is worked out afresh.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy import delete, insert
from sqlalchemy.exc import IntegrityError

from rhi_assistant.extensions import db
from rhi_assistant.models import Episode, EpisodeDue
from rhi_assistant.protocol import load_profile
from rhi_assistant.services import episodes as service

#: Bump when what a row holds, or how it is worked out, changes: old rows are then redone.
ROW_VERSION = "1"
#: Episodes worked out per batch (bounded memory on a first fill after an import).
BATCH = 200
#: A row older than this is worked out again, a few at a time (`RECHECK_PER_VIEW`), so a
#: row written from facts a concurrent request was just changing cannot stay wrong.
RECHECK_AFTER = timedelta(days=1)
RECHECK_PER_VIEW = 10


@lru_cache(maxsize=64)
def _file_digest(path: str, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def profile_key(profile: str) -> str:
    """The profile's name with a fingerprint of its file and of this module's row format."""
    path = Path(load_profile(profile).path)
    return f"{profile}:{_file_digest(str(path), path.stat().st_mtime_ns)}:{ROW_VERSION}"


def due_row(status: service.EpisodeStatus, key: str, now: datetime) -> dict:
    """The columns kept for one found episode's status (its answer does not depend on now)."""
    dues = [i.due for i in status.open_items if i.due is not None]
    result = status.result
    return {
        "episode_id": status.episode.id,
        "profile": key,
        "assessed": result is not None,
        "rhi_required": bool(result and result.rhi.offer),
        "rhi_state": "due" if status.rhi_state in ("due", "overdue") else status.rhi_state,
        "rhi_due_at": status.rhi_due,
        "safe_and_well_due_at": result.safe_and_well_due if result else None,
        "next_due_at": min(dues) if dues else None,
        "computed_at": now,
    }


def stale_ids(candidates, key: str) -> list[int]:
    """Of the found episodes `candidates` (a select of Episode.id), those without a fresh row."""
    return list(db.session.scalars(
        candidates.where(Episode.found.is_not(None))
        .outerjoin(EpisodeDue, EpisodeDue.episode_id == Episode.id)
        .where((EpisodeDue.episode_id.is_(None)) | (EpisodeDue.profile != key))))


def ensure_fresh(candidates, profile: str, now: datetime) -> int:
    """Work out the rows missing or stale among `candidates`; returns how many were redone.

    On a quiet day this is one query finding nothing; after an import or a change it
    evaluates only the episodes that changed."""
    ids = stale_ids(candidates, profile_key(profile))
    refresh(ids, profile, now)
    return len(ids)


def refresh(ids: list[int], profile: str, now: datetime) -> None:
    """Work out the rows of these found episodes (all of one team) again, and commit.

    Two views may redo the same row at once: the second one's insert then finds the first
    one's row, and is dropped (the first one's is as good)."""
    key = profile_key(profile)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        episodes = list(db.session.scalars(
            service.with_related(db.select(Episode).where(Episode.id.in_(chunk)))))
        rows = [due_row(s, key, now) for s in service.statuses_for(episodes, now, profile)]
        try:
            db.session.execute(delete(EpisodeDue).where(EpisodeDue.episode_id.in_(chunk)))
            db.session.execute(insert(EpisodeDue), rows)
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
