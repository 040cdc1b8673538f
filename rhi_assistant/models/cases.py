"""A child's case and their missing episodes."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from rhi_assistant.crypto import (
    EncryptedBool,
    EncryptedDate,
    EncryptedJSON,
    EncryptedText,
    equality_digest,
)
from rhi_assistant.extensions import Model
from rhi_assistant.intake.references import reference_key
from rhi_assistant.models._common import UTCDateTime, utcnow

if TYPE_CHECKING:
    from rhi_assistant.models.interviews import Interview
    from rhi_assistant.models.people import Team, User

POLICE_RISKS = ("high", "medium", "low", "no_apparent_risk")
MISSING_FROM = ("home", "care", "education")
REPORTED_BY = ("parent_carer", "placement", "school", "other")
FOUND_BY = ("police", "parent_carer", "placement", "returned_themselves", "other")


class Child(Model):
    __tablename__ = "child"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(30), unique=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    # Identifying details are encrypted like the narrative: a stolen file names nobody.
    first_name: Mapped[str] = mapped_column(EncryptedText)
    last_name: Mapped[str] = mapped_column(EncryptedText)
    preferred_name: Mapped[str | None] = mapped_column(EncryptedText)
    # So are the details that, put together, single a child out or say what their life is
    # like (models/column_classes.csv says which column is which, and why any stays plain).
    date_of_birth: Mapped[date | None] = mapped_column(EncryptedDate)
    #: The blind index of the date of birth, set with it: finding the children born on a
    #: day (matching a new record, a police notification) compares these digests.
    date_of_birth_index: Mapped[str | None] = mapped_column(String(32), index=True)
    gender: Mapped[str | None] = mapped_column(EncryptedText)
    ethnicity: Mapped[str | None] = mapped_column(EncryptedText)
    languages: Mapped[str | None] = mapped_column(EncryptedText)
    address: Mapped[str | None] = mapped_column(EncryptedText)
    address_area: Mapped[str | None] = mapped_column(EncryptedText)
    sen_or_disability: Mapped[str | None] = mapped_column(EncryptedText)
    looked_after: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    legal_status: Mapped[str | None] = mapped_column(EncryptedText)
    care_start: Mapped[date | None] = mapped_column(EncryptedDate)
    open_to_childrens_services: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    known_to_csc_since: Mapped[date | None] = mapped_column(EncryptedDate)
    child_protection_plan: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    cp_plan_since: Mapped[date | None] = mapped_column(EncryptedDate)
    child_in_need_plan: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    youth_offending_service: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    other_agencies: Mapped[str | None] = mapped_column(EncryptedText)
    # The school can identify a child as surely as an address: encrypted like it.
    school: Mapped[str | None] = mapped_column(EncryptedText)
    # The council responsible for the child, and the one they are placed in when placed
    # away from it: out-of-area notifications go to both.
    home_authority: Mapped[str | None] = mapped_column(EncryptedText)
    host_authority: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    episodes: Mapped[list[Episode]] = relationship(
        back_populates="child", order_by="Episode.last_seen.desc()"
    )
    shares: Mapped[list[CaseShare]] = relationship(back_populates="child")
    #: The owning team, read only: loaded with the child on the interview pages, whose
    #: protocol profile every page asks for (services.episodes.team_profile).
    team: Mapped[Team] = relationship(viewonly=True)

    @property
    def display_name(self) -> str:
        first = self.preferred_name or self.first_name
        return f"{first} {self.last_name}"

    @validates("date_of_birth")
    def _keep_date_of_birth_index(self, _key: str, value: date | None) -> date | None:
        """Whoever records the date of birth (a form, an import), its blind index follows."""
        self.date_of_birth_index = date_of_birth_digest(value)
        return value

    def age_on(self, day: date) -> int | None:
        if self.date_of_birth is None:
            return None
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def date_of_birth_digest(born: date | None) -> str | None:
    """The blind index of a date of birth: what a query for the children born that day
    compares, since the encrypted dates themselves cannot be compared in SQL."""
    return equality_digest("date_of_birth", born.isoformat()) if born is not None else None


def police_reference_digest(key: str | None) -> str | None:
    """The blind index of a police reference's compared form (``reference_key``)."""
    return equality_digest("police_reference", key)


