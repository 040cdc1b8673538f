"""Interviews and the answers given in them, saved as they are typed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi_assistant.crypto import EncryptedBool, EncryptedJSON, EncryptedText
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow

if TYPE_CHECKING:
    from rhi_assistant.models.cases import Episode
    from rhi_assistant.models.people import User
    from rhi_assistant.models.suggestions import Suggestion

INTERVIEW_KINDS = ("rhi", "safe_and_well", "self_referral")
# How an answer was given: words, or one of the choices a child always has.
ANSWER_STATES = ("answered", "dont_know", "prefer_not_to_say", "skipped")


class Interview(Model):
    __tablename__ = "interview"

    id: Mapped[int] = mapped_column(primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episode.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30), default="rhi")
    flow_id: Mapped[str] = mapped_column(String(60), default="rhi")
    conducted_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    # The child's language and easy-read needs single them out in a small team: encrypted.
    language: Mapped[str] = mapped_column(EncryptedText, default="en")
    easy_read: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    status: Mapped[str] = mapped_column(String(30), default="in_progress")
    # The page a break was taken on: "continue where you left off" goes back to it.
    break_page_id: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: An RHI is held when the first answer the child gave is saved (services.rhi_held),
    #: not when Start is clicked: the figures and the episode list count it from here.
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    episode: Mapped[Episode] = relationship(back_populates="interviews")
    conducted_by: Mapped[User] = relationship()
    answers: Mapped[list[Answer]] = relationship(back_populates="interview")

    def answer_for(self, page_id: str) -> Answer | None:
        return next((a for a in self.answers if a.page_id == page_id), None)


class Answer(Model):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("interview_id", "page_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interview.id"), index=True)
    page_id: Mapped[str] = mapped_column(String(80))
    text: Mapped[str | None] = mapped_column(EncryptedText)
    # The child's choice on a choice page is as much theirs as the words.
    choice: Mapped[str | None] = mapped_column(EncryptedText)
    state: Mapped[str] = mapped_column(String(30), default="answered")
    # A draft is saved while typing; it becomes the answer when the page is submitted.
    is_draft: Mapped[bool] = mapped_column(default=False)
    # What the engine read in `text` besides suggestions (services.readings.Reading), kept
    # when the answer is saved so that showing it again does not read the notes again.
    # None when there are no words, or for an answer saved before readings were kept.
    reading: Mapped[dict | None] = mapped_column(EncryptedJSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    interview: Mapped[Interview] = relationship(back_populates="answers")
    suggestions: Mapped[list[Suggestion]] = relationship(
        back_populates="answer", cascade="all, delete-orphan"
    )
