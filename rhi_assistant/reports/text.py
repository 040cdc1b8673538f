"""Words shared by the PDF and the on-screen view, so both say the same thing.

Everything here returns plain (unescaped) text; each renderer escapes for its own medium.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from rhi_assistant import vocabulary
from rhi_assistant.reports.data import (
    CHILD_QUOTED,
    ConfirmedIndicator,
    EntityCard,
    SummaryData,
)
from rhi_assistant.vocabulary import ENTITY_KINDS, OTHER_CONCERN, Concern

CONCERN_ORDER: tuple[str, ...] = tuple(c.value for c in Concern)

NOT_RECORDED = "Not recorded"

DEFAULT_HANDLING_NOTE = (
    "OFFICIAL-SENSITIVE. Contains personal information about a child, shared for "
    "safeguarding. Store securely, share further only on a need-to-know basis and "
    "record any onward sharing."
)

GRADING_NOTE = "Suggested only: partners do not grade intelligence; the receiving officer does."


def format_date(value: date | None) -> str:
    """``3 May 2011``: unambiguous in every English-speaking country."""
    if value is None:
        return NOT_RECORDED
    return f"{value.day} {value:%B %Y}"


def format_datetime(value: datetime | None) -> str:
    """``14 March 2025 at 21:30`` (with the zone name when the time carries one)."""
    if value is None:
        return NOT_RECORDED
    text = f"{value.day} {value:%B %Y} at {value:%H:%M}"
    zone = value.tzname()
    return f"{text} {zone}" if zone else text


def or_not_recorded(value: object) -> str:
    """Blank fields say so, rather than leaving a reader to wonder if something was lost."""
    if value is None:
        return NOT_RECORDED
    text = str(value).strip()
    return text or NOT_RECORDED


def format_languages(value: Sequence[str] | str | None) -> str:
    if value is None or isinstance(value, str):
        return or_not_recorded(value)
    return or_not_recorded(", ".join(v for v in value if v))


def window_label(window: str | None) -> str:
    return vocabulary.window_label(window) or NOT_RECORDED


EXPLOITATION_HEADING = "Exploitation risk assessment (criminal exploitation and trafficking)"


def concern_heading(code: str) -> str:
    """``Child sexual exploitation (CSE)``: the vocabulary's label, with its code for searching."""
    label = vocabulary.concern_label(code)
    if code == OTHER_CONCERN or label == code:
        return label
    return label if "(" in label or code == Concern.HARM else f"{label} ({code})"


def group_by_concern(
    indicators: Iterable[ConfirmedIndicator],
) -> list[tuple[str, list[ConfirmedIndicator]]]:
    """Indicators under each concern they count towards, in the fixed concern order.

    An indicator counting towards two concerns is listed under both, so each section
    stands alone for a reader who handles only that kind of exploitation.
    """
    groups: dict[str, list[ConfirmedIndicator]] = {}
    for item in indicators:
        codes = [c for c in item.concerns if c in CONCERN_ORDER] or [OTHER_CONCERN]
        for code in dict.fromkeys(codes):
            groups.setdefault(code, []).append(item)
    order = [*CONCERN_ORDER, OTHER_CONCERN]
    return [(code, groups[code]) for code in order if code in groups]


def by_main_concern(
    indicators: Iterable[ConfirmedIndicator],
) -> list[tuple[str, list[ConfirmedIndicator]]]:
    """Each indicator once, under the first concern it counts towards (in the fixed order).

    Printing an indicator under every concern it counts towards made the summary long and
    repetitive; `concern_overview` names, for each concern, every indicator that counts.
    """
    order = [*CONCERN_ORDER, OTHER_CONCERN]
    groups: dict[str, list[ConfirmedIndicator]] = {}
    for item in indicators:
        codes = [c for c in item.concerns if c in CONCERN_ORDER] or [OTHER_CONCERN]
        groups.setdefault(min(codes, key=order.index), []).append(item)
    return [(code, groups[code]) for code in order if code in groups]


