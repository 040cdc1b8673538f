"""Planning a young person's handover at 18 (transitional safeguarding), one row per save.

From the profile's planning age (17 and a half) the team records who will
support the young person after 18 (the leaving care service, adult services)
and what the young person wants. Rows are never changed: a new plan is a new
row, so what was agreed at any time stays readable. The words are encrypted.
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
    from rhi_assistant.models.people import User

#: Who takes over at 18; the words are in web/transition/forms.py.
HANDOVER_ROUTES = ("leaving_care", "adult_services", "both", "no_service", "not_decided")


class TransitionPlan(Model):
    __tablename__ = "transition_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    # A code from HANDOVER_ROUTES, encrypted: "leaving care" says the child is looked after.
    route: Mapped[str] = mapped_column(EncryptedText)
    young_person_wishes: Mapped[str | None] = mapped_column(EncryptedText)
    plan: Mapped[str | None] = mapped_column(EncryptedText)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User] = relationship()
