"""What was done after the RHI (North Somerset protocol, section 3.2), and who authorised it.

The worker records the outcomes; a manager of the owning team authorises them.
Authorising closes the episode's RHI work, so it leaves the team's list.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi_assistant.crypto import EncryptedText
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow

if TYPE_CHECKING:
    from rhi_assistant.models.people import User

OUTCOME_CODES = (
    "no_further_action",
    "information_shared_with_police",
    "referral_childrens_social_care",
    "referral_early_help",
    "strategy_discussion_requested",
    "multi_agency_meeting",
    "exploitation_screening",
    "nrm_referral",
    "trigger_plan_updated",
    "other",
)


class EpisodeOutcome(Model):
    __tablename__ = "episode_outcome"

    id: Mapped[int] = mapped_column(primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("episode.id"), unique=True, index=True)
    # Codes from OUTCOME_CODES as a JSON list: codes only, so they stay countable in clear.
    # Encrypted: the outcome codes say what the child was found to need.
    codes_json: Mapped[str] = mapped_column(EncryptedText, default="[]")
    other_detail: Mapped[str | None] = mapped_column(EncryptedText)
    notes: Mapped[str | None] = mapped_column(EncryptedText)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    authorised_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    authorised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    recorded_by: Mapped[User] = relationship(foreign_keys=[recorded_by_id])
    authorised_by: Mapped[User | None] = relationship(
        foreign_keys=[authorised_by_id])

    @property
    def codes(self) -> list[str]:
        return list(json.loads(self.codes_json or "[]"))

    @codes.setter
    def codes(self, values: list[str]) -> None:
        self.codes_json = json.dumps([v for v in OUTCOME_CODES if v in set(values)])

    @property
    def is_authorised(self) -> bool:
        return self.authorised_at is not None
