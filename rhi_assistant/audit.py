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
    db.session.commit()
    return event
