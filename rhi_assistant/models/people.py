"""Teams and users: a team owns a child's case; a role says what a user may do."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow

ROLES = ("rhi_worker", "police_officer", "manager", "admin")


class Team(Model):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    agency: Mapped[str] = mapped_column(String(120))
    protocol_profile: Mapped[str] = mapped_column(String(60), default="north_somerset")
    #: A SERAF scoring file (seraf/scoring/<name>.json) for this team only; None: the
    #: protocol profile's ``seraf_scoring``, else the install's ``RHI_SERAF_SCORING``.
    seraf_scoring: Mapped[str | None] = mapped_column(String(60))

    users: Mapped[list[User]] = relationship(back_populates="team")


class User(UserMixin, Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(30))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    team: Mapped[Team | None] = relationship(back_populates="users")

    @property
    def is_active(self) -> bool:  # Flask-Login reads this
        return self.active

    def has_role(self, *roles: str) -> bool:
        return self.role in roles
