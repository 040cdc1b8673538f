"""The one place the web app asks what time it is.

Deadlines (RHI due, safe and well due, independent-person request) are all
measured against "now". Reading it here, and letting the ``CLOCK_NOW`` setting
(an ISO 8601 string) override it, lets tests and demonstrations move time
forward without waiting three days for an RHI to become overdue.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app, has_app_context


def now() -> datetime:
    """The current time as an aware UTC datetime (``CLOCK_NOW`` when set)."""
    override = current_app.config.get("CLOCK_NOW") if has_app_context() else None
    if override:
        moved = override if isinstance(override, datetime) else datetime.fromisoformat(
            str(override).replace("Z", "+00:00"))
        if moved.tzinfo is None:
            moved = moved.replace(tzinfo=UTC)
        return moved.astimezone(UTC)
    return datetime.now(UTC)
