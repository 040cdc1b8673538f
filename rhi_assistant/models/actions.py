"""Recording that a protocol action (a meeting, notification or referral) was done.

The protocol evaluator says which actions an episode needs and by when; only a
person knows that the strategy meeting was held or the notification sent.
Records are never changed or deleted: a correction is a newer "done" row, and
undoing a mistaken record is a "not_done" row. The newest row for an action
code is what counts, and the older ones stay as the audit trail.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi_assistant.crypto import EncryptedText
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow

if TYPE_CHECKING:
    from rhi_assistant.models.people import User

ACTION_STATES = ("done", "not_done")


class ProtocolActionRecord(Model):
    """One statement about one action of an episode: done (when, by whom, a note) or undone."""

    __tablename__ = "protocol_action_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episode.id"), index=True)
    # The protocol profile's action code (e.g. "strategy_meeting"), kept in clear to count.
    action_code: Mapped[str] = mapped_column(String(60))
    state: Mapped[str] = mapped_column(String(10))
    # When the meeting was held or the notification sent; None for "not_done".
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str | None] = mapped_column(EncryptedText)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User] = relationship()

    @property
    def is_done(self) -> bool:
        return self.state == "done"
