"""axe at tablet and phone size on the pages issue 14 (points 4-7) touched: adding an indicator
from a sentence of the notes and undoing it, tying names into cards, the summary, the trigger
plan, and the plan as a sharing team's police officer reads it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import PHONE, TABLET, sign_in_browser

NOTES = ("She said Jay is really called Jason Miller. Jay's phone is 07700 900123. "
         "She has not been going to school since half term.")


@pytest.mark.parametrize("viewport", [TABLET, PHONE], ids=["tablet", "phone"])
def test_summary_and_trigger_plan_pages_pass_axe(open_page, viewport):
    page = open_page(viewport)
    sign_in_browser(page, "rhi.worker@example.org")
    page.goto("/cases")
    page.get_by_role("link", name="Jordan Avery").click()
    child_id = int(re.search(r"children/(\d+)", page.url).group(1))
    page.get_by_role("link", name=re.compile("Open episode")).first.click()
    page.get_by_role("button", name="Start a Return Home Interview").click()
    interview_id = int(re.search(r"interviews/(\d+)", page.url).group(1))
    page.goto(f"/interviews/{interview_id}/pages/time_away_account")
    page.get_by_label("The time away").fill(NOTES)
    page.get_by_role("button", name="Save and show suggestions").click()
    page.get_by_text("Add an indicator the assistant missed").click()
    page.get_by_label("The words in your notes that show it").select_option(
        "She has not been going to school since half term.")
    assert_accessible(page, "add an indicator from the notes")
    page.get_by_role("button", name="Add indicator").click()
    undo = page.get_by_role("button", name=re.compile("Undo: take away"))
    expect(undo).to_have_count(1)  # waits for the page the post leads to (a count would not)
    assert_accessible(page, "an added indicator with its undo")

    page.goto(f"/interviews/{interview_id}/summaries/new")
    page.get_by_label("Police missing person coordinator").check()
    page.get_by_label("Card for Person: Jay", exact=True).select_option("1")
    page.get_by_label("Card for Person: Jason Miller", exact=True).select_option("1")
    page.get_by_label("Card for Phone: 07700 900123", exact=True).select_option("1")
    assert_accessible(page, "summary with cards")
    page.get_by_role("button", name="Create the summary").click()
    assert page.locator("#entity-cards").inner_text().startswith("Person: Jay / Jason Miller")
    assert "From the worker's notes" in page.content()
    assert_accessible(page, "summary view")

    page.goto(f"/interviews/{interview_id}/seraf")
    assert "From the record" in page.content()
    assert_accessible(page, "SERAF with a tick from the record")
    page.get_by_role("link", name="Exploitation risk assessment: criminal exploitation and "
                                  "trafficking").click()
    assert_accessible(page, "exploitation risk assessment")
    page.goto(f"/interviews/{interview_id}/review")
    page.get_by_role("link", name="See the concerns the confirmations set for this episode").click()
    assert_accessible(page, "the episode's concerns")

    page.goto(f"/children/{child_id}/trigger-plan/edit")
    assert_accessible(page, "trigger plan draft")
    page.get_by_role("button", name=re.compile("Save")).first.click()
    assert_accessible(page, "trigger plan")
    saved = [t for t in page.locator("main li").all_inner_texts() if t.strip()]
    assert saved, "the saved plan lists something"

    page.context.clear_cookies()
    sign_in_browser(page, "police@example.org")
    page.goto(f"/children/{child_id}")
    assert_accessible(page, "the child's page as the police see it")
    page.get_by_role("link", name="Trigger plan").click()
    # The police read the plan the worker saved (other browser tests share the live app's
    # records, so what the draft held first can differ from one run to another).
    assert set(saved) <= set(page.locator("main li").all_inner_texts()), saved
    assert_accessible(page, "trigger plan read by the police")
