"""Turns a stored summary snapshot into the reports package's data and renders the PDF."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from rhi_assistant.reports.data import (
    ChildSummary,
    ConfirmedIndicator,
    EpisodeSummary,
    SerafSummary,
    SummaryData,
)
from rhi_assistant.reports.summary_pdf import render_summary_pdf
from rhi_assistant.vocabulary import seraf_category_label


def _dt(value: str | None, zone: ZoneInfo) -> datetime | None:
    """Stored in UTC; shown on the team's wall clock (GMT or BST in the UK), as partners read it."""
    return datetime.fromisoformat(value).astimezone(zone) if value else None


def to_summary_data(data: dict, zone: ZoneInfo) -> SummaryData:
    child = data["child"]
    episode = data["episode"]
    seraf = data.get("seraf")
    return SummaryData(
        reference=data["reference"],
        generated_at=_dt(data["generated_at"], zone),
        generated_by=data["generated_by"],
        child=ChildSummary(
            name=child["name"],
            date_of_birth=date.fromisoformat(child["date_of_birth"])
            if child.get("date_of_birth") else None,
            age=child.get("age"),
            gender=child.get("gender"),
            ethnicity=child.get("ethnicity"),
            languages=child.get("languages"),
            address_area=child.get("address_area"),
            young_adult=bool(child.get("young_adult")),
        ),
        episode=EpisodeSummary(
            last_seen=_dt(episode["last_seen"], zone),
            reported=_dt(episode.get("reported"), zone),
            found=_dt(episode.get("found"), zone),
            missing_from=episode.get("missing_from") or "",
            police_risk=episode.get("police_risk") or "",
            duration_text=episode.get("duration_text"),
            placement=episode.get("placement") or None,
        ),
        push_factors=[f"{i['label']}: \u201c{i['evidence']}\u201d" if i["evidence"] else i["label"]
                      for i in data["push_factors"]],
        pull_factors=[f"{i['label']}: \u201c{i['evidence']}\u201d" if i["evidence"] else i["label"]
                      for i in data["pull_factors"]],
        indicators=[
            ConfirmedIndicator(
                indicator=i["indicator"],
                label=i["label"],
                concerns=tuple(i["concerns"]),
                window=i["window"],
                evidence=i["evidence"],
                note=i.get("note"),
            )
            for i in data["indicators"]
        ],
        entities=data["entities"],
        seraf=SerafSummary(
            total=seraf["total"],
            category_label=seraf_category_label(seraf["category"]) or "Not assessed",
            overridden=seraf["overridden"],
            override_reason=seraf.get("override_reason"),
        ) if seraf else None,
        next_steps=data["next_steps"],
        shared_with=data["shared_with"],
        purpose=data["purpose"],
        legal_basis=data["legal_basis"],
        suggested_grading=None,
        handling_note="Partners do not grade intelligence: the receiving officer grades it.",
    )


def render_pdf(data: dict, zone: ZoneInfo) -> bytes:
    return render_summary_pdf(to_summary_data(data, zone))
