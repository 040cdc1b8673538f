"""A blind index of children's names, so the team can search by name while names stay
encrypted at rest.

Each row is a keyed digest (`crypto.blind_digest`, HMAC with a key derived from the data
key) of one normalised token of a child's first, last or preferred name, or of its first
letters (three or more), so "jor" finds Jordan. The database holds no name and no digest it
could reverse without the key; what it does show is which children share a name token, as
any exact-match index would. Rows are rewritten on every flush that adds or changes a child.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, delete, event, insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from rhi_assistant.extensions import Model


class ChildNameToken(Model):
    __tablename__ = "child_name_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"),
                                          index=True)
    digest: Mapped[str] = mapped_column(String(32), index=True)


@event.listens_for(Session, "after_flush")
def _index_changed_children(session: Session, _context) -> None:
    """Keep the index in step with the names, whichever page, import or command wrote them."""
    from rhi_assistant.services.name_search import child_digests

    changed = [obj for obj in (*session.new, *session.dirty)
               if getattr(obj, "__tablename__", None) == "child" and obj.id is not None]
    gone = [obj.id for obj in session.deleted if getattr(obj, "__tablename__", None) == "child"]
    ids = [c.id for c in changed] + gone
    if not ids:
        return
    conn = session.connection()
    conn.execute(delete(ChildNameToken).where(ChildNameToken.child_id.in_(ids)))
    rows = [{"child_id": c.id, "digest": d} for c in changed for d in child_digests(c)]
    if rows:
        conn.execute(insert(ChildNameToken), rows)
