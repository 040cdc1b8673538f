"""An intelligence-sharing summary: what was shared, with whom, why and when."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi_assistant.crypto import EncryptedText
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow

if TYPE_CHECKING:
    from rhi_assistant.models.interviews import Interview
    from rhi_assistant.models.people import User


class Summary(Model):
    __tablename__ = "summary"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interview.id"), index=True)
    generated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    generated_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    shared_with: Mapped[str] = mapped_column(EncryptedText)
    purpose: Mapped[str] = mapped_column(EncryptedText)
    legal_basis: Mapped[str] = mapped_column(String(120))
    # A frozen JSON snapshot of exactly what was shared (encrypted), so a later
    # change to the case never rewrites what the police were given.
    content: Mapped[str] = mapped_column(EncryptedText)

    interview: Mapped[Interview] = relationship()
    generated_by: Mapped[User] = relationship()
