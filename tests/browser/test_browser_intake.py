"""A manager imports a police notification file in Debian's Chromium: a file that is not a
CSV is refused, the preview lists a refused row by number and reason, the import adds a new
child, and a notification waiting to be confirmed is linked to a recorded child. axe on
every page visited. All people fictional."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import sign_in_browser

BORN = "2012-09-17"  # no other browser test's child has it
CSV = "\r\n".join([
    "police_reference,first_name,last_name,preferred_name,date_of_birth,last_seen,found,"
    "police_risk,where_found",
    f"BRW-1,Nia,Pryce,,{BORN},03/10/2026 21:15,04/10/2026 09:00,medium,\"=HYPERLINK(\"\"x\"\")\"",
    "BRW-2,Osian,Pryce-Evans,,2013-01-05,05/10/2026 18:00,,low,",
    "BRW-3,Nia,Pryce,,2012-09-17,05/10/2026 18:00,,absent,",
]) + "\r\n"


def record_twin(app) -> None:
    """Nia's twin brother Tomos is recorded: Nia's notification must wait for a person."""
    from rhi_assistant.extensions import db
    from rhi_assistant.models import Child, Team

    with app.app_context():
        team = db.session.scalar(db.select(Team).filter_by(protocol_profile="north_somerset"))
        db.session.add(Child(reference="NS-BRW1", team_id=team.id, first_name="Tomos",
                             last_name="Pryce", date_of_birth=date.fromisoformat(BORN)))
        db.session.commit()
        db.session.remove()


def test_import_with_a_refused_row_and_a_child_to_confirm(open_page, live_app, tmp_path):
    record_twin(live_app)
    page = open_page()
    sign_in_browser(page, "manager@example.org")
    page.get_by_role("link", name="Police notifications", exact=True).click()
    expect(page.get_by_role("heading", name="Import police notifications")).to_be_visible()
    assert_accessible(page, "import police notifications")

    sheet = tmp_path / "notifications.xlsx"
    sheet.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    page.get_by_label("Police notification file (CSV)").set_input_files(str(sheet))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("alert")).to_contain_text("must be a CSV")
    assert_accessible(page, "a file that is not a CSV refused")

    good = tmp_path / "notifications.csv"
    good.write_text(CSV, encoding="utf-8-sig")
    page.get_by_label("Police notification file (CSV)").set_input_files(str(good))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Check before importing")).to_be_visible()
    refused = page.locator("#rejected-rows")
    expect(refused).to_contain_text("3")
    expect(refused).to_contain_text("The police risk is not high, medium, low or no apparent risk")
    expect(page.locator("#count-created_children")).to_have_text("1")
    expect(page.locator("#count-to_confirm")).to_have_text("1")
    assert_accessible(page, "import preview")

    page.get_by_role("button", name="Import the file").click()
    expect(page.get_by_role("heading", name="Police notifications imported")).to_be_visible()
    assert_accessible(page, "import done")

    page.get_by_role("link", name="Confirm the children of the waiting notifications").click()
    expect(page.get_by_role("heading", name="Police notifications to confirm")).to_be_visible()
    assert_accessible(page, "notifications to confirm")
    page.get_by_role("link", name="BRW-1").click()
    heading = page.get_by_role("heading", name="Which child is police reference BRW-1?")
    expect(heading).to_be_visible()
    expect(page.get_by_text("Same date of birth; the name does not match")).to_be_visible()
    assert_accessible(page, "which child")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("alert")).to_contain_text("Select the child")
    page.get_by_label("None of these: record a new child").check()
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("#nothing-to-confirm")).to_be_visible()
    expect(page.get_by_text("BRW-1 is now an episode of Nia Pryce")).to_be_visible()