def concern_overview(indicators: Iterable[ConfirmedIndicator]) -> list[tuple[str, str]]:
    """One row a concern: its heading, and how many confirmed indicators count towards it."""
    rows = []
    for code, items in group_by_concern(indicators):
        n = len(items)
        rows.append((concern_heading(code),
                     f"{n} indicator{'s' if n != 1 else ''}: "
                     + "; ".join(i.label for i in items)))
    return rows


def also_counts(item: ConfirmedIndicator, under: str) -> str | None:
    """The other concerns an indicator listed once counts towards, in words."""
    others = [vocabulary.concern_label(c) for c in dict.fromkeys(item.concerns)
              if c != under and c in CONCERN_ORDER]
    return "Also counts towards: " + "; ".join(others) if others else None


def evidence_label(item: ConfirmedIndicator, who: str = "child") -> str:
    """Whose words the evidence is, honestly: the worker's notes unless they quote the child."""
    return f"In the {who}'s words (quoted in the notes)" if item.source == CHILD_QUOTED \
        else "From the worker's notes"


ENTITY_SINGULAR = {"PERSON": "name", "PLACE": "place", "VEHICLE": "vehicle",
                   "PLATE": "registration", "PHONE": "phone", "HANDLE": "online account"}
CARD_HEADINGS = {"person": "Person", "vehicle": "Vehicle", "place": "Place"}


def card_line(card: EntityCard) -> tuple[str, str]:
    """A card as (heading, details): ``Person: Jay / Jason Smith``, ``phone 07700 900123; …``."""
    details = "; ".join(f"{ENTITY_SINGULAR.get(k, k.lower())} {t}" for k, t in card.details)
    return f"{CARD_HEADINGS.get(card.kind, card.kind)}: {card.title}", details or "No more details"


def loose_entities(data: SummaryData) -> dict[str, list[str]]:
    """The shared names that are on no card."""
    carded = {(k, t) for card in data.cards for k, t in card.members}
    return {kind: [v for v in values if (kind, v) not in carded]
            for kind, values in data.entities.items()}


