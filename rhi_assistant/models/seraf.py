"""The SERAF risk assessment for one episode's interview."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi_assistant.crypto import EncryptedDate, EncryptedInt, EncryptedJSON, EncryptedText
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow

if TYPE_CHECKING:
    from rhi_assistant.models.interviews import Interview
    from rhi_assistant.models.people import User


class SerafAssessment(Model):
    __tablename__ = "seraf_assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interview.id"), unique=True)
    assessment_date: Mapped[date] = mapped_column(Date)
    # Who assessed and how to reach them, what was ticked and the category: encrypted,
    # since together they say what this child was assessed for.
    worker_name: Mapped[str | None] = mapped_column(EncryptedText)
    worker_agency: Mapped[str | None] = mapped_column(EncryptedText)
    worker_contact: Mapped[str | None] = mapped_column(EncryptedText)
    # Ticks: lists of indicator ids, keyed vulnerabilities / moderate /
    # significant_recent / significant_6_12.
    ticks: Mapped[dict] = mapped_column(EncryptedJSON, default=dict)
    # Suggestion ids already used to pre-fill, so an unticked box stays unticked.
    prefilled_from: Mapped[list] = mapped_column(JSON, default=list)
    score_total: Mapped[int | None] = mapped_column(EncryptedInt)
    computed_category: Mapped[int | None] = mapped_column(EncryptedInt)
    override_category: Mapped[int | None] = mapped_column(EncryptedInt)
    override_reason: Mapped[str | None] = mapped_column(EncryptedText)
    principal_concern: Mapped[str | None] = mapped_column(EncryptedText)
    professional_judgement: Mapped[str | None] = mapped_column(EncryptedText)
    referral_to_csc_date: Mapped[date | None] = mapped_column(EncryptedDate)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    signed_off_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    signed_off_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    interview: Mapped[Interview] = relationship()
    signed_off_by: Mapped[User | None] = relationship()

    @property
    def category(self) -> int | None:
        return self.override_category or self.computed_category
