"""The live path in Debian's Chromium, on records typed in the browser: a manager records a
child (a possible match is shown for a second one), a missing episode and its return, sees
the RHI deadline on Episodes, shares the case with the police team and the officer sees it;
a duty manager turns a request for help into a case. axe on every page visited."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import sign_in_browser

UK = ZoneInfo("Europe/London")  # the North Somerset profile's clock
POLICE_TEAM = "Avon and Somerset Police Missing Persons Unit"


def sign_in(page, email: str) -> None:
    sign_in_browser(page, email)
    expect(page.get_by_role("heading", name="Your team's cases")).to_be_visible()


def fill_child(page, first: str, last: str, dob: tuple[str, str, str]) -> None:
    page.get_by_label("First name", exact=True).fill(first)
    page.get_by_label("Last name", exact=True).fill(last)
    for field, value in zip(("#dob_day", "#dob_month", "#dob_year"), dob, strict=True):
        page.locator(field).fill(value)
    page.get_by_label("Gender (optional)").fill("Female")
    page.get_by_label("Polish").check()
    page.get_by_label("School or college (optional)").fill("Portishead Example Academy")
    page.get_by_label("Home authority (optional)").fill("North Somerset Council")
    page.locator("#looked_after-2").check()  # No
    page.get_by_label("Child in need plan").check()


def fill_when(page, prefix: str, moment: datetime) -> None:
    """Type an instant as the team's UK clock shows it."""
    local = moment.astimezone(UK)
    for part, value in (("day", local.day), ("month", local.month), ("year", local.year),
                        ("time", local.strftime("%H:%M"))):
        page.locator(f"#{prefix}-{part}").fill(str(value))


def shown(moment: datetime) -> str:
    """An instant as the pages show it: 23 Nov 2026, 09:15 (UK time)."""
    local = moment.astimezone(UK)
    return f"{local.day} {local.strftime('%b')} {local.year}, {local.strftime('%H:%M')}"


def test_record_a_child_and_see_a_possible_match(open_page):
    page = open_page()
    sign_in(page, "manager@example.org")
    page.get_by_role("link", name="Record a child").click()
    expect(page.get_by_role("heading", name="Record a child")).to_be_visible()
    assert_accessible(page, "record a child")
    fill_child(page, "Zofia", "Wiśniewska", ("9", "9", "2011"))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Zofia Wiśniewska")).to_be_visible()

    page.goto("/children/new")
    fill_child(page, "ZOFIA", "Wisniewska", ("9", "9", "2011"))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Is this one of these children?")).to_be_visible()
    card = page.locator(".govuk-summary-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Last name Wisniewska and Wiśniewska: the same name")
    assert_accessible(page, "possible matches")
    page.get_by_role("link", name="Yes, open Zofia Wiśniewska's case").click()
    expect(page.get_by_role("heading", name="Zofia Wiśniewska")).to_be_visible()
    expect(page.get_by_text("Portishead Example Academy")).to_be_visible()


