"""Easy read at tablet size, by keyboard alone: Tab, Enter, Space and arrows, never a mouse.

Runs the whole RHI flow in easy-read from sign-in to check your answers, with
axe on every page, then the same question pages in high contrast and larger text.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import DEMO_PASSWORD, TABLET

SHOTS = Path(os.environ.get("RHI_SCREENSHOT_DIR", "/tmp/rhi-screens"))


def tab_to(page, selector: str, text: str | None = None, limit: int = 120) -> None:
    """Press Tab until the focused element matches (and holds `text`), as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "([s, t]) => { const e = document.activeElement;"
            " return !!e && e.matches(s) && (!t || e.textContent.includes(t)); }",
            [selector, text],
        ):
            return
    raise AssertionError(f"Tab never reached {selector} {text or ''} on {page.url}")


def press(page, selector: str, text: str | None = None, key: str = "Enter") -> None:
    """Tab to a control and press a key; Enter follows a link or submits, and we wait for it."""
    tab_to(page, selector, text)
    if key == "Enter":
        with page.expect_navigation():
            page.keyboard.press(key)
    else:
        page.keyboard.press(key)


def test_easy_read_rhi_by_keyboard_only_at_tablet_size(open_page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = open_page(TABLET)
    page.goto("/sign-in")
    tab_to(page, "input#email")
    page.keyboard.type("rhi.worker@example.org")
    tab_to(page, "input#password")
    page.keyboard.type(DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your team's cases")).to_be_visible()

    press(page, "a", "Jordan Avery")
    expect(page.get_by_role("heading", name="Jordan Avery")).to_be_visible()
    press(page, "a", "Open episode")
    expect(page.get_by_role("heading", name="Missing episode")).to_be_visible()
    # A radio group is one Tab stop; the arrow keys move the choice within it.
    press(page, "input#easy_read-no", key="ArrowRight")
    expect(page.locator("#easy_read-yes")).to_be_checked()
    press(page, "button", "Start a Return Home Interview")
    expect(page.get_by_role("heading", name="Return Home Interview")).to_be_visible()
    assert_accessible(page, "task list")
    press(page, "a.govuk-button", "Continue from where you left off")

    visited = []
    while "/check" not in page.url:
        page.wait_for_load_state()
        page_id = page.url.rsplit("/", 1)[-1].split("?")[0]
        assert page_id not in visited, f"came back to {page_id}"
        visited.append(page_id)
        assert_accessible(page, page_id)
        prompt = page.locator(".app-prompt").first
        if prompt.count():
            # Child-facing: the picture with its words, and the larger easy-read text.
            picture = page.locator("img.app-said__picture")
            expect(picture).to_be_visible()
            assert picture.get_attribute("alt")
            size = prompt.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
            body = page.locator(".app-easy-read .govuk-body").first.evaluate(
                "e => parseFloat(getComputedStyle(e).fontSize)")
            assert body >= 19 and size > body, (page_id, body, size)
            if page.locator("input.govuk-radios__input, textarea").count():
                expect(page.get_by_role("button", name="I don't want to say")).to_be_visible()
            if len(visited) == 1:
                page.screenshot(path=str(SHOTS / "easy-read-tablet.png"), full_page=True)
        if page.locator("input.govuk-radios__input").count():
            press(page, "input.govuk-radios__input#choice", key="Space")
            expect(page.locator("#choice")).to_be_checked()
            press(page, "button[value=continue]")
        elif page.locator("textarea#notes").count():
            tab_to(page, "textarea#notes")
            page.keyboard.type("She said she stayed with a friend.")
            if page_id == "where_stayed":
                page.screenshot(path=str(SHOTS / "easy-read-notes-tablet.png"), full_page=True)
            press(page, "button[value=continue]")
        else:
            press(page, "button[value=continue]")
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    assert_accessible(page, "check your answers")
    assert visited[0] == "who_to_speak_to" and visited[-1] == "closure_next_steps"
    assert len(visited) == 16

    # Easy read can be switched off and on again from a question, by keyboard.
    question = page.url.replace("/check", "/pages/where_stayed")
    page.goto(question)
    press(page, "button#easy-read-toggle", "Turn easy read off")
    expect(page.locator("img.app-said__picture")).to_have_count(0)
    expect(page.locator("textarea#notes")).to_have_value("She said she stayed with a friend.")
    assert_accessible(page, "easy read off")
    press(page, "button#easy-read-toggle", "Turn easy read on")
    expect(page.locator("img.app-said__picture")).to_be_visible()

    # High contrast and larger text, chosen by keyboard, still pass axe (colour contrast too).
    press(page, "a", "Change text size and colours")
    expect(page.get_by_role("heading", name="Text size and colours")).to_be_visible()
    assert_accessible(page, "display settings")
    press(page, "input#text_size-normal", key="ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#text_size-larger")).to_be_checked()
    press(page, "input#contrast-standard", key="ArrowDown")
    expect(page.locator("#contrast-high")).to_be_checked()
    press(page, "button", "Save these settings")
    page.wait_for_url("**/pages/where_stayed**")
    assert "app-contrast-high" in page.locator("body").get_attribute("class")
    root = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert root == 22, root
    assert_accessible(page, "high contrast question")
    page.screenshot(path=str(SHOTS / "easy-read-high-contrast-tablet.png"), full_page=True)
    for path in ("/pages/who_to_speak_to", "/pages/ground_rules", "", "/check"):
        page.goto(question.rsplit("/pages/", 1)[0] + path)
        assert_accessible(page, f"high contrast {path or 'task list'}")
