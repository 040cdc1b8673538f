"""Episodes in Debian's Chromium: an RHI falls overdue as the clock moves, a refusal is recorded,
a manager authorises the outcomes, the trigger plan is written and downloaded, and a protocol
action is recorded as done, corrected and undone. axe on every page visited."""

from __future__ import annotations

import re
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import PHONE, sign_in_browser


def sign_in(page, email: str) -> None:
    sign_in_browser(page, email)
    expect(page.get_by_role("heading", name="Your team's cases")).to_be_visible()


NAME = "Riley Marsh"  # fictional; made here so other browser tests cannot change their state


def make_child(app, reference: str = "NS-B001", first: str = "Riley", last: str = "Marsh") -> None:
    """A child with two closed episodes and one found 20 hours ago, in the live database."""
    from rhi_assistant.extensions import db
    from rhi_assistant.models import Child, Episode, EpisodeOutcome, Team, User

    with app.app_context():
        team = db.session.scalar(db.select(Team).filter_by(protocol_profile="north_somerset"))
        manager = db.session.scalar(db.select(User).filter_by(email="manager@example.org"))
        now = datetime.now(UTC)
        child = Child(reference=reference, team_id=team.id, first_name=first,
                      last_name=last, date_of_birth=date(now.year - 14, 2, 3))
        db.session.add(child)
        for days in (60, 30):
            old = Episode(child=child, last_seen=now - timedelta(days=days, hours=5),
                          found=now - timedelta(days=days), police_risk="low",
                          where_found="Weston library")
            db.session.add(old)
            db.session.flush()
            db.session.add(EpisodeOutcome(episode_id=old.id, recorded_by_id=manager.id,
                                          codes_json='["no_further_action"]',
                                          authorised_by_id=manager.id, authorised_at=now))
        db.session.add(Episode(child=child, last_seen=now - timedelta(hours=40),
                               reported_missing=now - timedelta(hours=39),
                               found=now - timedelta(hours=20), police_risk="medium"))
        db.session.commit()
        db.session.remove()


def child_card(page, name: str = NAME):
    return page.locator(".govuk-summary-card").filter(
        has=page.get_by_role("link", name=name, exact=True))


def test_rhi_overdue_refusal_and_manager_authorisation(open_page, live_app, tmp_path):
    make_child(live_app)
    page = open_page()
    sign_in(page, "rhi.worker@example.org")
    page.get_by_role("link", name="Episodes", exact=True).click()
    expect(page.get_by_role("heading", name="Your team's episodes")).to_be_visible()
    rhi = child_card(page).locator("[data-rhi-state]")
    expect(rhi).to_have_attribute("data-rhi-state", "due")
    assert_accessible(page, "episodes list")

    # Found 20 hours ago: 60 hours on, the RHI (due 72 hours after found) is overdue.
    live_app.config["CLOCK_NOW"] = (datetime.now(UTC) + timedelta(hours=60)).isoformat()
    page.reload()
    expect(rhi).to_have_attribute("data-rhi-state", "overdue")
    expect(rhi).to_contain_text("Overdue")
    assert_accessible(page, "episodes list, RHI overdue")

    child_card(page).get_by_role("link", name=re.compile("^RHI offer")).click()
    expect(page.get_by_role("heading", name="Return Home Interview offer")).to_be_visible()
    expect(page.locator("#actions")).to_contain_text("Multi-agency meeting")
    assert_accessible(page, "offer")
    page.get_by_role("link", name="Record a refusal").click()
    page.get_by_role("button", name="Save the refusal").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a reason")
    assert_accessible(page, "refusal with errors")
    page.get_by_label("The child declined").check()
    page.get_by_label("Details").fill("She said she has talked to enough people this week.")
    page.get_by_role("button", name="Save the refusal").click()
    expect(page.locator("#refusals")).to_contain_text("The child declined")
    assert_accessible(page, "offer after refusal")

    page.get_by_role("link", name="Outcomes after the interview").click()
    page.get_by_label("Information shared with the police").check()
    page.get_by_label("Referral to early help").check()
    page.get_by_role("button", name="Save the outcomes").click()
    expect(page.locator("#authorisation")).to_contain_text("Waiting for a manager")
    assert_accessible(page, "outcomes recorded")
    outcome_url = page.url
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "manager@example.org")
    page.get_by_role("link", name="Episodes", exact=True).click()
    expect(child_card(page).locator("[data-rhi-state]")).to_have_attribute(
        "data-rhi-state", "refused")
    declined = page.locator('#refusals-by-reason tr[data-reason="child_declined"] td')
    expect(declined).not_to_have_text("0")
    assert_accessible(page, "episodes list, manager")
    child_card(page).get_by_role("link", name=re.compile("^Outcomes")).click()
    assert page.url == outcome_url
    page.get_by_role("button", name="Authorise these outcomes").click()
    expect(page.locator("#authorisation")).to_contain_text("Authorised")
    expect(page.locator("#authorisation")).to_contain_text("Priya Lewis")
    assert_accessible(page, "outcomes authorised")

    # The trigger plan: drafted, saved as version 1, downloaded.
    page.get_by_role("link", name="Cases", exact=True).click()
    page.get_by_role("link", name=NAME).click()
    page.get_by_role("link", name="Trigger plan").click()
    assert_accessible(page, "trigger plan, none yet")
    page.get_by_role("link", name="Write the trigger plan").click()
    expect(page.get_by_label("Places the child is known to go")).to_contain_text("Weston library")
    assert_accessible(page, "trigger plan form")
    page.get_by_label("Family members").fill("Aunt Lou Marsh (fictional), 07700 900456")
    page.get_by_role("button", name="Save as a new version").click()
    expect(page.locator("#plan-version")).to_contain_text("Priya Lewis")
    assert_accessible(page, "trigger plan version 1")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download version 1 (PDF)").click()
    target = tmp_path / "plan.pdf"
    info.value.save_as(target)
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert NAME in pdf and "Aunt Lou Marsh" in pdf and "Weston library" in pdf


