"""Comfort on child-facing pages: easy-read switch, decline choices, breaks, text size, timeouts."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from support import demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import Interview

WORKER = "rhi.worker@example.org"


@pytest.fixture
def worker(make_client):
    return make_client(WORKER)


@pytest.fixture
def interview_id(worker) -> int:
    return start_interview(worker, demo_episode().id)


def _url(interview_id: int, page: str) -> str:
    return f"/interviews/{interview_id}/pages/{page}"


def test_easy_read_switches_on_and_off_from_a_question_keeping_the_typed_words(
        worker, interview_id):
    url = _url(interview_id, "time_away_account")
    html = worker.get(url).get_data(as_text=True)
    # Jordan is 14: the 14 to 15 wording, and no picture without easy read.
    assert "Tell me about the time you were away, from when you left." in html
    assert "images/easy-read/" not in html and "app-easy-read" not in html
    assert "Turn easy read on" in html

    resp = worker.post(url + "/easy-read", {"notes": "She went to the park first"}, csrf_from=url)
    assert resp.status_code == 302 and resp.headers["Location"].endswith(url)
    interview = db.session.get(Interview, interview_id)
    assert interview.easy_read is True
    answer = interview.answer_for("time_away_account")
    assert answer.is_draft and answer.text == "She went to the park first"

    html = worker.get(url).get_data(as_text=True)
    assert "Tell me about when you were away." in html
    img = re.search(r'<img class="app-said__picture"[^>]*>', html).group(0)
    assert 'src="/static/images/easy-read/door.svg"' in img and 'alt="An open door"' in img
    assert "app-easy-read" in html and "Turn easy read off" in html
    assert "She went to the park first" in html
    assert worker.get("/static/images/easy-read/door.svg").status_code == 200

    worker.post(url + "/easy-read", {"notes": "She went to the park first"}, csrf_from=url)
    db.session.refresh(interview)
    assert interview.easy_read is False


def test_the_easy_read_switch_needs_no_javascript(worker, interview_id):
    """It is a submit button of the page's own form, pointed at the switch route."""
    url = _url(interview_id, "who_to_speak_to")
    html = worker.get(url).get_data(as_text=True)
    form = re.search(r"<form method=\"post\" novalidate.*?</form>", html, re.S).group(0)
    assert re.search(r'<button type="submit" formaction="[^"]*/easy-read"', form)


@pytest.mark.parametrize("page", ["who_to_speak_to", "time_away_account", "consent_child"])
def test_decline_choices_are_always_in_sight_on_child_facing_pages(worker, interview_id, page):
    html = worker.get(_url(interview_id, page)).get_data(as_text=True)
    block = unescape(re.search(r'<div class="app-decline".*?</div>\s*</div>', html, re.S).group(0))
    for value, label in (("dont_know", "I don't know"),
                         ("prefer_not_to_say", "I don't want to say")):
        assert f'value="{value}"' in block and label in block
    assert "<details" not in block
    # Skipping is the worker's choice, not something the child says (issue 14, point 12).
    assert 'value="skipped"' not in block and "Skipped" not in block
    assert re.search(r'<button type="submit" name="action" value="skipped"[^>]*>Skip this question',
                     html)


@pytest.mark.parametrize(("page", "action", "shown"), [
    ("who_to_speak_to", "prefer_not_to_say", "I don't want to say"),
    ("time_away_account", "dont_know", "I don't know"),
    ("where_stayed", "skipped", "Skipped"),
])
def test_a_decline_is_recorded_as_itself(worker, interview_id, page, action, shown):
    url = _url(interview_id, page)
    data = {"action": action}
    if page == "who_to_speak_to":
        data["choice"] = "this_worker"  # a half-made choice is not kept as the answer
    resp = worker.post(url, data, csrf_from=url)
    assert resp.status_code == 302
    answer = db.session.get(Interview, interview_id).answer_for(page)
    assert answer.state == action and not answer.is_draft and answer.choice is None
    check = unescape(worker.get(f"/interviews/{interview_id}/check").get_data(as_text=True))
    assert shown in check


def test_a_break_saves_the_typed_notes_and_shows_paused(worker, interview_id):
    url = _url(interview_id, "time_away_account")
    resp = worker.post(url, {"notes": "We got the bus and then", "action": "break"}, csrf_from=url)
    assert resp.status_code == 302
    assert resp.headers["Location"].endswith(f"/interviews/{interview_id}")
    interview = db.session.get(Interview, interview_id)
    assert interview.status == "paused"
    answer = interview.answer_for("time_away_account")
    assert answer.text == "We got the bus and then" and answer.is_draft
    tasks = worker.get(f"/interviews/{interview_id}").get_data(as_text=True)
    assert "Paused" in tasks
    # Carrying on goes back to the same question, with the words still there.
    resume = re.search(r'href="([^"]+)">Continue from where you left off', tasks).group(1)
    # where the break was taken, though an earlier page is still unanswered (issue 14)
    assert resume.endswith("/pages/time_away_account")
    assert "We got the bus and then" in worker.get(url).get_data(as_text=True)
    worker.post(url, {"notes": "We got the bus and then walked", "action": "continue"},
                csrf_from=url)
    db.session.refresh(interview)
    assert interview.status == "in_progress"
    assert "Paused" not in worker.get(f"/interviews/{interview_id}").get_data(as_text=True)


