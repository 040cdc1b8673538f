"""Failed sign-ins counted per email and per client address, held server-side.

One row per key: ``email:<sha256 of the normalised email>`` (whether or not an
account has it, so the throttle says nothing about which emails exist) or
``address:<client address>``. Past a few failures each further one makes the
next attempt wait longer; nothing is ever locked for good.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime


class SignInThrottle(Model):
    __tablename__ = "sign_in_throttle"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: No attempt for this key is checked before then.
    wait_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
