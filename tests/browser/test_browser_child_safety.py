"""What keeps a child safe on screen (issue 14): unsure disclosures in sight, Exit this page
that Back cannot undo, and nothing of the record left under the idle sign-out.

All people and words here are fictional.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import DEMO_PASSWORD, PHONE, TABLET

SIZES = pytest.mark.parametrize("viewport", [TABLET, PHONE], ids=["tablet", "phone"])
UNSURE_NOTE = ("She said she might have been raped but isn't sure as she was drunk. "
               "She thinks she was drugged at the party and woke up with no clothes on.")
TYPED = "Kai keeps texting me and says I owe him"


def _sign_in(page) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email address").fill("rhi.worker@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your team's cases")).to_be_visible()


def _time_away_page(page) -> None:
    """Open the child-facing "The time away" page of a new interview for the demo child."""
    page.get_by_role("link", name="Jordan Avery").click()
    page.wait_for_url("**/children/*")
    expect(page.get_by_role("link", name=re.compile("Open episode")).first).to_be_visible()
    episodes = [a.get_attribute("href") for a in
                page.get_by_role("link", name=re.compile("Open episode")).all()]
    for href in episodes:  # the child's episode where an interview can start (found)
        page.goto(href)
        start = page.get_by_role("button", name="Start a Return Home Interview")
        if start.count():
            start.click()
            break
    page.get_by_role("link", name="The time away").click()
    expect(page.get_by_label("The time away")).to_be_visible()


@SIZES
def test_an_unsure_disclosure_is_shown_open_with_its_label(open_page, viewport):
    page = open_page(viewport)
    _sign_in(page)
    _time_away_page(page)
    page.get_by_label("The time away").fill(UNSURE_NOTE)
    page.get_by_role("button", name="Save and show suggestions").click()
    box = page.locator("#unsure-disclosures")
    expect(box).to_be_visible()
    expect(box.get_by_role("heading")).to_have_text("The child is unsure — explore and record")
    expect(box).to_contain_text("Sexual abuse")
    expect(box.locator("mark").first).to_contain_text("been raped")
    expect(box).to_contain_text("woke up with no clothes")
    # in the open, not inside a collapsed part of the page, and nothing ticked from it
    assert page.locator("details #unsure-disclosures").count() == 0
    cards = page.locator("#suggestions-panel .app-suggestion")
    expect(cards.filter(has_text="Sexual abuse")).to_have_count(0)
    assert_accessible(page, "question page with an unsure disclosure")


def _neutral_site(page) -> None:
    """Exit this page goes to a neutral site: answered here, the test has no network."""
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(
        status=200, content_type="text/html",
        body="<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"))


def _exit_this_page(page) -> None:
    # Once the page's scripts have run (they have by the load event): before that the
    # button is the plain link it is without JavaScript, which the browser keeps in history.
    page.wait_for_load_state("load")
    page.locator(".govuk-exit-this-page__button").click()
    page.wait_for_url("https://www.bbc.co.uk/**")


def _typed_text_anywhere(page) -> bool:
    values = page.evaluate(
        "() => [...document.querySelectorAll('textarea, input')].map(e => e.value)")
    return any(TYPED in v for v in values) or TYPED in page.content()


@SIZES
def test_back_after_exit_this_page_shows_no_help_page_and_no_typed_text(open_page, viewport):
    page = open_page(viewport)
    _neutral_site(page)
    page.goto("/sign-in")  # whatever the phone showed before the help pages
    page.goto("/help")
    page.locator("a.govuk-button--start").click()
    page.wait_for_url("**/help/tell-us")
    assert_accessible(page, "help form")
    page.locator("textarea[name=what_is_happening]").fill(TYPED)
    _exit_this_page(page)
    page.go_back()
    page.wait_for_load_state("load")
    # No help page is left behind the neutral site: Back goes where the phone was before.
    assert "/help" not in page.url, page.url
    assert not _typed_text_anywhere(page)


@SIZES
def test_back_to_a_help_form_after_exit_finds_it_empty(open_page, viewport):
    """A form sent back with a mistake is a page of its own in the history: Back to the
    empty form before it must not fill in the words again."""
    page = open_page(viewport)
    _neutral_site(page)
    page.goto("/help/tell-us")
    page.locator("textarea[name=what_is_happening]").fill(TYPED)
    page.get_by_role("button", name="Send").click()  # "Are you safe now?" not answered
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    _exit_this_page(page)
    page.go_back()
    page.wait_for_url("**/help/tell-us")
    page.wait_for_load_state("load")
    assert page.locator("textarea[name=what_is_happening]").input_value() == ""
    assert not _typed_text_anywhere(page)


def test_help_pages_are_never_kept_by_the_browser(open_page, live_server):
    page = open_page(TABLET)
    for path in ("/help", "/help/tell-us"):
        response = page.goto(path)
        assert response is not None and "no-store" in response.headers["cache-control"], path


@SIZES
def test_the_signed_out_child_page_shows_nothing_of_the_record(open_page, viewport):
    page = open_page(viewport)
    page.clock.install()
    _sign_in(page)
    _time_away_page(page)
    page.get_by_label("The time away").fill(UNSURE_NOTE)
    page.get_by_role("button", name="Save and show suggestions").click()
    expect(page.locator("#unsure-disclosures")).to_be_visible()
    page.get_by_label("The time away").fill(UNSURE_NOTE + " Not saved yet.")
    # The session ends on the server (as after the idle time); the page learns it on its check.
    page.context.clear_cookies()
    page.clock.run_for(16_000)
    sign_in = page.get_by_role("link", name="Sign in to carry on")
    expect(sign_in).to_be_visible()
    expect(page.get_by_role("heading", name="You have been signed out")).to_be_visible()
    shown = page.locator("body").inner_text()
    for private in ("Jordan Avery", "raped", "drugged", "Suggested indicators",
                    "The child is unsure", "The time away"):
        assert private not in shown, private
    expect(page.locator("#notes")).to_be_hidden()
    assert "Jordan" not in page.title()
    assert_accessible(page, "signed-out child page")
    # The words typed since the last save are kept in this tab, not lost.
    assert page.evaluate(
        "() => Object.keys(sessionStorage).some(k => k.startsWith('rhi-draft:')"
        " && sessionStorage.getItem(k).endsWith('Not saved yet.'))")


@SIZES
def test_not_safe_now_gets_the_urgent_page_and_the_request_is_flagged(open_page, viewport):
    page = open_page(viewport)
    page.goto("/help/tell-us")
    page.get_by_label("No", exact=True).first.check()
    page.locator("textarea[name=what_is_happening]").fill(TYPED)
    page.get_by_label("Do not get in touch").check()
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/help/now")
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
    call = page.get_by_role("link", name="Call 999")
    expect(call).to_be_visible()
    assert call.get_attribute("href") == "tel:999"
    assert page.get_by_role("link", name="Call Childline: 0800 1111").get_attribute(
        "href") == "tel:08001111"
    assert "A worker will read it soon" not in page.locator("main").inner_text()
    assert not _typed_text_anywhere(page)
    assert_accessible(page, "urgent help page")

    staff = open_page(viewport)
    staff.goto("/sign-in")
    staff.get_by_label("Email address").fill("manager@example.org")
    staff.get_by_label("Password").fill(DEMO_PASSWORD)
    staff.get_by_role("button", name="Sign in").click()
    expect(staff.locator("#urgent-requests")).to_contain_text("urgent")
    staff.goto("/referrals")
    first = staff.locator("tbody tr").first
    expect(first.locator(".govuk-tag--red", has_text="Urgent")).to_be_visible()
    assert_accessible(staff, "requests list with an urgent request")
    first.get_by_role("link").first.click()
    expect(staff.get_by_role("heading", level=1)).to_contain_text("Urgent")
    assert_accessible(staff, "urgent request")
    # followed up: assigned, noted, closed with what was done (and so no longer urgent)
    staff.get_by_label("Who follows it up?").select_option(label="Sam Okafor (rhi worker)")
    staff.get_by_role("button", name="Assign").click()
    expect(staff.locator("#request-assignee")).to_contain_text("Sam Okafor")
    staff.get_by_label("Add a note").fill("Rang Childline with her. She is at a friend's now.")
    staff.get_by_role("button", name="Add note").click()
    expect(staff.locator("#request-notes")).to_contain_text("Rang Childline with her")
    assert_accessible(staff, "request with a note")
    staff.get_by_role("link", name="Record what was done").click()
    staff.get_by_label("We got in touch with the young person").check()
    staff.get_by_role("button", name="Save").click()
    expect(staff.get_by_role("heading", name="Young people asking for help")).to_be_visible()
    expect(staff.locator("#urgent-requests")).to_have_count(0)


def test_save_and_show_suggestions_moves_focus_to_the_suggestions(open_page):
    page = open_page(TABLET)
    _sign_in(page)
    _time_away_page(page)
    page.get_by_label("The time away").fill(UNSURE_NOTE)
    page.get_by_role("button", name="Save and show suggestions").click()
    page.wait_for_url("**#suggestions-heading")
    page.wait_for_load_state("load")
    expect(page.locator("#suggestions-heading")).to_be_focused()


def test_larger_text_gives_one_column_on_a_tablet(open_page):
    page = open_page(TABLET)
    _sign_in(page)
    _time_away_page(page)
    interview_page = page.url
    page.get_by_role("link", name="Change text size and colours").click()
    page.get_by_label("Larger").check()
    page.get_by_role("button", name=re.compile("Save|Apply|Use")).first.click()
    page.goto(interview_page)
    notes = page.locator("#notes").bounding_box()
    panel = page.locator("#suggestions").bounding_box()
    assert notes is not None and panel is not None
    # the suggestions come below the notes, as wide as the page, not squeezed beside them
    assert panel["y"] >= notes["y"] + notes["height"]
    assert panel["width"] > TABLET["width"] * 0.8
    assert_accessible(page, "question page, larger text, tablet")


@SIZES
def test_the_childs_choices_are_in_arabic_in_an_arabic_interview(open_page, live_app, viewport):
    from rhi_assistant.extensions import db
    from rhi_assistant.models import Interview

    page = open_page(viewport)
    _sign_in(page)
    _time_away_page(page)
    interview_id = int(re.search(r"/interviews/(\d+)/", page.url).group(1))
    with live_app.app_context():
        db.session.get(Interview, interview_id).language = "ar"
        db.session.commit()
    page.reload()
    says = page.locator(".app-decline")
    expect(says.get_by_role("button", name=re.compile("لا أعرف"))).to_be_visible()
    expect(says.get_by_role("button", name=re.compile("لا أريد أن أقول"))).to_be_visible()
    expect(says.get_by_role("button", name=re.compile("Skip"))).to_have_count(0)
    expect(page.get_by_role("button", name="Skip this question")).to_be_visible()
    assert_accessible(page, "Arabic interview question page")
    with live_app.app_context():
        db.session.get(Interview, interview_id).language = "en"
        db.session.commit()