def test_a_break_on_a_choice_page_does_not_answer_it(worker, interview_id):
    url = _url(interview_id, "who_to_speak_to")
    worker.post(url, {"action": "break"}, csrf_from=url)
    interview = db.session.get(Interview, interview_id)
    assert interview.status == "paused"
    assert interview.answer_for("who_to_speak_to") is None


def _body_class(html: str) -> str:
    return re.search(r'<body class="([^"]*)"', html).group(1)


def test_text_size_and_contrast_persist_for_the_session(worker):
    page = worker.get("/settings/display?next=/cases")
    assert page.status_code == 200
    assert _body_class(page.get_data(as_text=True)) == "govuk-template__body"
    resp = worker.post("/settings/display", {"text_size": "larger", "contrast": "high",
                                             "next": "/cases"}, csrf_from="/settings/display")
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/cases")
    for path in ("/cases", "/settings/display"):
        classes = _body_class(worker.get(path).get_data(as_text=True)).split()
        assert "app-text-larger" in classes and "app-contrast-high" in classes
    html = worker.get("/settings/display").get_data(as_text=True)
    assert re.search(r'value="larger" checked', html) and re.search(r'value="high" checked', html)

    worker.post("/settings/display", {"text_size": "large", "contrast": "standard"},
                csrf_from="/settings/display")
    classes = _body_class(worker.get("/cases").get_data(as_text=True)).split()
    assert "app-text-large" in classes and "app-contrast-high" not in classes


def test_display_settings_refuse_unknown_values_and_foreign_return_addresses(worker):
    resp = worker.post("/settings/display", {"text_size": "huge", "contrast": "high"},
                       csrf_from="/settings/display")
    assert resp.status_code == 200
    assert "app-contrast-high" not in _body_class(worker.get("/cases").get_data(as_text=True))
    resp = worker.post("/settings/display", {"text_size": "large", "contrast": "standard",
                                             "next": "//evil.example/"},
                       csrf_from="/settings/display")
    assert resp.headers["Location"].endswith("/settings/display")


def test_settings_are_linked_from_every_signed_in_page_and_each_question(worker, interview_id):
    assert "/settings/display" in worker.get("/cases").get_data(as_text=True)
    html = worker.get(_url(interview_id, "where_stayed")).get_data(as_text=True)
    assert "Change text size and colours" in html


def test_child_facing_pages_have_a_calm_timeout_that_never_signs_out_unseen(worker, interview_id):
    question = worker.get(_url(interview_id, "where_stayed")).get_data(as_text=True)
    assert 'data-gentle="true"' in question
    assert "Are you still there?" in question and "Everything is saved" in question
    assert re.search(r'class="govuk-button app-timeout-warning__button" id="timeout-stay"',
                     question)
    # The practitioner's task list keeps the ordinary behaviour.
    tasks = worker.get(f"/interviews/{interview_id}").get_data(as_text=True)
    assert 'data-gentle="false"' in tasks


def test_the_question_carries_its_language_for_read_aloud(worker, interview_id):
    html = worker.get(_url(interview_id, "where_stayed")).get_data(as_text=True)
    prompt = re.search(r'<p class="app-prompt"[^>]*>', html).group(0)
    assert 'lang="en"' in prompt
    assert 'data-read-aloud="Tell me about where you stayed."' in prompt
    assert 'data-read-aloud-label="Read the question aloud"' in prompt


def test_read_aloud_speaks_on_the_device_only():
    """The script uses the browser's own speech: no fetch or network call near it."""
    js = (Path(__file__).parents[2] / "rhi_assistant/static/js/app.js").read_text()
    part = js[js.index("function setUpReadAloud"):]
    assert "speechSynthesis" in part and "SpeechSynthesisUtterance" in part
    assert "fetch(" not in part and "XMLHttpRequest" not in part
    assert '"speechSynthesis" in window' in part


def test_the_childs_choices_are_in_the_interviews_language(worker, interview_id):
    """In an Arabic interview the child reads "I don't know" in Arabic, beside the English."""
    interview = db.session.get(Interview, interview_id)
    interview.language = "ar"
    db.session.commit()
    html = unescape(worker.get(_url(interview_id, "time_away_account")).get_data(as_text=True))
    block = re.search(r'<div class="app-decline".*?</div>\s*</div>', html, re.S).group(0)
    assert '<span lang="ar" dir="rtl">لا أعرف</span>' in block and "I don't know" in block
    assert '<span lang="ar" dir="rtl">لا أريد أن أقول</span>' in block


def test_after_a_break_later_pages_resume_where_it_was_taken(worker, interview_id):
    """A break on a later page, with earlier pages answered, still resumes on that page."""
    url = _url(interview_id, "where_stayed")
    worker.post(url, {"notes": "At a friend's", "action": "break"}, csrf_from=url)
    tasks = worker.get(f"/interviews/{interview_id}").get_data(as_text=True)
    resume = re.search(r'href="([^"]+)">Continue from where you left off', tasks).group(1)
    assert resume.endswith("/pages/where_stayed")