class CaseShare(Model):
    """Another team (for example the police missing team) may see this case's summaries.

    A revoked share keeps its row (who shared, why, who revoked and when), so the case
    record says who could see it and when; only a share with no ``revoked_at`` gives access.
    Sharing again after a revocation reopens the same row, and the audit log keeps each step.
    """

    __tablename__ = "case_share"
    __table_args__ = (UniqueConstraint("child_id", "team_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason: Mapped[str | None] = mapped_column(EncryptedText)
    shared_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    child: Mapped[Child] = relationship(back_populates="shares")
    team: Mapped[Team] = relationship()
    shared_by: Mapped[User | None] = relationship(foreign_keys=[shared_by_id])
    revoked_by: Mapped[User | None] = relationship(foreign_keys=[revoked_by_id])

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class Episode(Model):
    __tablename__ = "episode"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    reported_missing: Mapped[datetime | None] = mapped_column(UTCDateTime)
    found: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # None: not given (a police notification may leave them empty; the protocol reads None as
    # "not yet graded"). Built without them, an episode still defaults as before.
    # Encrypted like the child's details: the caseload filters by risk in Python over the
    # team's open episodes, the protocol reads the flags from loaded episodes.
    police_risk: Mapped[str | None] = mapped_column(EncryptedText, default="medium")
    missing_from: Mapped[str | None] = mapped_column(EncryptedText, default="home")
    placement_out_of_area: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    placement_area: Mapped[str | None] = mapped_column(EncryptedText)
    where_found: Mapped[str | None] = mapped_column(EncryptedText)
    hurt_or_harmed: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    exploitation_concern: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    criminality_or_drugs_concern: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    contact_with_risky_persons: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    offending_while_missing: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    trafficking_concern: Mapped[bool] = mapped_column(EncryptedBool, default=False)
    #: The concern flags a person set on the concerns page: these keep their stored value;
    #: any other flag the record sets (services/episode_flags.py) counts as set.
    flags_decided: Mapped[list | None] = mapped_column(EncryptedJSON)
    police_reference: Mapped[str | None] = mapped_column(EncryptedText)
    # Who told the police the child was missing (REPORTED_BY), and a few words when "other".
    reported_by: Mapped[str | None] = mapped_column(EncryptedText)
    reported_by_detail: Mapped[str | None] = mapped_column(EncryptedText)
    # Who found the child or brought them back (FOUND_BY), and how they came back.
    found_by: Mapped[str | None] = mapped_column(EncryptedText)
    return_detail: Mapped[str | None] = mapped_column(EncryptedText)
    #: Places the child stayed or was taken to while missing, one a line (encrypted like where
    #: found): counted by place on the Places page, beside where children were found.
    places_stayed: Mapped[str | None] = mapped_column(EncryptedText)
    #: Who the child was with when found, one name a line: another child of the team named
    #: here, in an episode overlapping this one, makes them "missing together".
    found_with: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # From the police's notification (services/intake.py): looked after when this episode
    # began (None: not said), and the council responsible for the child.
    looked_after: Mapped[bool | None] = mapped_column(EncryptedBool, default=None)
    home_authority: Mapped[str | None] = mapped_column(EncryptedText)
    #: The blind index of the police reference as compared (case and spaces ignored), set
    #: with the reference: one report is one episode per team, however each notification
    #: writes it, and the reference itself stays encrypted.
    police_reference_key: Mapped[str | None] = mapped_column(String(60), index=True)
    #: The child's details as the police last gave them (JSON, encrypted): an import never
    #: changes a child's record, so a difference is shown beside the episode to apply by hand.
    police_details: Mapped[str | None] = mapped_column(EncryptedText)

    child: Mapped[Child] = relationship(back_populates="episodes")
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="episode", order_by="Interview.created_at"
    )

    @validates("police_reference")
    def _keep_reference_key(self, _key: str, value: str | None) -> str | None:
        """Whoever records the reference (a page, an import), its compared form follows."""
        self.police_reference_key = police_reference_digest(reference_key(value))
        return value
