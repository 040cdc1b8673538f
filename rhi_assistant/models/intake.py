"""Police notifications waiting for a person: the "to confirm" list."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rhi_assistant.crypto import EncryptedDate, EncryptedText
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow


class IntakePending(Model):
    """A notified report the import could not safely attach to one child.

    Same date of birth as a recorded child but a clearly different name (a twin, a changed
    surname), or a name matching several children: a person links it to a child or
    records the child. Until then later notifications of the report refresh this entry and
    create nothing. The row's values are kept encrypted (they name the child)."""

    __tablename__ = "intake_pending"
    __table_args__ = (UniqueConstraint("team_id", "reference_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    police_reference: Mapped[str] = mapped_column(EncryptedText)
    #: The blind index of the reference's compared form (models.cases.police_reference_digest):
    #: a later notification of the same report finds this entry by it.
    reference_key: Mapped[str] = mapped_column(String(60))
    #: Encrypted like the child's; the candidates are found by the child's blind index.
    date_of_birth: Mapped[date] = mapped_column(EncryptedDate)
    #: The notification's values as JSON (intake.notifications.Notification.to_json).
    values: Mapped[str] = mapped_column(EncryptedText)
    #: Why it waits: "several_matches" or "other_name_same_birth_date".
    reason: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
