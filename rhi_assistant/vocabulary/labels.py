"""The vocabulary's words in the page's language, for forms, templates and the CSV.

The English lives in ``rhi_assistant.vocabulary`` (and the concern labels in
``indicators.json``); this module only translates it at the moment it is shown,
so the same code reads in every language. It also holds the labels more than one
feature shows (a refusal reason is recorded on the episode pages and counted on
the Figures page), so no feature imports another feature's forms.

Engines never import this module: it needs Flask-Babel.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from flask import Flask
from flask_babel import LazyString, gettext, ngettext
from flask_babel import lazy_gettext as _l

from rhi_assistant import vocabulary
from rhi_assistant.vocabulary import (
    LANGUAGES,
    RECORDED_WINDOWS,
    heading_case,
    language_choice_label,
)

if TYPE_CHECKING:
    from rhi_assistant.intake.names import ChildMatch

REFUSAL_LABELS = {
    "child_declined": _l("The child declined"),
    "parent_refused": _l("The parent or carer refused"),
    "not_reached": _l("Could not reach the child"),
    "moved_out_of_area": _l("The child has moved out of the area"),
    "other": _l("Another reason"),
}
"""Why an RHI was not held: recorded on the episode, counted on the Figures page."""

NAME_MATCH_RULES = {
    "same": _l("the same name"),
    "parts": _l("part of the name"),
    "name_table": _l("a short form or another spelling"),
    "spelling": _l("a small misspelling"),
}
"""How two names matched (intake.names.Rule): wherever a possible match is shown."""


def name_match_label(match: ChildMatch) -> str:
    """Why a name matched a recorded child, in a sentence ("First name: a short form...")."""
    if match.swapped:
        return gettext("First and last names the other way round")
    return gettext("First name: %(given)s. Family name: %(family)s.",
                   given=NAME_MATCH_RULES[match.given_rule.value],
                   family=NAME_MATCH_RULES[match.family_rule.value])


def concern_label(code: str) -> str:
    """``Child sexual exploitation``, in the page's language (extracted from indicators.json)."""
    return gettext(vocabulary.concern_label(code))


def window_label(window: str | None) -> str:
    """The window as words to read mid-sentence: ``6 to 12 months ago``."""
    english = vocabulary.window_label(window)
    return gettext(english) if english else ""


def entity_label(kind: str) -> str:
    return gettext(vocabulary.entity_label(kind))


def concern_choices(codes: Iterable[str] | None = None) -> list[tuple[str, LazyString]]:
    """``(code, label)`` for radio buttons, translated when the form is drawn."""
    return [(c, LazyString(concern_label, c)) for c in (codes or vocabulary.Concern)]


def window_choices() -> list[tuple[str, LazyString]]:
    """The windows a practitioner can pick, each starting with a capital, as a choice does."""
    return [(str(w), LazyString(lambda w=w: heading_case(window_label(w))))
            for w in RECORDED_WINDOWS]


def language_choices() -> list[tuple[str, str]]:
    """The interview languages as ``Cymraeg (Welsh)``: not translated, on purpose."""
    return [(code, language_choice_label(code)) for code in LANGUAGES]


def language_native_names() -> dict[str, str]:
    """Each language named in itself, for the language switcher."""
    return {code: native for code, (native, _english) in LANGUAGES.items()}


def duration_label(delta: timedelta | None) -> str:
    """A length of time as a person says it: ``18 hours 16 minutes``, ``45 minutes``.

    Hours and minutes, never days (a police deadline is counted in hours) and never
    "1096 minutes"; rounded down to the minute, and "less than a minute" below one."""
    if delta is None:
        return ""
    minutes = max(0, int(delta.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    if not hours and not minutes:
        return gettext("less than a minute")
    hour_words = ngettext("%(num)s hour", "%(num)s hours", hours)
    minute_words = ngettext("%(num)s minute", "%(num)s minutes", minutes)
    if not minutes:
        return hour_words
    if not hours:
        return minute_words
    return gettext("%(hours)s %(minutes)s", hours=hour_words, minutes=minute_words)


def init_labels(app: Flask) -> None:
    """Makes the vocabulary's words available to every template."""
    env = app.jinja_env
    env.filters["concern_label"] = concern_label
    env.filters["window_label"] = window_label
    env.filters["entity_label"] = entity_label
    env.filters["duration"] = duration_label
    env.filters["indicator_label"] = vocabulary.label
    env.globals["concern_codes"] = [str(c) for c in vocabulary.Concern]
    env.globals["Window"] = vocabulary.Window
    env.globals["language_names"] = language_native_names()
