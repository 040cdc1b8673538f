"""The intelligence-sharing summary as a PDF for police and partner agencies.

Laid out for a busy receiving officer: who the child is, what happened, what was
found (each indicator once, with the whole sentence of the notes it was read in and whose
words those are), who and what was named (tied into person, vehicle and place cards by the
worker), what the child would like, and the sharing record the DfE advice and the ICO code
expect.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from rhi_assistant.reports import text
from rhi_assistant.reports.data import ConfirmedIndicator, SummaryData
from rhi_assistant.reports.layout import (
    LABEL_FILL,
    RULE,
    build_pdf,
    bullet_list,
    esc,
    gap,
    headed,
    heading,
    key_value_table,
    note_box,
    para,
    styles,
)
from rhi_assistant.reports.network_pdf import network_drawing, picture_for
from rhi_assistant.vocabulary import Window

TITLE = "Intelligence-sharing summary"


def _indicator_block(item: ConfirmedIndicator, st: dict[str, ParagraphStyle],
                     who: str = "child", under: str | None = None) -> list[Flowable]:
    parts: list[Flowable] = [para(item.label, st["label"])]
    if item.evidence and item.evidence.strip():
        parts.append(
            Paragraph(
                f'<font color="#505a5f">{esc(text.evidence_label(item, who))}:</font> '
                f"{esc(text.quoted(item.evidence))}",
                st["quote"],
            )
        )
    # The recent window is said once above the list; only other times are printed, so the
    # older events stand out and each indicator takes fewer lines.
    when = [] if item.window == Window.RECENT else [f"When: {text.window_label(item.window)}"]
    also = text.also_counts(item, under) if under else None
    if also:
        when.append(also)
    if item.note and item.note.strip():
        when.append(f"Note: {item.note.strip()}")
    if when:
        parts.append(para(" · ".join(when), st["small"]))
    return [note_box(parts, fill=LABEL_FILL, edge=RULE), gap(1.5)]


def _indicators(data: SummaryData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    groups = text.by_main_concern(data.indicators)
    if not groups:
        return [
            heading("Confirmed indicators", st["h2"]),
            para("No indicators were confirmed.", st["small"]),
        ]
    # Each indicator once, under the first concern it counts towards; the table before them
    # names every indicator that counts towards each concern, for a reader of one concern.
    story: list[Flowable] = [
        KeepTogether([
            Paragraph(esc("Confirmed indicators"), st["h2_inline"]),
            para("Confirmed by the practitioner after the interview. Each is listed once, "
                 "with any other concern it counts towards. When: "
                 f"{text.window_label(Window.RECENT)}, unless another time is given.",
                 st["small"]),
            key_value_table(text.concern_overview(data.indicators), st),
            gap(2),
        ])
    ]
    # Headings travel with the first indicator under them, never alone at a page foot.
    # (Kept flat: keepWithNext headings or nested KeepTogether force needless page breaks.)
    for code, items in groups:
        blocks = [_indicator_block(item, st, text.person(data), code) for item in items]
        head = Paragraph(esc(text.concern_heading(code)), st["h3_inline"])
        story.append(KeepTogether([head, *blocks[0]]))
        story.extend(KeepTogether(block) for block in blocks[1:])
    return story


def _entities(data: SummaryData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Cards first (names the worker tied together), then the names on no card."""
    rows: list[tuple[str, str | list[str]]] = [text.card_line(c) for c in data.cards]
    rows += text.entity_rows(text.loose_entities(data))
    return headed(
        "People, places, vehicles and contacts",
        [key_value_table(rows, st) if rows else para("None recorded.", st["small"])],
        st,
    )


def _wishes(data: SummaryData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The child's own wishes, whole, as the worker noted them."""
    who = text.person(data)
    if not data.wishes:
        body: list[Flowable] = [para("Not recorded.", st["small"])]
    else:
        body = [para("From the worker's notes of what the " + who + " said.", st["small"]),
                key_value_table([(w.question, w.notes) for w in data.wishes], st)]
    return headed(f"What the {who} would like", body, st)


def _network(data: SummaryData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The chosen links as a picture, after the list that says the same in words."""
    if not data.network:
        return []
    picture = picture_for(data.child.name, data.network)
    return [KeepTogether([
        para("Network picture of the links above: the child on the left, the linked people, "
             "vehicles, contacts and places in the middle, other children (not named) on the "
             "right.", st["small"]),
        network_drawing(picture),
    ])]


def render_summary_pdf(data: SummaryData) -> bytes:
    """Render the summary; every piece of user text is escaped before layout."""
    st = styles()
    story: list[Flowable] = [
        heading(TITLE, st["title"]),
        key_value_table(
            [
                ("Reference", data.reference),
                ("Prepared", text.format_datetime(data.generated_at)),
                ("Prepared by", text.or_not_recorded(data.generated_by)),
            ],
            st,
        ),
        gap(2),
    ]
    if data.suggested_grading:
        story.append(
            note_box(
                [
                    Paragraph(
                        f"<b>Suggested grading:</b> {esc(data.suggested_grading)}", st["body"]
                    ),
                    para(text.GRADING_NOTE, st["small"]),
                ]
            )
        )

    story += headed(f"The {text.person(data)}", [key_value_table(text.child_rows(data), st)], st)
    story += headed("The missing episode", [key_value_table(text.episode_rows(data), st)], st)
    story += _wishes(data, st)
    # Flat KeepTogethers: nesting them makes reportlab break the page early.
    story += [
        KeepTogether(
            [
                Paragraph(esc("Push and pull factors"), st["h2_inline"]),
                Paragraph(esc("Push factors (away from home or placement)"), st["h3_inline"]),
                bullet_list(data.push_factors, st, empty="None recorded."),
            ]
        ),
        *headed(
            "Pull factors (towards people or places)",
            [bullet_list(data.pull_factors, st, empty="None recorded.")],
            st,
            level="h3",
        ),
    ]
    story += _indicators(data, st)

    story += _entities(data, st)
    if data.links:
        story += headed("Links with other children", [bullet_list(data.links, st, empty="")], st)
    story += _network(data, st)
    seraf = (
        key_value_table(_seraf_rows(data), st)
        if data.seraf
        else para(text.seraf_lines(data)[0], st["small"])
    )
    story += headed("SERAF (sexual exploitation risk assessment)", [seraf], st)
    if data.exploitation:
        story += headed(text.EXPLOITATION_HEADING,
                        [bullet_list(text.exploitation_lines(data), st, empty="")], st)
    story += headed(
        "Recommended next steps",
        [bullet_list(data.next_steps, st, numbered=True, empty="None recorded.")],
        st,
    )
    story += headed("Sharing record", [key_value_table(text.sharing_rows(data), st)], st)
    story += [
        gap(4),
        note_box([para(data.handling_note or text.DEFAULT_HANDLING_NOTE, st["small"])]),
    ]
    return build_pdf(
        story, title=f"{TITLE} {data.reference}", footer_left=f"{TITLE} · {data.reference}"
    )


def _seraf_rows(data: SummaryData) -> list[tuple[str, str]]:
    s = data.seraf
    assert s is not None
    rows = [("Category", s.category_label), ("Score", str(s.total))]
    if s.overridden:
        given = (
            f"; the score alone gave {s.computed_category_label}"
            if (s.computed_category_label)
            else ""
        )
        rows.append(("Overridden", f"Yes, by professional judgement{given}"))
        rows.append(("Reason", text.or_not_recorded(s.override_reason)))
    return rows
