"""The words the whole app shares: codes as enums, the indicator vocabulary, English labels.

One place, so a concern, a time window or a language is never spelt two ways.
This module imports no Flask: the NLP and SERAF engines and the PDF reports read
it as plain data. The web layer translates these English labels on display
through ``vocabulary.labels`` (which does import Flask-Babel); the PDF keeps
them in English, as the record partners receive.

The indicator vocabulary is ``indicators.json`` beside this module: a copy of
the shared spec (ids are a contract with the evaluation sets, never renamed),
and the only copy in the package.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, TypedDict


def N_(text: str) -> str:
    """Marks English kept here for extraction; the web layer translates it on display."""
    return text


class Concern(StrEnum):
    """The exploitation concerns an indicator counts towards (the spec's ``concerns``)."""

    CSE = "CSE"
    CCE = "CCE"
    TRAFFICKING = "TRAFFICKING"
    HARM = "HARM"


OTHER_CONCERN = "OTHER"
"""Not a concern of the spec: the heading for indicators that count towards none."""


class Window(StrEnum):
    """When an indicator was present, in SERAF's terms; ``episode`` is this missing episode."""

    RECENT = "recent"
    MID = "6_to_12_months"
    OLD = "over_12_months"
    EPISODE = "episode"


RECORDED_WINDOWS: tuple[Window, ...] = (Window.RECENT, Window.MID, Window.OLD)
"""The windows a practitioner may record on a suggestion."""


class Assertion(StrEnum):
    """Whether a mention is about this child, denied, uncertain or about someone else."""

    PRESENT = "present"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    OTHER_PERSON = "other_person"


class SuggestionStatus(StrEnum):
    """A person's decision on a suggestion; only confirmed and added ones flow onward."""

    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    ADDED = "added"


CONFIRMED_STATUSES: frozenset[SuggestionStatus] = frozenset(
    {SuggestionStatus.CONFIRMED, SuggestionStatus.ADDED}
)


class EntityKind(StrEnum):
    """What the entity finder names: people, places, vehicles and ways to reach someone."""

    PERSON = "PERSON"
    PLACE = "PLACE"
    VEHICLE = "VEHICLE"
    PLATE = "PLATE"
    PHONE = "PHONE"
    HANDLE = "HANDLE"


ENTITY_KINDS: tuple[str, ...] = tuple(k.value for k in EntityKind)
"""The kinds in the order a summary lists them."""


class Group(StrEnum):
    """The indicator groups of the spec (``group`` on each indicator)."""

    SERAF_VULNERABILITY = "seraf_vulnerability"
    SERAF_MODERATE = "seraf_moderate"
    SERAF_SIGNIFICANT = "seraf_significant"
    CCE = "cce"
    TRAFFICKING = "trafficking"
    EPISODE = "episode"
    PUSH = "push"
    PULL = "pull"


SERAF_GROUPS: tuple[Group, ...] = (
    Group.SERAF_VULNERABILITY,
    Group.SERAF_MODERATE,
    Group.SERAF_SIGNIFICANT,
)
"""The three lists on the SERAF form, in the form's order."""

FACTOR_GROUPS: frozenset[Group] = frozenset({Group.PUSH, Group.PULL})
"""Push and pull factors: why a child went, not exploitation indicators."""


# --- English labels (the web translates them; the PDF prints them) -------------------

WINDOW_LABELS: Mapping[str, str] = MappingProxyType({
    Window.RECENT: N_("now or in the past 6 months"),
    Window.MID: N_("6 to 12 months ago"),
    Window.OLD: N_("more than 12 months ago"),
    Window.EPISODE: N_("during this missing episode"),
})

ENTITY_LABELS: Mapping[str, str] = MappingProxyType({
    EntityKind.PERSON: N_("People"),
    EntityKind.PLACE: N_("Places"),
    EntityKind.VEHICLE: N_("Vehicles"),
    EntityKind.PLATE: N_("Number plates"),
    EntityKind.PHONE: N_("Phone numbers"),
    EntityKind.HANDLE: N_("Online handles"),
})

LANGUAGES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "en": ("English", "English"),
    "cy": ("Cymraeg", "Welsh"),
    "pl": ("Polski", "Polish"),
    "ro": ("Română", "Romanian"),
    "ar": ("العربية", "Arabic"),
    "sq": ("Shqip", "Albanian"),
})
"""Code -> (the language named in itself, its English name): the app's languages, in order.

Native names are never translated, so a reader finds their own language whatever
the page is in now.
"""

