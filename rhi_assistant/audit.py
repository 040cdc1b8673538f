"""Write audit events: every view and export of a child's record leaves a trace."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent


def record(
    action: str,
    child_id: int | None,
    object_type: str | None = None,
    object_id: int | None = None,
    detail: str | None = None,
    user_id: int | None = None,
) -> AuditEvent:
    """`user_id` names the actor when it is not the signed-in user (a sign-in as it happens)."""
    if user_id is None and current_user.is_authenticated:
        user_id = current_user.id
    event = AuditEvent(
        user_id=user_id,
        action=action,
        child_id=child_id,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
        ip=request.remote_addr if request else None,
    )
    db.session.add(event)
    _commit_keeping_loaded_rows()
    return event


def _commit_keeping_loaded_rows() -> None:
    """Commit without expiring what the request has loaded.

    Nearly every page audits; a plain commit expires every row the request has read, and
    whatever the page or the response touches next (the child, the interview, the signed-in
    user for the kept words) is read again from the database. What it holds is what this
    request read or wrote moments ago, so keeping it is safe; the next request starts on a
    fresh session as always."""
    session = db.session()
    expire = session.expire_on_commit
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire
