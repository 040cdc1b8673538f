"""Offering the Return Home Interview: attempts to reach the child, their choices, refusals.

The protocol says an RHI must be *offered*; what happened when it was offered is
what a manager and an inspector will ask about. Attempts and refusals are kept
as rows (never overwritten) so they can be counted; the choices that can change
(independent person, consent) sit on one row per episode.
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
    from rhi_assistant.models.cases import Episode
    from rhi_assistant.models.people import User

ATTEMPT_METHODS = ("phone", "text", "letter", "visit", "school")
ATTEMPT_OUTCOMES = ("accepted", "appointment_arranged", "message_left", "no_response", "declined")
REFUSAL_REASONS = ("child_declined", "parent_refused", "not_reached", "moved_out_of_area", "other")
#: What a person said to the offer: the flow's consent pages record these same values.
CONSENT_VALUES = ("given", "refused", "not_reached")
#: Hours the team has to send a request to the independent RHI service once a child asks for one.
INDEPENDENT_REQUEST_HOURS = 24


class RhiOffer(Model):
    """The child's and family's answers to the offer, one row per episode."""

    __tablename__ = "rhi_offer"

    id: Mapped[int] = mapped_column(primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episode.id"), unique=True, index=True)
    # "yes" / "no" / None (not asked yet)
    independent_person: Mapped[str | None] = mapped_column(EncryptedText)
    independent_chosen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    independent_request_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consent_parent_or_carer: Mapped[str | None] = mapped_column(EncryptedText)
    consent_child: Mapped[str | None] = mapped_column(EncryptedText)
    consent_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    episode: Mapped[Episode] = relationship()
    updated_by: Mapped[User | None] = relationship()


class OfferAttempt(Model):
    """One try at offering the RHI: how, when, and what happened."""

    __tablename__ = "offer_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episode.id"), index=True)
    method: Mapped[str] = mapped_column(String(20))
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(EncryptedText)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User] = relationship()


class Refusal(Model):
    """The RHI was not held: a coded reason (counted by managers) and the worker's words."""

    __tablename__ = "rhi_refusal"

    id: Mapped[int] = mapped_column(primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episode.id"), index=True)
    # Encrypted like the outcome codes; the figures decrypt the month's reasons to count.
    reason: Mapped[str] = mapped_column(EncryptedText)
    detail: Mapped[str | None] = mapped_column(EncryptedText)
    refused_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User] = relationship()
