"""Start, check, keep alive and end server-side sessions (models.user_sessions).

The web layer keeps only the random token in the signed cookie and asks here on
every request whether it is still good. Idle time is measured from the row's
``last_active_at``, never from anything the browser sends, so replaying an old
cookie cannot keep a session alive. Times are real ones (``clock.wall_now``): a
demonstration that fixes ``CLOCK_NOW`` still signs an idle tablet out.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, select

from rhi_assistant import clock
from rhi_assistant.extensions import db
from rhi_assistant.models import KeptDraft, User, UserSession

# Writing the row on every request would make each page a database write; a few
# seconds' slack in the idle timeout is not worth that.
TOUCH_EVERY = timedelta(seconds=15)


@dataclass(frozen=True)
class SessionState:
    """What a cookie's token is worth now: ``live``, ``expired`` (idle), or ``dead``."""

    status: str
    user_id: int | None = None
    seconds_left: int = 0


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# Sessions over this long ago are deleted when a new one starts: the audit trail keeps
# the sign-ins, and this table need not grow for ever.
KEEP_ENDED = timedelta(days=30)


def start(user_id: int) -> str:
    """A new session for `user_id`; returns the token to keep in the cookie."""
    token = secrets.token_urlsafe(32)
    now = clock.wall_now()
    db.session.execute(db.delete(UserSession).where(
        UserSession.last_active_at < now - KEEP_ENDED))
    db.session.add(UserSession(token_hash=_hash(token), user_id=user_id, created_at=now,
                               last_active_at=now))
    db.session.commit()
    return token


def _row(token: str | None) -> UserSession | None:
    if not token or not isinstance(token, str):
        return None
    return db.session.get(UserSession, _hash(token))


@dataclass(frozen=True)
class SignedIn:
    """What every signed-in request needs first, read in one statement (see `load`)."""

    user: User | None
    #: The server-side session row of the cookie's token (None: unknown, or not this user's).
    row: UserSession | None
    #: Whether any words are kept for this user (services.kept_words).
    has_kept_words: bool


def load(user_id: int, token: str | None) -> SignedIn:
    """The user, the cookie's session row and whether words are kept for them, at once.

    Why: every request read these one after the other (the user, then the session to
    check it is live, then the kept words when the page was drawn), three statements
    before any work; a row of a different user's token is not joined, as `check` asks.
    """
    token_hash = _hash(token) if token and isinstance(token, str) else ""
    kept = select(KeptDraft.id).where(KeptDraft.user_id == User.id).exists()
    found = db.session.execute(
        select(User, UserSession, kept)
        .outerjoin(UserSession, and_(UserSession.user_id == User.id,
                                     UserSession.token_hash == token_hash))
        .where(User.id == user_id)
    ).first()
    if found is None:
        return SignedIn(None, None, False)
    return SignedIn(found[0], found[1], bool(found[2]))


_UNREAD = object()


def check(token: str | None, user_id: int, idle_timeout: float, *, touch: bool,
          row: UserSession | None | object = _UNREAD) -> SessionState:
    """Whether `token` is a live session of `user_id`; an idle one is ended here.

    ``expired`` is returned for a session that ended by idling (now or earlier), so
    words posted with it can still be kept as a draft for its user; any session
    ended on purpose (sign-out, password change, closure) or unknown is ``dead``.
    """
    if row is _UNREAD:
        row = _row(token)
    if not isinstance(row, UserSession) or row.user_id != user_id:
        return SessionState("dead")
    if row.ended_at is not None:
        return SessionState("expired" if row.end_reason == "idle" else "dead", row.user_id)
    now = clock.wall_now()
    idle = (now - row.last_active_at).total_seconds()
    if idle > idle_timeout:
        row.ended_at = now
        row.end_reason = "idle"
        db.session.commit()
        return SessionState("expired", row.user_id)
    if touch and now - row.last_active_at >= TOUCH_EVERY:
        row.last_active_at = now
        db.session.commit()
        idle = 0
    return SessionState("live", row.user_id, max(0, int(idle_timeout - idle)))


def keep_alive(token: str | None) -> None:
    """The person asked to stay signed in: count now as activity, whatever TOUCH_EVERY says."""
    row = _row(token)
    if row is not None and row.ended_at is None:
        row.last_active_at = clock.wall_now()
        db.session.commit()


def end(token: str | None, reason: str) -> None:
    """End one session (signing out)."""
    row = _row(token)
    if row is not None and row.ended_at is None:
        row.ended_at = clock.wall_now()
        row.end_reason = reason
        db.session.commit()


def end_all(user_id: int, reason: str) -> int:
    """End every open session of a user, on every device; returns how many were open."""
    rows = db.session.scalars(db.select(UserSession).where(
        UserSession.user_id == user_id, UserSession.ended_at.is_(None))).all()
    now = clock.wall_now()
    for row in rows:
        row.ended_at = now
        row.end_reason = reason
    db.session.commit()
    return len(rows)
