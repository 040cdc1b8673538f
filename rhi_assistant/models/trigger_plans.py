"""Trigger plans (North Somerset protocol, Appendix 3), one row per saved version.

The protocol says a plan is "renewed and updated after every missing episode";
keeping every version (never updating a row) shows what carers and police were
told to do at any time. Every free-text column is encrypted.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi_assistant.crypto import EncryptedText
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow

if TYPE_CHECKING:
    from rhi_assistant.models.people import User

#: Columns holding one item a line, in the order of the plan.
LIST_FIELDS = (
    "carers_before_police",
    "police_actions",
    "frequented_places",
    "lines_of_enquiry",
    "known_associates",
    "vehicles",
    "addresses",
    "family_members",
    "professionals",
)
PROSE_FIELDS = ("background", "approach")


class TriggerPlanVersion(Model):
    __tablename__ = "trigger_plan_version"
    __table_args__ = (UniqueConstraint("child_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    version: Mapped[int]
    # The latest episode known when this version was saved: a later episode means renew it.
    episode_id: Mapped[int | None] = mapped_column(ForeignKey("episode.id"))
    background: Mapped[str | None] = mapped_column(EncryptedText)
    approach: Mapped[str | None] = mapped_column(EncryptedText)
    carers_before_police: Mapped[str | None] = mapped_column(EncryptedText)
    police_actions: Mapped[str | None] = mapped_column(EncryptedText)
    frequented_places: Mapped[str | None] = mapped_column(EncryptedText)
    lines_of_enquiry: Mapped[str | None] = mapped_column(EncryptedText)
    known_associates: Mapped[str | None] = mapped_column(EncryptedText)
    vehicles: Mapped[str | None] = mapped_column(EncryptedText)
    addresses: Mapped[str | None] = mapped_column(EncryptedText)
    family_members: Mapped[str | None] = mapped_column(EncryptedText)
    professionals: Mapped[str | None] = mapped_column(EncryptedText)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by: Mapped[User] = relationship()

    def lines(self, name: str) -> list[str]:
        """A list column as its non-empty lines."""
        return [s.strip() for s in (getattr(self, name) or "").splitlines() if s.strip()]
