"""Words a practitioner posted just after the idle timeout signed them out.

The post could not be saved (nobody was signed in any more), but the session
cookie still said who typed it. The free-text fields are kept here, encrypted,
for that user only, and put back into the same form when they sign in again;
the row goes when that form is saved.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from rhi_assistant.crypto import EncryptedJSON
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow


class KeptDraft(Model):
    """One form's typed words, kept for the user who typed them (never shown to anyone else)."""

    __tablename__ = "kept_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    #: The path the form was posted to: the words go back into the form posting there.
    path: Mapped[str] = mapped_column(String(500))
    #: Field name -> what was typed; identifying free text, so encrypted.
    fields: Mapped[dict] = mapped_column(EncryptedJSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
