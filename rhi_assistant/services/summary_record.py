"""A summary as stored: the typed record, written once when it is shared and read back by
one `SummaryData.from_dict`, so the page, the PDF and the trigger plan read the same thing."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from rhi_assistant.models import Summary
from rhi_assistant.reports.data import SummaryData
from rhi_assistant.reports.summary_pdf import render_summary_pdf

LONDON = ZoneInfo("Europe/London")


def stored(record: SummaryData) -> str:
    """What goes in `Summary.content` (encrypted there)."""
    return json.dumps(record.to_dict())


def record_of(summary: Summary) -> SummaryData:
    return SummaryData.from_dict(json.loads(summary.content))


def render_pdf(record: SummaryData) -> bytes:
    """Times are stored in UTC; shown in UK time (GMT or BST), as police and partners read it."""
    return render_summary_pdf(record.in_zone(LONDON))
