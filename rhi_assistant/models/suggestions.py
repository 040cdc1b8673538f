"""An indicator suggested by the on-device NLP, and the practitioner's decision on it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi_assistant.crypto import EncryptedText
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow
from rhi_assistant.vocabulary import CONFIRMED_STATUSES, Assertion, SuggestionStatus

if TYPE_CHECKING:
    from rhi_assistant.models.interviews import Answer
    from rhi_assistant.models.people import User


class Suggestion(Model):
    __tablename__ = "suggestion"
    # An autosave and a submit of the same notes may both replace the undecided
    # suggestions; a row the other request already removed is not an error.
    __mapper_args__ = {"confirm_deleted_rows": False}

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id"), index=True)
    # The indicator code says what the child was assessed for: encrypted; the figures
    # decrypt the month's confirmed codes to count them.
    indicator: Mapped[str] = mapped_column(EncryptedText)
    assertion: Mapped[str] = mapped_column(String(20), default=Assertion.PRESENT.value)
    window: Mapped[str | None] = mapped_column(String(20))
    evidence: Mapped[str | None] = mapped_column(EncryptedText)
    start: Mapped[int | None]
    end: Mapped[int | None]
    reason: Mapped[str | None] = mapped_column(EncryptedText)
    match: Mapped[str] = mapped_column(String(10), default="exact")
    status: Mapped[str] = mapped_column(String(20), default=SuggestionStatus.SUGGESTED.value)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    answer: Mapped[Answer] = relationship(back_populates="suggestions")
    decided_by: Mapped[User | None] = relationship()

    @property
    def is_confirmed(self) -> bool:
        """Only a person's decision lets an indicator flow onward."""
        return self.status in CONFIRMED_STATUSES
