"""Fixed select lists are drawn once per language (web/templating.py `fixed_options`): each
language keeps its own copy, in any order of requests, and the copy is the list itself."""

from __future__ import annotations

from flask_babel import force_locale
from markupsafe import escape

from rhi_assistant import vocabulary
from rhi_assistant.vocabulary.labels import window_choices
from rhi_assistant.web.templating import fixed_options


def _fresh(choices) -> str:
    return "".join(f'<option value="{escape(v)}">{escape(str(label))}</option>'
                   for v, label in choices)


def test_each_language_has_its_own_list_in_any_order(app):
    seen = {}
    with app.test_request_context("/"):
        for language in [*vocabulary.LANGUAGES, *reversed(vocabulary.LANGUAGES)]:
            with force_locale(language):
                assert str(fixed_options("windows")) == _fresh(window_choices())
                assert str(fixed_options("indicators")) == _fresh(vocabulary.choices())
                seen[language] = str(fixed_options("windows"))
    assert seen["cy"] != seen["en"], "the windows' labels are translated into Welsh"


def test_the_answer_page_offers_every_indicator_and_window(make_client):
    from support import NOTE, demo_episode, start_interview

    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/time_away_account"
    worker.post(url, {"notes": NOTE, "action": "save"}, csrf_from=url)
    page = worker.get(url).get_data(as_text=True)
    for value, _ in vocabulary.choices() + window_choices():
        assert f'<option value="{value}">' in page, value


def test_fixed_urls_follow_where_the_app_is_mounted(app):
    """`fixed_url` keeps a menu link per mount point: an app behind /rhi links there."""
    from flask import url_for

    from rhi_assistant.web.templating import fixed_url

    for root in ("", "/rhi", ""):
        with app.test_request_context("/", base_url=f"http://localhost{root}/"):
            assert fixed_url("cases.dashboard") == url_for("cases.dashboard")
            assert fixed_url("cases.dashboard").startswith(root + "/")
            assert fixed_url("static", filename="js/app.js") == url_for(
                "static", filename="js/app.js")
