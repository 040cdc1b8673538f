"""A summary as stored: the typed record, written once when it is shared and read back by
one `SummaryData.from_dict`, so the page, the PDF and the trigger plan read the same thing."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from rhi_assistant.extensions import db
from rhi_assistant.models import Interview, Summary
from rhi_assistant.reports.data import SummaryData
from rhi_assistant.reports.summary_pdf import render_summary_pdf


def save(
    interview: Interview, record: SummaryData, *, user_id: int, purpose: str, legal_basis: str
) -> Summary:
    """Keep the summary exactly as it was shared: a later change to the case never rewrites
    what the police were given."""
    summary = Summary(
        interview=interview,
        generated_by_id=user_id,
        shared_with=json.dumps(record.shared_with),
        purpose=purpose,
        legal_basis=legal_basis,
        content=content(record),
    )
    db.session.add(summary)
    db.session.commit()
    return summary


def content(record: SummaryData) -> str:
    """What goes in `Summary.content` (encrypted there)."""
    return json.dumps(record.to_dict())


def record_of(summary: Summary) -> SummaryData:
    return SummaryData.from_dict(json.loads(summary.content))


def render_pdf(record: SummaryData, zone: ZoneInfo) -> bytes:
    """Times are stored in UTC; shown on the team's wall clock (GMT or BST in the UK), as
    police and partners read them."""
    return render_summary_pdf(record.in_zone(zone))
