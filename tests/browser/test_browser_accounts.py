"""An admin adds a staff account in Chromium; the new person signs in and changes the password."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import PHONE, TABLET, sign_in_browser


def test_an_admin_adds_an_account_and_its_owner_changes_the_password(open_page):
    page = open_page(TABLET)
    sign_in_browser(page, "admin@example.org")
    page.get_by_role("link", name="Staff accounts").click()
    assert_accessible(page, "staff accounts")
    page.get_by_role("button", name="Add an account").click()
    assert_accessible(page, "add an account")
    page.get_by_role("button", name="Add the account").click()
    page.locator(".govuk-error-summary").wait_for()  # raises if it never shows
    assert_accessible(page, "add an account, with errors")

    page.get_by_label("Full name").fill("Jamie Quill")
    page.get_by_label("Work email address").fill("jamie.quill@example.org")
    page.get_by_label("RHI worker", exact=True).check()
    page.get_by_label("North Somerset Missing Children Team").check()
    page.get_by_role("button", name="Add the account").click()
    page.get_by_role("heading", name="Account added").wait_for()
    assert_accessible(page, "temporary password")
    temporary = page.locator(".app-temporary-password").inner_text().strip()
    assert len(temporary) >= 12

    page.get_by_role("link", name="Back to staff accounts").click()
    page.get_by_role("link", name="Change Jamie Quill").click()
    assert_accessible(page, "change an account")
    page.context.clear_cookies()

    phone = open_page(PHONE)
    sign_in_browser(phone, "jamie.quill@example.org", temporary)
    phone.goto("/account")
    assert_accessible(phone, "your account")
    phone.get_by_label("Your current password").fill(temporary)
    phone.get_by_label("New password", exact=True).fill("fictional rainy harbour lanterns")
    phone.get_by_label("Type the new password again").fill("fictional rainy harbour lanterns")
    phone.get_by_role("button", name="Change password").click()
    phone.get_by_text("Your password has been changed.").wait_for()
    phone.context.clear_cookies()
    sign_in_browser(phone, "jamie.quill@example.org", "fictional rainy harbour lanterns")
    phone.wait_for_url("**/cases")
    assert "cases" in phone.locator("h1").inner_text()
