"""A dropped connection loses no word, in Debian's Chromium: typed into the trigger plan, sent
while offline (the send fails), the page opened again online has the words back and says so;
once saved, the tab forgets its copy."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import sign_in_browser

WORDS = "Approach her at the library; she trusts Mx Quillon Pratt, not the police."


def _demo_child_id(app) -> int:
    from rhi_assistant.extensions import db
    from rhi_assistant.models import Child

    with app.app_context():
        child_id = db.session.scalar(db.select(Child.id).filter_by(reference="NS-1001"))
        db.session.remove()
    return child_id


def test_words_sent_while_offline_are_back_when_the_page_opens_again(open_page, live_app):
    page = open_page()
    sign_in_browser(page, "rhi.worker@example.org")
    url = f"/children/{_demo_child_id(live_app)}/trigger-plan/edit"
    page.goto(url)
    expect(page.get_by_text("What you type here is kept on this device").first).to_be_visible()
    box = page.get_by_label("How to approach the child")
    box.fill(WORDS)

    page.context.set_offline(True)
    page.get_by_role("button", name="Save as a new version").click(no_wait_after=True)
    page.wait_for_timeout(500)
    page.context.set_offline(False)

    page.goto(url)
    expect(page.get_by_label("How to approach the child")).to_have_value(WORDS)
    expect(page.get_by_text("Your words were kept on this device")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Save as a new version").click()
    expect(page).not_to_have_url(url)
    # The saved page's script drops the tab's copy once it has loaded: wait for it (fails
    # after the timeout if the copy stays).
    page.wait_for_load_state("load")
    page.wait_for_function(
        "Object.keys(sessionStorage).filter(k => k.startsWith('rhi-kept:')).length === 0",
        timeout=5000)
    page.goto(url)
    expect(page.get_by_text("Your words were kept on this device")).to_have_count(0)
