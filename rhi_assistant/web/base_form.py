"""The form every page's form derives from: refuses bytes and dates no record can hold.

A NUL byte in any text made PostgreSQL refuse the whole save (a 500, the words lost),
and a date with a ten-digit year overflowed Python's date types. Both are refused here,
once for every form, as a field error that keeps what was typed (the invisible
characters taken out, so sending again works).
"""

from __future__ import annotations

import re
from datetime import date

from babel import support
from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field
from wtforms.i18n import messages_path

from rhi_assistant.web.form_errors import add_error

# C0 control characters and DEL, except tab, line feed and carriage return.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

CONTROL_MESSAGE = _l(
    "This had hidden characters a record cannot hold, often from copying and pasting. "
    "We have taken them out: check the words and send again")
YEAR_MESSAGE = _l("Enter a year between %(first)s and %(last)s")


def year_in_range(year: int) -> bool:
    return EARLIEST_YEAR <= year <= LATEST_YEAR


class _WTFormsTranslations:
    """WTForms' own messages in the page's language, each catalogue read once per process.

    Why: Flask-WTF reads and parses WTForms' catalogue from disk again on every request
    that builds a form (a measurable share of a question page's CPU); the files do not
    change while the app runs, so one parsed copy per language serves every request."""

    _loaded: dict[str, support.Translations | support.NullTranslations] = {}

    def _for_page(self) -> support.Translations | support.NullTranslations:
        locale = str(get_locale() or "en")
        found = self._loaded.get(locale)
        if found is None:
            found = support.Translations.load(messages_path(), [locale], domain="wtforms")
            self._loaded[locale] = found
        return found

    def gettext(self, string: str) -> str:
        return self._for_page().ugettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._for_page().ungettext(singular, plural, n)


WTFORMS_TRANSLATIONS = _WTFormsTranslations()


class BaseForm(FlaskForm):
    """FlaskForm plus the checks every form needs whatever it asks."""

    class Meta(FlaskForm.Meta):
        def get_translations(self, form):
            if not current_app.config.get("WTF_I18N_ENABLED", True):
                return super().get_translations(form)
            return WTFORMS_TRANSLATIONS

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        for field in self:
            if not _text_is_storable(field) or not _date_is_storable(field):
                ok = False
        return ok


def _text_is_storable(field: Field) -> bool:
    raw = field.raw_data or []
    if not any(isinstance(v, str) and CONTROL_CHARACTERS.search(v) for v in raw):
        return True
    cleaned = [CONTROL_CHARACTERS.sub("", v) if isinstance(v, str) else v for v in raw]
    field.raw_data = cleaned
    if isinstance(field.data, str):
        field.data = CONTROL_CHARACTERS.sub("", field.data)
    elif isinstance(field.data, list):
        field.data = [CONTROL_CHARACTERS.sub("", v) if isinstance(v, str) else v
                      for v in field.data]
    add_error(field, str(CONTROL_MESSAGE))
    return False


def _date_is_storable(field: Field) -> bool:
    if isinstance(field.data, date) and not year_in_range(field.data.year):
        add_error(field, str(YEAR_MESSAGE % {"first": EARLIEST_YEAR, "last": LATEST_YEAR}))
        return False
    return True
