"""The police officer's own work in Debian's Chromium: the safe and well checks due on cases
shared with their team, soonest first in hours and minutes, and a check done on the street
recorded later with the time it was done. axe at 820x1180 and 390x844."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import PHONE, TABLET, sign_in_browser

NAME = "Morgan Fenwick"  # fictional; made here so other browser tests cannot change its state


def shared_child(app) -> datetime:
    """A child of the RHI team, shared with the police, found 20 hours ago at medium risk (a
    3 hour clock: 17 hours overdue). Returns when she was found."""
    from rhi_assistant.extensions import db
    from rhi_assistant.models import CaseShare, Child, Episode, Team

    with app.app_context():
        team = db.session.scalar(db.select(Team).filter_by(protocol_profile="north_somerset",
                                                           name="North Somerset Missing "
                                                                "Children Team"))
        police = db.session.scalar(db.select(Team).filter_by(
            name="Avon and Somerset Police Missing Persons Unit"))
        now = datetime.now(UTC).replace(second=0, microsecond=0)
        child = Child(reference="NS-B414", team_id=team.id, first_name="Morgan",
                      last_name="Fenwick", date_of_birth=date(now.year - 15, 4, 9))
        db.session.add(child)
        db.session.add(Episode(child=child, last_seen=now - timedelta(hours=30),
                               reported_missing=now - timedelta(hours=29),
                               found=now - timedelta(hours=20), police_risk="medium"))
        db.session.flush()
        db.session.add(CaseShare(child_id=child.id, team_id=police.id,
                                 reason="The police missing team attends her episodes."))
        db.session.commit()
        db.session.remove()
    return now - timedelta(hours=20)


def card(page):
    return page.locator(".govuk-summary-card").filter(
        has=page.get_by_role("link", name=NAME, exact=True))


def test_the_officer_sees_checks_due_and_records_one_done_earlier(open_page, live_app):
    found = shared_child(live_app)
    page = open_page(TABLET)
    sign_in_browser(page, "police@example.org")
    page.get_by_role("link", name="Episodes", exact=True).click()
    expect(page.get_by_role("heading", name="Your safe and well checks")).to_be_visible()
    expect(card(page)).to_contain_text("Overdue")
    expect(card(page)).to_contain_text("overdue by 17 hours")
    expect(page.locator("main")).not_to_contain_text("no open episodes")
    assert_accessible(page, "police checks due, tablet")

    phone = open_page(PHONE)
    sign_in_browser(phone, "police@example.org")
    phone.goto("/episodes")
    expect(card(phone)).to_contain_text("overdue by 17 hours")
    assert_accessible(phone, "police checks due, phone")

    card(page).get_by_role("link", name=f"Start or record the check for {NAME}").click()
    page.get_by_role("button", name="Start a safe and well check").click()
    page.get_by_role("link", name="Check your answers and finish").click()
    expect(page.get_by_text("When was the check done?")).to_be_visible()
    assert_accessible(page, "check answers with the time done")

    # Typed in later: the officer saw her two hours after she was found, on time.
    done = (found + timedelta(hours=2)).astimezone(ZoneInfo("Europe/London"))
    page.get_by_label("Day").fill(str(done.day))
    page.get_by_label("Month").fill(str(done.month))
    page.get_by_label("Year").fill(str(done.year))
    page.get_by_label("Time").fill("99:99")
    page.get_by_role("button", name="Mark the safe and well check as done").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a real date")
    assert_accessible(page, "time done refused")
    page.get_by_label("Time").fill(done.strftime("%H:%M"))
    page.get_by_role("button", name="Mark the safe and well check as done").click()
    clock = page.locator("#safe-and-well-clock")
    expect(clock).to_contain_text("Done")
    expect(clock).not_to_contain_text("after it was due")
    assert_accessible(page, "check marked done")

    page.get_by_role("link", name="Episodes", exact=True).click()
    expect(page.get_by_role("heading", name="Your safe and well checks")).to_be_visible()
    expect(card(page)).to_have_count(0)
