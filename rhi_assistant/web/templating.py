"""Jinja set-up: our templates first, then the GOV.UK Frontend macros."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, cast
from urllib.parse import urlencode

from flask import Flask, g, request, url_for
from flask_babel import (
    force_locale,
    format_date,
    format_datetime,
    get_locale,
    get_translations,
    gettext,
)
from flask_babel import lazy_gettext as _l
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from rhi_assistant import vocabulary
from rhi_assistant.reports import glyphs
from rhi_assistant.vocabulary.labels import init_labels, window_choices
from rhi_assistant.web.i18n import text_direction


def init_templates(app: Flask) -> None:
    own = app.jinja_loader
    assert own is not None  # Flask gives every app a loader for its templates folder
    app.jinja_loader = ChoiceLoader(
        [
            own,
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters["when"] = _when
    app.jinja_env.filters["day"] = _day
    app.jinja_env.filters["flow_text"] = flow_text
    app.jinja_env.filters["mark_unprintable"] = mark_unprintable
    app.jinja_env.globals["lang_url"] = lang_url
    app.jinja_env.globals["text_direction"] = text_direction
    app.jinja_env.globals["police_risk_label"] = police_risk_label
    app.jinja_env.globals["fixed_options"] = fixed_options
    app.jinja_env.globals["fixed_url"] = fixed_url
    _install_template_gettext(app)
    init_labels(app)

    @app.context_processor
    def _globals() -> dict:
        from flask_babel import get_locale

        locale = str(get_locale() or "en")
        return {"lang": locale, "text_dir": text_direction(locale)}


#: Template strings kept translated per language (far more than the templates hold), and
#: catalogues kept (Flask-Babel keeps one per language; this only bounds the memory).
MAX_KEPT_STRINGS = 5000
MAX_CATALOGUES = 64


def _install_template_gettext(app: Flask) -> None:
    """The templates' `_()` with the page's translations looked up once, not on every string.

    Flask-Babel's own callables find the translations afresh for each of the ~80 strings a
    page shows (the request's `g`, the domain, the locale, its name, a cache lookup), a
    measurable share of a question page's CPU. These keep the answer beside the locale it
    was for, on the same `g` namespace Flask-Babel uses, so `force_locale` (which swaps
    that locale) still gets its own language."""

    def translations():
        space = g.get("_flask_babel")
        kept = getattr(space, "rhi_translations", None)
        if kept is not None and kept[0] is getattr(space, "babel_locale", None):
            return kept[1]
        found = get_translations()
        space = g.get("_flask_babel")
        if space is not None:
            space.rhi_translations = (get_locale(), found)
        return found

    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
    )
    with_variables = cast(Callable[..., str], app.jinja_env.globals["gettext"])
    # A page's ~90 plain `_("...")` each looked up, wrapped and %-formatted afresh: the
    # answer for one catalogue and one template string never changes, so it is kept.
    # Keyed by the catalogue object (one per language), never shared across languages;
    # only strings written in the templates come here, bounded all the same.
    done: dict[object, dict[str, Markup]] = {}

    @pass_context
    def gettext_once(context: Context, string: str, **variables: object) -> str:
        if variables or not context.eval_ctx.autoescape:
            return with_variables(context, string, **variables)
        catalogue = translations()
        kept = done.get(catalogue)
        if kept is None:
            kept = {}
            if len(done) < MAX_CATALOGUES:
                done[catalogue] = kept
        found = kept.get(string)
        if found is None:
            # As Jinja's own newstyle gettext does: our catalogues' words are trusted markup.
            found = Markup(catalogue.ugettext(string)) % {}  # noqa: S704
            if len(kept) < MAX_KEPT_STRINGS:
                kept[string] = found
        return found

    app.jinja_env.globals["gettext"] = gettext_once
    app.jinja_env.globals["_"] = gettext_once  # straight there, not through Jinja's alias


#: Select lists that are the same for everyone reading a language (vocabulary, never a
#: record's data), by name: `fixed_options` draws each once per language and process.
FIXED_OPTION_LISTS: dict[str, Callable[[], Iterable[tuple[str, object]]]] = {
    "indicators": vocabulary.choices,
    "windows": window_choices,
}
_drawn_options: dict[tuple[str, str], Markup] = {}


def fixed_options(name: str) -> Markup:
    """The ``<option>`` elements of a fixed select list, in the page's language.

    Why: the answer page's "add an indicator" list has 67 indicators; drawing them option
    by option in Jinja cost every question page and every autosave a share of its CPU for
    the same HTML each time. Keyed by the language, so each language has its own copy;
    the lists hold vocabulary only, nothing of any child or user."""
    key = (name, str(get_locale() or "en"))
    drawn = _drawn_options.get(key)
    if drawn is None:
        option = Markup('<option value="{}">{}</option>')
        drawn = Markup("").join(option.format(value, str(label))
                                for value, label in FIXED_OPTION_LISTS[name]())
        _drawn_options[key] = drawn
    return drawn


_fixed_urls: dict[tuple[str, str, tuple[tuple[str, Any], ...]], str] = {}


def fixed_url(endpoint: str, **values: Any) -> str:
    """`url_for` for a link that is the same on every page (the menu, the scripts).

    Why: every page draws about fifteen of these, each built afresh by the URL map; the
    answer is fixed by the endpoint, its constant values and where the app is mounted, so
    it is kept. Never for a URL with a record's id or a page's own address in it."""
    key = (request.script_root, endpoint, tuple(sorted(values.items())))
    url = _fixed_urls.get(key)
    if url is None:
        url = _fixed_urls[key] = url_for(endpoint, **values)
    return url


def mark_unprintable(value: object) -> Markup:
    """User text, escaped, with each character the PDF cannot print wrapped and labelled.

    The screen shows every character the browser can; the PDF only those its fonts
    have (see reports/glyphs.py). Marking them here tells the worker before sharing
    that the police will read a marker such as [U+1F525] in their place.
    """
    if value is None:
        return Markup("")
    text = str(value)
    missing = set(glyphs.unprintable(text))
    if not missing:
        return escape(text)
    wrap = Markup(
        '<span class="rhi-unprintable" title="{label}">{ch}'
        '<span class="govuk-visually-hidden"> ({label})</span></span>'
    )
    parts: list[Markup | str] = []
    for ch in text:
        if ch in missing:
            label = gettext("This character will not print in the PDF: it shows as %(marker)s.",
                            marker=glyphs.marker(ch))
            parts.append(wrap.format(label=label, ch=ch))
        else:
            parts.append(ch)
    return Markup("").join(parts)  # escapes every plain character


def _when(value: datetime | None) -> str:
    if value is None:
        return ""
    return format_datetime(value, "d MMM yyyy, HH:mm")


def _day(value) -> str:
    if value is None:
        return ""
    return format_date(value, "d MMMM yyyy")


def flow_text(value: str | None, language: str | None = None) -> str:
    """Translate a piece of flow wording (extracted by flows/babel_extract.py).

    Without `language` it follows the page (the practitioner's own language);
    with one, it is forced, so the words said to a child are in the interview's
    language whatever language the practitioner reads the page in.
    """
    if not value:
        return ""
    if language is None or language == str(get_locale() or "en"):
        return gettext(value)  # the page's own language: switching to it and back is waste
    with force_locale(language):
        return gettext(value)


def lang_url(code: str) -> str:
    """This page again in another language: same path and query, `lang` replaced."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    return request.path + "?" + urlencode([*args, ("lang", code)])


_POLICE_RISK_LABELS = {
    "high": _l("high"),
    "medium": _l("medium"),
    "low": _l("low"),
    "no_apparent_risk": _l("no apparent risk"),
}


def police_risk_label(code: str | None) -> str:
    """The police risk grading in the page's language (codes are stored, words shown)."""
    if not code:
        return ""
    return str(_POLICE_RISK_LABELS.get(code, code.replace("_", " ")))
