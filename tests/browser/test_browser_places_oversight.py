"""Places, missing together and oversight in Debian's Chromium, at tablet and phone sizes:
the charts are drawn without script and named for a screen reader, each with its table; the
audit log filters; axe on every page visited."""

from __future__ import annotations

import re
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import PHONE, TABLET, sign_in_browser

PLACE = "Marine Parade shelter"  # fictional children and places, made here for these tests


def _children(app) -> dict[str, int]:
    """Two fictional children missing together, found at one place, in the live database."""
    from rhi_assistant.extensions import db
    from rhi_assistant.models import Child, Episode, Team

    with app.app_context():
        existing = db.session.scalar(db.select(Child).filter_by(reference="NS-P001"))
        if existing is None:
            team = db.session.scalar(db.select(Team).filter_by(
                protocol_profile="north_somerset", agency="North Somerset Council"))
            now = datetime.now(UTC)
            eden = Child(reference="NS-P001", team_id=team.id, first_name="Eden",
                         last_name="Vale", date_of_birth=date(now.year - 15, 4, 9))
            rowan = Child(reference="NS-P002", team_id=team.id, first_name="Rowan",
                          last_name="Pike", date_of_birth=date(now.year - 14, 8, 1))
            db.session.add_all([eden, rowan])
            db.session.add(Episode(child=eden, last_seen=now - timedelta(days=3, hours=6),
                                   found=now - timedelta(days=3), where_found=PLACE,
                                   places_stayed="Flat 9, Pier Court\nSeafront arcade",
                                   found_with="Rowan Pike", police_risk="medium"))
            db.session.add(Episode(child=rowan, last_seen=now - timedelta(days=3, hours=5),
                                   found=now - timedelta(days=3, hours=-1),
                                   where_found="marine parade shelter",
                                   places_stayed="Flat 9 Pier Court", police_risk="medium"))
            db.session.commit()
            existing = eden
        ids = {"eden": existing.id, "episode": existing.episodes[0].id}
        db.session.remove()
        return ids


def _visit(page, path: str) -> None:
    resp = page.goto(path)
    assert resp is not None and resp.status == 200, (path, resp and resp.status)
    assert_accessible(page, path)


@pytest.mark.parametrize("viewport", [TABLET, PHONE], ids=["tablet", "phone"])
def test_places_and_missing_together(open_page, live_app, viewport):
    ids = _children(live_app)
    page = open_page(viewport)
    sign_in_browser(page, "manager@example.org")
    _visit(page, "/places")
    chart = page.get_by_role("img", name="Places by number of children")
    expect(chart).to_be_visible()
    row = page.locator("#places-table tr", has_text=PLACE)
    expect(row).to_contain_text("Eden Vale")
    expect(row).to_contain_text("Rowan Pike")
    expect(page.locator("#places-picture-table")).to_contain_text(PLACE)
    box = chart.bounding_box()
    assert box is not None and box["width"] <= viewport["width"]
    network = page.get_by_role(
        "img", name="Network of children and the places and links they share")
    expect(network).to_be_visible()
    box = network.bounding_box()
    assert box is not None and box["width"] <= viewport["width"]
    shared = page.locator("#team-network-table tr", has_text=PLACE)
    expect(shared).to_contain_text("Eden Vale")
    expect(shared).to_contain_text("Rowan Pike")
    page.get_by_label("Period", exact=True).select_option(label="The last 30 days")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"days=30"))
    assert_accessible(page, "places, 30 days")

    page.get_by_role("link", name="Missing together").first.click()
    # Other browser tests share the live app's records and may form groups of their own.
    expect(page.get_by_role(
        "heading", name=re.compile("A group of 2 children: Eden Vale, Rowan Pike"))).to_be_visible()
    expect(page.locator("main")).to_contain_text("were found at the same place")
    assert_accessible(page, "missing together")
    _visit(page, f"/episodes/{ids['episode']}/return")
    expect(page.get_by_label(re.compile("Who were they with when found"))).to_have_value(
        "Rowan Pike")


@pytest.mark.parametrize("viewport", [TABLET, PHONE], ids=["tablet", "phone"])
def test_oversight_pages(open_page, live_app, viewport):
    ids = _children(live_app)
    page = open_page(viewport)
    sign_in_browser(page, "manager@example.org")
    _visit(page, f"/children/{ids['eden']}")
    _visit(page, f"/children/{ids['eden']}/seraf-trend")
    _visit(page, "/oversight")
    _visit(page, "/oversight/audit")
    page.get_by_label("Child's reference").fill("NS-P001")
    page.get_by_label("What was done").select_option("view_child")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#audit-events")).to_contain_text("NS-P001")
    expect(page.locator("#audit-events tbody tr").first).to_contain_text("Priya Lewis")
    assert_accessible(page, "audit log, filtered")
    _visit(page, "/oversight/audit?from=30-11-2026")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a real date")
    assert_accessible(page, "audit log, a date that is not one")
    _visit(page, "/figures")
    expect(page.get_by_role("img", name="Missing episodes and children, month by month")
           ).to_be_visible()
    expect(page.locator("#trend-1-table tbody tr")).to_have_count(12)


def test_an_admin_reads_the_audit_log(open_page, live_app):
    _children(live_app)
    page = open_page(TABLET)
    sign_in_browser(page, "admin@example.org")
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("heading", name="Audit log", exact=True)).to_be_visible()
    assert_accessible(page, "audit log, admin")
