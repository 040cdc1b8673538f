"""Shared column helpers: timezone-aware UTC timestamps on every database."""

from __future__ import annotations

from datetime import UTC, datetime

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
