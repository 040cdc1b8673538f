"""A young person's own request for help, sent from the public form at /help.

Everything they typed is encrypted at rest: it may be a first disclosure,
sent from a phone someone else can see. Only fixed choices (are they safe,
how to contact them) are stored in the clear so the duty manager's list can
sort by urgency without decrypting anything.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi_assistant.crypto import EncryptedText
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow

if TYPE_CHECKING:
    from rhi_assistant.models.cases import Child
    from rhi_assistant.models.people import User

SAFE_NOW = ("yes", "no", "not_sure")
CONTACT_BY = ("text", "call", "email", "none")
#: What the duty manager did about a request: every request ends with one of these.
OUTCOMES = ("contacted", "rhi_offered", "referred_childrens_social_care", "passed_to_police",
            "not_reached", "no_further_action", "other")


class Referral(Model):
    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # The team whose duty managers receive it (RHI_REFERRAL_TEAM). None on an install
    # that names no team: then every manager of the service sees it.
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    # The language the form was filled in, so the reply can be in it too.
    # Encrypted like the interview's: a rare language can single a young person out.
    language: Mapped[str] = mapped_column(EncryptedText, default="en")
    # Encrypted: "not safe now" and how a young person may be reached are theirs to tell.
    safe_now: Mapped[str] = mapped_column(EncryptedText)
    contact_by: Mapped[str] = mapped_column(EncryptedText)
    name: Mapped[str | None] = mapped_column(EncryptedText)
    what_is_happening: Mapped[str] = mapped_column(EncryptedText)
    contact_details: Mapped[str | None] = mapped_column(EncryptedText)
    safe_times: Mapped[str | None] = mapped_column(EncryptedText)
    anything_else: Mapped[str | None] = mapped_column(EncryptedText)
    # Set when a duty manager first opens it, so nobody assumes someone else has.
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    # The child the request is about, once a duty manager has linked it or recorded the child.
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id"), index=True)
    # What was done (OUTCOMES); a request without one is still waiting.
    outcome: Mapped[str | None] = mapped_column(EncryptedText)
    outcome_note: Mapped[str | None] = mapped_column(EncryptedText)
    outcome_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    # Who follows it up, set by a duty manager, so a request is never everyone's and no one's.
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    opened_by: Mapped[User | None] = relationship(foreign_keys=[opened_by_id])
    outcome_by: Mapped[User | None] = relationship(foreign_keys=[outcome_by_id])
    assigned_to: Mapped[User | None] = relationship(foreign_keys=[assigned_to_id])
    child: Mapped[Child | None] = relationship()
    notes: Mapped[list[ReferralNote]] = relationship(
        back_populates="referral", order_by="ReferralNote.written_at",
        cascade="all, delete-orphan")

    @property
    def urgent(self) -> bool:
        """They said they are not safe now: the duty manager must see it first, today."""
        return self.safe_now == "no" and self.outcome is None


class ReferralNote(Model):
    """What a worker did or learnt while following a request up, in their words."""

    __tablename__ = "referral_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    written_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # may name the young person or others: encrypted like the request itself
    text: Mapped[str] = mapped_column(EncryptedText)

    referral: Mapped[Referral] = relationship(back_populates="notes")
    author: Mapped[User] = relationship()
