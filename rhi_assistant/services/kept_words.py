"""Keeping words posted after an idle sign-out, for the same user only.

Storage only: the web layer (web/kept_words.py) decides which fields are free
text and where they go back. Nothing here ever hands one user's words to another:
every read and delete is by the user who typed them.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select

from rhi_assistant import clock
from rhi_assistant.extensions import db
from rhi_assistant.models import KeptDraft

#: How long unsaved words wait for their writer: long enough for leave or a weekend,
#: not so long that copies of a child's words linger in a form nobody means to send.
KEEP_FOR = timedelta(days=30)


def keep(user_id: int, path: str, fields: dict[str, str]) -> KeptDraft:
    """Keep a form's words; a newer post to the same form replaces the older one."""
    db.session.execute(delete(KeptDraft).filter_by(user_id=user_id, path=path))
    draft = KeptDraft(user_id=user_id, path=path, fields=fields)
    db.session.add(draft)
    db.session.commit()
    return draft


def for_user(user_id: int) -> list[KeptDraft]:
    """This user's kept words, newest first (one per form at most); older ones are dropped."""
    rows = list(db.session.scalars(
        select(KeptDraft).filter_by(user_id=user_id).order_by(KeptDraft.id.desc())))
    oldest = clock.now() - KEEP_FOR
    stale = [row.id for row in rows if row.created_at < oldest]
    if stale:  # read first, delete only when there is something to: every page asks this
        db.session.execute(delete(KeptDraft).where(KeptDraft.id.in_(stale)))
        db.session.commit()
    return [row for row in rows if row.id not in stale]


def drop(user_id: int, path: str) -> None:
    """The form was saved: its kept words are no longer needed."""
    result = db.session.execute(delete(KeptDraft).filter_by(user_id=user_id, path=path))
    if result.rowcount:  # type: ignore[attr-defined]
        db.session.commit()
