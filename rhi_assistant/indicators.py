"""Indicator labels and groups for the web layer, read from the NLP package's spec copy."""

from __future__ import annotations

from functools import cache

from rhi_assistant import nlp

CONCERN_LABELS = {
    "CSE": "Child sexual exploitation",
    "CCE": "Child criminal exploitation",
    "TRAFFICKING": "Trafficking and modern slavery",
    "HARM": "Harm, risk or need",
}
WINDOW_LABELS = {
    "recent": "now or in the past 6 months",
    "6_to_12_months": "6 to 12 months ago",
    "over_12_months": "more than 12 months ago",
}


@cache
def indicators() -> dict[str, dict]:
    return dict(nlp.load_indicators())


def label(indicator_id: str) -> str:
    return indicators().get(indicator_id, {}).get("label", indicator_id)


def concerns(indicator_id: str) -> list[str]:
    return list(indicators().get(indicator_id, {}).get("concerns", ()))


def group(indicator_id: str) -> str:
    return indicators().get(indicator_id, {}).get("group", "")


def choices() -> list[tuple[str, str]]:
    return [(i, f"{meta['label']}") for i, meta in indicators().items()]
