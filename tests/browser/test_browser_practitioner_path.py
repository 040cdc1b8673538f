"""The whole practitioner's path in Debian's Chromium, checked with axe on every page."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import DEMO_PASSWORD, PHONE, TABLET

NOTE = ("She said she got into a car with two men she didn't know and they drove her to "
        "Weston. She denies taking drugs.")


@pytest.mark.parametrize("viewport", [TABLET, PHONE], ids=["tablet", "phone"])
def test_returned_child_to_confirmed_seraf_and_summary_pdf(open_page, viewport, tmp_path):
    page = open_page(viewport)
    page.goto("/sign-in")
    assert_accessible(page, "sign in")
    page.get_by_label("Email address").fill("rhi.worker@example.org")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Your team's cases")).to_be_visible()
    assert_accessible(page, "cases")
    page.get_by_role("link", name="Jordan Avery").click()
    assert_accessible(page, "child")
    page.get_by_role("link", name=re.compile("Open episode")).first.click()
    expect(page.get_by_role("heading", name="Missing episode")).to_be_visible()
    assert_accessible(page, "episode")
    page.get_by_role("button", name="Start a Return Home Interview").click()

    expect(page.get_by_role("heading", name="Return Home Interview")).to_be_visible()
    assert_accessible(page, "task list")
    page.get_by_role("link", name="The time away").click()
    notes = page.get_by_label("The time away")
    notes.fill(NOTE)
    assert_accessible(page, "question page")
    page.get_by_role("button", name="Save and show suggestions").click()

    panel = page.locator("#suggestions-panel")
    cards = panel.locator(".app-suggestion")
    vehicles = "Entering or leaving vehicles driven by unknown adults"
    expect(cards.filter(has_text=vehicles)).to_have_count(1)
    expect(cards.filter(has_text="Drugs misuse")).to_have_count(0)
    expect(panel.locator("mark").first).to_contain_text("got into a car")
    assert_accessible(page, "question page with suggestions")
    cards.first.get_by_role("button", name=re.compile("^Confirm")).click()
    expect(page.locator("#suggestions-panel .govuk-tag", has_text="Confirmed")).to_have_count(1)

    page.get_by_role("link", name="All sections of this interview").click()
    page.get_by_role("link", name="SERAF risk assessment").click()
    recent = page.get_by_label(
        "Entering or leaving vehicles driven by unknown adults: Past 6 months")
    older = page.get_by_label(
        "Entering or leaving vehicles driven by unknown adults: 6 to 12 months ago")
    expect(recent).to_be_checked()
    expect(older).not_to_be_checked()
    # The demo child's three episodes in 70 days tick "periods of going missing" from the
    # record (issue 14): with the confirmed car, two significant indicators.
    expect(page.get_by_label("Periods of going missing: most of the day, overnight or longer: "
                             "Past 6 months")).to_be_checked()
    expect(page.locator("#seraf-score")).to_contain_text("Category 2: mild")
    expect(page.locator("#seraf-working")).to_contain_text("× 5 = 10")
    assert_accessible(page, "SERAF")

    page.get_by_role("link", name="Prepare the intelligence-sharing summary").click()
    page.get_by_label("Police missing person coordinator").check()
    assert_accessible(page, "summary form")
    page.get_by_role("button", name="Create the summary").click()
    expect(page.get_by_role("heading", name="Intelligence-sharing summary")).to_be_visible()
    assert_accessible(page, "summary")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the summary (PDF)").click()
    target = tmp_path / "summary.pdf"
    info.value.save_as(target)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Entering or leaving vehicles driven by unknown adults" in text
    assert "got into a car" in text
    assert "taking drugs" not in text and "Drugs misuse" not in text