def entity_rows(entities: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """Non-empty entity lists with human labels, known kinds first, in a fixed order."""
    kinds = [*ENTITY_KINDS, *sorted(k for k in entities if k not in ENTITY_KINDS)]
    rows = []
    for kind in kinds:
        values = [v for v in entities.get(kind, []) if v and v.strip()]
        if values:
            rows.append((vocabulary.entity_label(kind), values))
    return rows


def quoted(words: str) -> str:
    return f"\u201c{words.strip()}\u201d"


def person(data: SummaryData) -> str:
    """Who the summary is about: a child, or a young adult (18 or over when last seen)."""
    return "young adult" if data.child.young_adult else "child"


def indicator_lines(item: ConfirmedIndicator, who: str = "child",
                    under: str | None = None) -> list[str]:
    lines = [item.label]
    if item.evidence and item.evidence.strip():
        lines.append(f"{evidence_label(item, who)}: {quoted(item.evidence)}")
    lines.append(f"When: {window_label(item.window)}")
    also = also_counts(item, under) if under else None
    if also:
        lines.append(also)
    if item.note and item.note.strip():
        lines.append(f"Note: {item.note.strip()}")
    return lines


def child_rows(data: SummaryData) -> list[tuple[str, str]]:
    c = data.child
    return [
        ("Name", or_not_recorded(c.name)),
        ("Date of birth", format_date(c.date_of_birth)),
        ("Age", or_not_recorded(c.age)),
        ("Gender", or_not_recorded(c.gender)),
        ("Ethnicity", or_not_recorded(c.ethnicity)),
        ("Languages", format_languages(c.languages)),
        ("Area", or_not_recorded(c.address_area)),
    ]


def episode_rows(data: SummaryData) -> list[tuple[str, str]]:
    e = data.episode
    rows = [
        ("Missing from", or_not_recorded(e.missing_from)),
        ("Last seen", format_datetime(e.last_seen)),
        ("Reported missing", format_datetime(e.reported)),
        ("Found", format_datetime(e.found) if e.found else "Not yet found or not recorded"),
        ("Where found", or_not_recorded(e.where_found)),
        ("Time missing", or_not_recorded(e.duration_text)),
        ("Police risk level", or_not_recorded(e.police_risk)),
    ]
    if e.placement:
        rows.insert(1, ("Placement", e.placement))
    return rows


def wish_lines(data: SummaryData) -> list[str]:
    """The child's wishes as noted, each under its question."""
    if not data.wishes:
        return ["Not recorded"]
    return [f"{w.question} (from the worker's notes): {w.notes}" for w in data.wishes]


def seraf_lines(data: SummaryData) -> list[str]:
    s = data.seraf
    if s is None and data.child.young_adult:
        return ["SERAF is for under-18s: it does not apply to a young adult's episode."]
    if s is None:
        return ["No SERAF assessment has been completed for this child."]
    lines = [f"Category: {s.category_label}", f"Score: {s.total}"]
    if s.overridden:
        given = (
            f" (the score gave {s.computed_category_label})" if s.computed_category_label else ""
        )
        lines.append(f"Category set by professional judgement{given}.")
        lines.append(f"Reason: {or_not_recorded(s.override_reason)}")
    return lines


def exploitation_lines(data: SummaryData) -> list[str]:
    """Each concern's level, with the override and its reason when a person changed it."""
    lines = []
    for e in data.exploitation:
        line = f"{e.concern}: {e.level_label} ({e.ticked} indicator{'s' if e.ticked != 1 else ''})"
        if e.overridden:
            given = f"; the indicators alone gave {e.computed_label}" if e.computed_label else ""
            line += f", set by professional judgement{given}. Reason: "
            line += or_not_recorded(e.override_reason)
        lines.append(line)
    return lines


def sharing_rows(data: SummaryData) -> list[tuple[str, str | list[str]]]:
    """The record of the sharing; 'shared with' is a list, one recipient per line."""
    recipients = [w for w in data.shared_with if w and w.strip()]
    return [
        ("Shared with", recipients or NOT_RECORDED),
        ("Purpose", or_not_recorded(data.purpose)),
        ("Legal basis", or_not_recorded(data.legal_basis)),
        ("Prepared", format_datetime(data.generated_at)),
        ("Prepared by", or_not_recorded(data.generated_by)),
    ]


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "; ".join(value)


def summary_text_sections(data: SummaryData) -> list[tuple[str, list[str]]]:
    """The summary as ``(heading, lines)`` in print order, for the screen and plain text."""
    sections: list[tuple[str, list[str]]] = [
        (
            "Intelligence-sharing summary",
            [
                f"Reference: {data.reference}",
                f"Prepared {format_datetime(data.generated_at)} by {data.generated_by}",
            ],
        ),
        (f"The {person(data)}", [f"{k}: {v}" for k, v in child_rows(data)]),
        ("The missing episode", [f"{k}: {v}" for k, v in episode_rows(data)]),
        ("Push factors", list(data.push_factors) or ["None recorded"]),
        ("Pull factors", list(data.pull_factors) or ["None recorded"]),
    ]
    sections.append((f"What the {person(data)} would like", wish_lines(data)))
    groups = by_main_concern(data.indicators)
    if not groups:
        sections.append(("Confirmed indicators", ["None confirmed"]))
    else:
        sections.append(("Concerns at a glance",
                         [f"{k}: {v}" for k, v in concern_overview(data.indicators)]))
    for code, items in groups:
        lines = [line for item in items for line in indicator_lines(item, person(data), code)]
        sections.append((f"Confirmed indicators: {concern_heading(code)}", lines))
    sections.append(
        (
            "People, places, vehicles and contacts",
            [f"{head}: {details}" for head, details in map(card_line, data.cards)]
            + [f"{label}: {'; '.join(values)}"
               for label, values in entity_rows(loose_entities(data))]
            or ["None recorded"],
        )
    )
    sections.append(("SERAF", seraf_lines(data)))
    if data.exploitation:
        sections.append((EXPLOITATION_HEADING, exploitation_lines(data)))
    sections.append(("Recommended next steps", list(data.next_steps) or ["None recorded"]))
    sections.append(("Sharing record", [f"{k}: {_joined(v)}" for k, v in sharing_rows(data)]))
    if data.suggested_grading:
        sections.append(("Suggested grading", [data.suggested_grading, GRADING_NOTE]))
    sections.append(("Handling", [data.handling_note or DEFAULT_HANDLING_NOTE]))
    return sections
