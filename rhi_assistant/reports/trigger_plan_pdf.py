"""The trigger plan (North Somerset protocol, Appendix 3) as a PDF.

A trigger plan is read in a hurry, by a carer at night or an officer taking a
missing report, so it puts the actions first (carers, then police) and the
background and lines of enquiry after them.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from rhi_assistant.reports import text
from rhi_assistant.reports.data import TriggerPlanData
from rhi_assistant.reports.layout import (
    build_pdf,
    bullet_list,
    gap,
    headed,
    heading,
    key_value_table,
    note_box,
    para,
    styles,
)

TITLE = "Trigger plan: missing from home or care"


def trigger_plan_sections(data: TriggerPlanData) -> list[tuple[str, list[str]]]:
    """The plan as ``(heading, lines)`` in print order, for the screen and the PDF."""

    def lines(values: list[str]) -> list[str]:
        return [v for v in values if v and v.strip()]

    def prose(value: str) -> list[str]:
        return [value.strip()] if value and value.strip() else []

    return [
        (
            "Actions for parents or carers before calling the police",
            lines(data.carers_before_police),
        ),
        ("Actions for the police when the child is reported missing", lines(data.police_actions)),
        ("How to approach the child", prose(data.approach)),
        ("Background", prose(data.background)),
        ("Places the child is known to go", lines(data.frequented_places)),
        ("Lines of enquiry", lines(data.lines_of_enquiry)),
        ("Known associates", lines(data.known_associates)),
        ("Vehicles", lines(data.vehicles)),
        ("Addresses", lines(data.addresses)),
        ("Family members", lines(data.family_members)),
        ("Professionals involved", lines(data.professionals)),
    ]


_NUMBERED = {
    "Actions for parents or carers before calling the police",
    "Actions for the police when the child is reported missing",
}
_PROSE = {"How to approach the child", "Background"}


def _section(title: str, values: list[str], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    body: Flowable
    if title in _PROSE:
        body = para(values[0] if values else "None recorded.", st["body"])
    else:
        body = bullet_list(values, st, numbered=title in _NUMBERED, empty="None recorded.")
    return headed(title, [body], st)


def render_trigger_plan_pdf(data: TriggerPlanData) -> bytes:
    """Render the plan; all user text is escaped before layout."""
    st = styles()
    story: list[Flowable] = [
        heading(TITLE, st["title"]),
        key_value_table(
            [
                ("Child", text.or_not_recorded(data.child.name)),
                ("Date of birth", text.format_date(data.child.date_of_birth)),
                ("Version", str(data.version)),
                ("Last updated", text.format_datetime(data.updated_at)),
                ("Updated by", text.or_not_recorded(data.updated_by)),
            ],
            st,
        ),
        gap(2),
        note_box(
            [
                para(
                    "If the child is missing and you believe they are at immediate risk, call "
                    "999. Follow the actions below and give this plan to the police.",
                    st["body"],
                ),
                para("This printed plan does not include a photograph.", st["small"]),
            ]
        ),
    ]
    for title, values in trigger_plan_sections(data):
        story += _section(title, values, st)
    story += [
        gap(4),
        note_box([para(text.DEFAULT_HANDLING_NOTE, st["small"])]),
    ]
    footer = f"Trigger plan · version {data.version}"
    return build_pdf(story, title=f"{TITLE} (version {data.version})", footer_left=footer)