RTL_LANGUAGES: frozenset[str] = frozenset({"ar"})


def heading_case(text: str) -> str:
    """``child sexual exploitation`` -> ``Child sexual exploitation``: the rest is left alone."""
    return text[:1].upper() + text[1:]


def language_choice_label(code: str) -> str:
    """``Cymraeg (Welsh)``: both names, so either reader recognises the choice."""
    native, english = LANGUAGES[code]
    return native if native == english else f"{native} ({english})"


def window_label(window: str | None) -> str:
    """The English words for a window id (an unknown id is shown readably, not dropped)."""
    if not window:
        return ""
    return WINDOW_LABELS.get(window, window.replace("_", " "))


def entity_label(kind: str) -> str:
    return ENTITY_LABELS.get(kind, kind.replace("_", " ").capitalize())


# --- the indicator vocabulary (indicators.json) ------------------------------------


class IndicatorMeta(TypedDict):
    label: str
    group: str
    concerns: list[str]


@cache
def load_spec() -> dict[str, Any]:
    """The shipped indicator spec, read once from inside the package."""
    text = resources.files(__name__).joinpath("indicators.json").read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise ValueError("vocabulary/indicators.json: expected an object with an 'indicators' list")
    return data


@cache
def _indicators() -> Mapping[str, IndicatorMeta]:
    return MappingProxyType({
        i["id"]: IndicatorMeta(label=i["label"], group=i["group"], concerns=list(i["concerns"]))
        for i in load_spec()["indicators"]
    })


def indicators() -> dict[str, dict[str, Any]]:
    """Indicator id -> label, group and concerns, in the spec's order.

    A fresh copy on every call: the NLP engine adds its own keys to the entries.
    """
    return {k: {"label": v["label"], "group": v["group"], "concerns": list(v["concerns"])}
            for k, v in _indicators().items()}


def label(indicator_id: str) -> str:
    meta = _indicators().get(indicator_id)
    return meta["label"] if meta else indicator_id


def concerns(indicator_id: str) -> list[str]:
    meta = _indicators().get(indicator_id)
    return list(meta["concerns"]) if meta else []


def group(indicator_id: str) -> str:
    meta = _indicators().get(indicator_id)
    return meta["group"] if meta else ""


def in_groups(indicator_id: str, *groups: str) -> bool:
    """Whether an indicator belongs to one of the groups (by its ``group``, never its id)."""
    return group(indicator_id) in groups


def choices() -> list[tuple[str, str]]:
    """``(id, label)`` for every indicator, for a select list."""
    return [(i, meta["label"]) for i, meta in _indicators().items()]


@cache
def concern_labels() -> Mapping[str, str]:
    """Concern code -> its English label, from the spec's descriptions, in the spec's order.

    ``child sexual exploitation`` becomes ``Child sexual exploitation``: the spec
    writes them to be read mid-sentence, a heading starts with a capital.
    """
    return MappingProxyType({
        code: heading_case(text) for code, text in load_spec()["concerns"].items()
    })


def concern_label(code: str) -> str:
    if code == OTHER_CONCERN:
        return N_("Other indicators")
    return concern_labels().get(code, code)


def seraf_category_label(category: int | None, scoring: str = "standard") -> str | None:
    """A SERAF band's label, read from the scoring data (never written out in code)."""
    from rhi_assistant.seraf.score import load_scoring  # the scoring data owns the bands

    return next((b.label for b in load_scoring(scoring).bands if b.category == category), None)
