"""The templates' `_()` keeps each string's translation per catalogue (web/templating.py):
every language still gets its own words, in any order, and strings with values are still
formatted (and escaped) each time."""

from __future__ import annotations

from flask_babel import force_locale, gettext

from rhi_assistant.vocabulary import LANGUAGES


def test_each_language_gets_its_own_words_in_any_order(app):
    template = app.jinja_env.from_string('{{ _("Sign out") }}|{{ _("Cases") }}')
    seen = {}
    with app.test_request_context("/"):
        for language in [*LANGUAGES, *reversed(LANGUAGES)]:
            with force_locale(language):
                shown = template.render()
                assert shown == f"{gettext('Sign out')}|{gettext('Cases')}"
                seen.setdefault(language, shown)
                assert seen[language] == shown
    assert seen["cy"] != seen["en"], "Welsh has its own words"


def test_strings_with_values_are_formatted_and_escaped_every_time(app):
    template = app.jinja_env.from_string(
        '{{ _("another team holds a matching record: %(team)s", team=team) }}')
    with app.test_request_context("/"):
        first = template.render(team="<b>One</b>")
        second = template.render(team="Two")
    assert "&lt;b&gt;One&lt;/b&gt;" in first and "Two" in second and "One" not in second
