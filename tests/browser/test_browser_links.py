"""Links across children in Debian's Chromium, at tablet and phone sizes: the contextual
safeguarding alert on a child's page, the links page with its network picture (an SVG drawn
on the server, shown with JavaScript off) and the table that says the same; another team's
manager sees only that a team holds a matching record. axe on every page. All fictional."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import PHONE, TABLET, sign_in_browser


def child_id(app, reference: str) -> int:
    from rhi_assistant.extensions import db
    from rhi_assistant.models import Child

    with app.app_context():
        found = db.session.scalar(db.select(Child.id).filter_by(reference=reference))
        db.session.remove()
    return int(found)


@pytest.mark.parametrize("viewport", [TABLET, PHONE], ids=["tablet", "phone"])
def test_the_worker_sees_the_alert_the_picture_and_its_table(open_page, live_app, viewport):
    skye = child_id(live_app, "NS-1004")
    page = open_page(viewport=viewport)
    sign_in_browser(page, "rhi.worker@example.org")
    page.goto(f"/children/{skye}")
    alert = page.get_by_role("region", name="Contextual safeguarding alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Kez")
    expect(alert).to_contain_text("Casey Morgan")
    assert_accessible(page, f"child page with the alert ({viewport['width']})")
    alert.get_by_role("link", name="See the links and the network picture").click()
    expect(page.get_by_role("heading", name="Links with other children", level=1)).to_be_visible()
    picture = page.get_by_role("img", name="Links of Skye Bennett with other children")
    expect(picture).to_be_visible()
    box = picture.bounding_box()
    assert box is not None and box["width"] <= viewport["width"]
    table = page.locator("#network-table")
    expect(table).to_contain_text("WX19 KLM")
    expect(table).to_contain_text("Riley Shaw")
    assert "Taylor" not in page.content()
    assert_accessible(page, f"links page ({viewport['width']})")


def test_the_picture_needs_no_javascript(browser, live_server, live_app):
    skye = child_id(live_app, "NS-1004")
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False, base_url=live_server)
    try:
        page = ctx.new_page()
        sign_in_browser(page, "rhi.worker@example.org")
        page.goto(f"/children/{skye}/links")
        expect(page.locator("svg.rhi-network__svg line").first).to_be_attached()
        expect(page.locator("svg.rhi-network__svg")).to_contain_text("Kez")
    finally:
        ctx.close()


def test_another_teams_manager_sees_only_the_team(open_page, live_app):
    taylor = child_id(live_app, "BCP-2001")
    page = open_page(viewport=PHONE)
    sign_in_browser(page, "other.manager@example.org")
    page.goto(f"/children/{taylor}")
    alert = page.get_by_role("region", name="Contextual safeguarding alert")
    expect(alert).to_contain_text(
        "another team holds a matching record: North Somerset Missing Children Team")
    for name in ("Skye", "Casey", "Riley", "NS-100"):
        expect(alert).not_to_contain_text(name)
    assert_accessible(page, "other team's manager, child page")
    page.goto(f"/children/{taylor}/links")
    assert_accessible(page, "other team's manager, links page")
