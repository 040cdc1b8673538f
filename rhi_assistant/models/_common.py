"""Shared column helpers: timezone-aware UTC timestamps on every database."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

from rhi_assistant import clock


def utcnow() -> datetime:
    """Column default: the app's clock, so a row made while ``CLOCK_NOW`` is set is stamped then."""
    return clock.now()


class UTCDateTime(TypeDecorator):
    """Store UTC, always hand back an aware datetime (SQLite drops the zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("Naive datetimes are not stored: give a timezone.")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def set_fields(record: object, values: Mapping[str, Any]) -> list[str]:
    """Set a record's fields from a form's values (text trimmed, blank stored as None) and
    return the names of those that changed, for the audit trail: names only, since the
    values may identify the child or where they were."""
    changed = []
    for name, value in values.items():
        if isinstance(value, str):
            value = value.strip() or None
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed.append(name)
    return changed
