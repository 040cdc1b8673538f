"""Server-side sessions: a signed cookie alone cannot be taken back, this row can.

The browser's cookie holds only a random token; this row (keyed by the token's
SHA-256, so a copy of the table cannot be replayed as cookies) says whose it is,
when it was last used and whether it has ended. Every worker and machine reads
the same row, so signing out, changing a password, closing an account or an idle
timeout ends the session everywhere at once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow

#: Why a session ended. Only ``idle`` lets words posted afterwards be kept as a draft:
#: the person did not choose to leave. A session ended on purpose writes nothing.
END_REASONS = ("idle", "signed_out", "password_changed", "closed")


class UserSession(Model):
    __tablename__ = "user_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_active_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    end_reason: Mapped[str | None] = mapped_column(String(20))
