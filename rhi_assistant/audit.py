"""Write audit events: every view and export of a child's record leaves a trace."""

from __future__ import annotations

from typing import cast

from flask import request
from flask_login import current_user
from sqlalchemy import Table

from rhi_assistant.extensions import commit_keeping_loaded_rows, db
from rhi_assistant.models import AuditEvent
from rhi_assistant.models._common import utcnow

AUDIT_EVENTS = cast(Table, AuditEvent.__table__)


def record(
    action: str,
    child_id: int | None,
    object_type: str | None = None,
    object_id: int | None = None,
    detail: str | None = None,
    user_id: int | None = None,
) -> None:
    """`user_id` names the actor when it is not the signed-in user (a sign-in as it happens)."""
    if user_id is None and current_user.is_authenticated:
        user_id = current_user.id
    # One plain INSERT: the ORM's unit of work (an object, its identity, a flush plan)
    # cost more than the write itself on every page, and nothing reads the event back.
    db.session.execute(AUDIT_EVENTS.insert().values(
        at=utcnow(),
        user_id=user_id,
        action=action,
        child_id=child_id,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
        ip=request.remote_addr if request else None,
    ))
    commit_keeping_loaded_rows()
