"""Mentions a practitioner confirmed (or rejected) in a child's notes, their blind index, and
the "not the same" decisions on links between them.

A mention's text stays encrypted; what links two children is found through `LinkMentionKey`,
keyed digests (`crypto.blind_digest`) of the normalised forms the matching engine gives
(`rhi_assistant.links.keys`), written only for confirmed mentions: a rejected or undecided
mention never links.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi_assistant.crypto import EncryptedText
from rhi_assistant.extensions import Model
from rhi_assistant.models._common import UTCDateTime, utcnow

if TYPE_CHECKING:
    from rhi_assistant.models.cases import Child
    from rhi_assistant.models.people import User


class LinkMention(Model):
    __tablename__ = "link_mention"
    __table_args__ = (UniqueConstraint("child_id", "text_digest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"),
                                          index=True)
    interview_id: Mapped[int | None] = mapped_column(ForeignKey("interview.id"))
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(EncryptedText)
    #: Blind digest of the kind and the text as written (folded): one decision per mention.
    text_digest: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(12))  # confirmed | rejected
    #: When the notes that hold the mention were recorded (shown with every link).
    recorded_on: Mapped[date] = mapped_column(Date)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    child: Mapped[Child] = relationship()
    decided_by: Mapped[User | None] = relationship()

    @property
    def is_confirmed(self) -> bool:
        return self.status == "confirmed"


class LinkMentionKey(Model):
    __tablename__ = "link_mention_key"
    __table_args__ = (Index("ix_link_mention_key_digest_mention", "digest", "mention_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mention_id: Mapped[int] = mapped_column(
        ForeignKey("link_mention.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(32))


class LinkNotSame(Model):
    """A person looked at a link between two mentions and said they are not the same thing."""

    __tablename__ = "link_not_same"
    __table_args__ = (UniqueConstraint("first_id", "second_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    first_id: Mapped[int] = mapped_column(ForeignKey("link_mention.id", ondelete="CASCADE"),
                                          index=True)
    second_id: Mapped[int] = mapped_column(ForeignKey("link_mention.id", ondelete="CASCADE"),
                                           index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
