"""WTForms' own messages are read once per language and still follow each page's language
(web/base_form.py): the cache of parsed catalogues is keyed by language, so one page's
language never answers another's."""

from __future__ import annotations

from babel import support
from flask_babel import force_locale
from wtforms import SelectField
from wtforms.i18n import messages_path

from rhi_assistant.vocabulary import LANGUAGES
from rhi_assistant.web.base_form import WTFORMS_TRANSLATIONS, BaseForm

MESSAGE = "Not a valid choice."


class _Pick(BaseForm):
    pick = SelectField(choices=[("a", "A")])


def test_each_language_gets_its_own_catalogue_in_any_order(app):
    with app.test_request_context("/"):
        for language in [*LANGUAGES, *reversed(LANGUAGES)]:
            with force_locale(language):
                fresh = support.Translations.load(messages_path(), [language], domain="wtforms")
                assert WTFORMS_TRANSLATIONS.gettext(MESSAGE) == fresh.ugettext(MESSAGE)
        with force_locale("cy"):
            assert WTFORMS_TRANSLATIONS.gettext(MESSAGE) != MESSAGE, "WTForms speaks Welsh"


def test_a_form_says_wtforms_messages_in_the_page_language(app):
    app.config["WTF_CSRF_ENABLED"] = False
    for language, english in (("pl", False), ("en", True), ("pl", False)):
        with app.test_request_context("/", method="POST", data={"pick": "z"}):
            with force_locale(language):
                form = _Pick()
                assert not form.validate()
                assert (form.pick.errors == [MESSAGE]) is english, (language, form.pick.errors)
