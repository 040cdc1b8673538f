"""Record a missing episode as the police tell the team, its return, and corrections.

The one place episodes are written from the pages, so anything kept from an episode (a
stored protocol result, say) can be refreshed here when one changes. The protocol
deadlines are worked out from these fields (services.episodes.status_for).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Episode
from rhi_assistant.models._common import set_fields


def apply(episode: Episode, values: Mapping[str, Any]) -> list[str]:
    """Set the episode's fields; the names of those that changed, for the audit trail."""
    return set_fields(episode, values)


def record_episode(child: Child, values: Mapping[str, Any]) -> Episode:
    """A new episode for the child; committed."""
    episode = Episode(child_id=child.id)
    apply(episode, values)
    db.session.add(episode)
    db.session.commit()
    return episode


def correct(episode: Episode, values: Mapping[str, Any]) -> list[str]:
    """Corrections or the return; committed. Returns the fields changed."""
    changed = apply(episode, values)
    db.session.commit()
    return changed


def latest_open(child: Child) -> Episode | None:
    """The child's episode still open (not found), newest first, if any."""
    return next((e for e in child.episodes if e.found is None), None)


def times_in_order(last_seen: datetime, reported: datetime | None,
                   found: datetime | None) -> str | None:
    """Which time is out of order, if any: 'reported' or 'found' (before last seen)."""
    if reported is not None and reported < last_seen:
        return "reported"
    if found is not None and found < last_seen:
        return "found"
    return None