def test_episode_pages_pass_axe_on_a_phone(open_page):
    page = open_page(PHONE)
    sign_in(page, "rhi.worker@example.org")
    page.goto("/episodes")
    assert_accessible(page, "episodes list on a phone")
    found = page.locator(".govuk-summary-card").filter(
        has=page.locator(".govuk-tag", has_text=re.compile("^Found$"))).first
    found.get_by_role("link", name=re.compile("^RHI offer")).click()
    assert_accessible(page, "offer on a phone")
    page.get_by_role("link", name="Record an attempt").click()
    assert_accessible(page, "attempt form on a phone")
    page.get_by_label("Phone call").check()
    page.get_by_label("Message left").check()
    page.get_by_role("button", name="Save the attempt").click()
    expect(page.locator("#attempts")).to_contain_text("Phone call")


def test_protocol_action_recorded_done_corrected_and_undone(open_page, live_app):
    name = "Alex Reid"  # fictional; a third episode, so a multi-agency meeting is required
    make_child(live_app, "NS-B002", "Alex", "Reid")
    page = open_page()
    sign_in(page, "rhi.worker@example.org")
    page.goto("/episodes")
    child_card(page, name).get_by_role("link", name=re.compile("^RHI offer")).click()
    meeting = page.locator('#actions li[data-action="multi_agency_meeting"]')
    meeting.get_by_role("link", name=re.compile("^Record as done")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Multi-agency meeting")
    assert_accessible(page, "action form")
    page.get_by_label("Time").fill("25:99")
    page.get_by_role("button", name="Save: done").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a real date")
    assert_accessible(page, "action form with errors")
    page.get_by_label("Time").fill("00:00")
    page.get_by_label("Notes (optional)").fill("Chaired by the team manager.")
    page.get_by_role("button", name="Save: done").click()
    expect(meeting).to_contain_text("Done")
    expect(meeting).to_contain_text("Recorded by Sam Okafor: Chaired by the team manager.")
    assert_accessible(page, "offer with an action done")
    meeting.get_by_role("link", name=re.compile("^Correct or undo")).click()
    expect(page.locator("#action-history")).to_contain_text("Chaired by the team manager.")
    assert_accessible(page, "action done: correct or undo")
    page.get_by_role("button", name="Mark as not done").click()
    expect(meeting.get_by_role("link", name=re.compile("^Record as done"))).to_be_visible()
    expect(meeting).not_to_contain_text("Recorded by")