def test_the_live_path_from_a_new_child_to_the_police_officer(open_page):
    page = open_page()
    sign_in(page, "manager@example.org")
    page.get_by_role("link", name="Record a child").click()
    fill_child(page, "Nell", "Quarrie", ("4", "4", "2012"))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Nell Quarrie")).to_be_visible()
    assert_accessible(page, "the new child's page")

    page.get_by_role("link", name="Record a missing episode").click()
    expect(page.get_by_role("heading", name="Record a missing episode")).to_be_visible()
    assert_accessible(page, "record an episode")
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    fill_when(page, "last_seen", now - timedelta(hours=10))
    fill_when(page, "reported", now - timedelta(hours=9))
    page.get_by_label("Parent or carer").check()
    page.get_by_label("Police reference (optional)").fill("FICT-7781")
    page.get_by_label("High").check()
    page.get_by_label("Home", exact=True).check()
    page.locator("#placement_out_of_area-2").check()  # No
    page.get_by_role("button", name="Save the episode").click()
    expect(page.get_by_role("heading", name="Missing episode")).to_be_visible()
    expect(page.get_by_text("FICT-7781")).to_be_visible()

    page.goto("/episodes")
    card = page.locator(".govuk-summary-card").filter(
        has=page.get_by_role("link", name="Nell Quarrie", exact=True))
    expect(card).to_contain_text("Still missing")
    assert_accessible(page, "episodes with the new episode")

    card.get_by_role("link", name="Nell Quarrie", exact=True).click()
    page.get_by_role("link", name="Open episode").first.click()
    page.get_by_role("link", name="Record that the child is found or back").click()
    expect(page.get_by_role("button", name="Save the return")).to_be_visible()
    assert_accessible(page, "record the return")
    found = now - timedelta(hours=2)
    fill_when(page, "found", found)
    page.get_by_label("Where were they found or where did they return to?").fill(
        "Clevedon pier")
    page.get_by_label("Came back on their own").check()
    page.get_by_role("button", name="Save the return").click()
    expect(page.get_by_text("Return recorded.")).to_be_visible()

    page.goto("/episodes")
    card = page.locator(".govuk-summary-card").filter(
        has=page.get_by_role("link", name="Nell Quarrie", exact=True))
    # North Somerset: the RHI within 72 hours of the return.
    expect(card.locator("[data-rhi-state]")).to_contain_text(
        f"by {shown(found + timedelta(hours=72))}")

    card.get_by_role("link", name="Nell Quarrie", exact=True).click()
    page.get_by_role("link", name="Share the case with another team").click()
    expect(page.get_by_role("button", name="Share the case")).to_be_visible()
    assert_accessible(page, "sharing")
    page.get_by_label(f"{POLICE_TEAM} (Police)").check()
    page.get_by_label("Why are you sharing the case?").fill(
        "The police missing team is investigating this episode.")
    page.get_by_role("button", name="Share the case").click()
    expect(page.get_by_role("button", name=f"Stop sharing with {POLICE_TEAM}")).to_be_visible()
    assert_accessible(page, "shared")

    officer = open_page()
    sign_in(officer, "police@example.org")
    officer.get_by_role("link", name="Nell Quarrie").click()
    expect(officer.get_by_role("heading", name="Nell Quarrie")).to_be_visible()
    expect(officer.get_by_role("link", name="Safe and well check")).to_be_visible()
    expect(officer.get_by_text("Portishead Example Academy")).to_have_count(0)
    assert_accessible(officer, "the officer's view of the shared case")


def add_request(app, name: str) -> None:
    """A request for help as the public form stores it (the form has its own browser test,
    and its per-address limit is not this test's business)."""
    from rhi_assistant.extensions import db
    from rhi_assistant.models import Referral

    with app.app_context():
        db.session.add(Referral(safe_now="not_sure", contact_by="none", name=name,
                                what_is_happening="I keep getting picked up after school."))
        db.session.commit()
        db.session.remove()


def test_a_request_for_help_becomes_a_case(open_page, live_app):
    add_request(live_app, "Tamsin Oakes")
    page = open_page()
    sign_in(page, "manager@example.org")
    page.goto("/referrals")
    expect(page.locator("#waiting-count")).to_contain_text("no outcome yet")
    page.get_by_role("link", name="open this request").first.click()
    # The request's page, loaded, before axe reads it (axe on the page still loading found
    # an empty document once under load).
    expect(page.get_by_role("link", name="Link it to a child or record the child")).to_be_visible()
    assert_accessible(page, "the request")
    page.get_by_role("link", name="Link it to a child or record the child").click()
    expect(page.get_by_label("First name", exact=True)).to_have_value("Tamsin")
    expect(page.get_by_label("Last name", exact=True)).to_have_value("Oakes")
    fill_child(page, "Tamsin", "Oakes", ("1", "12", "2010"))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="What was done about the request")).to_be_visible()
    expect(page.get_by_role("link", name="Tamsin Oakes")).to_be_visible()
    assert_accessible(page, "the request's outcome")
    page.get_by_label("Return Home Interview offered").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Young people asking for help")).to_be_visible()
    row = page.locator("tr").filter(has_text="Return Home Interview offered")
    expect(row).to_have_count(1)
