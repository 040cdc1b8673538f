"""A young person asks for help on a phone, in Welsh and in Arabic, with the keyboard only.

No mouse and no clicks: Tab, Shift+Tab, Space and Enter move through the page
and the text is typed. axe checks every page on the way, in each language.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import PHONE

STORY = {
    "cy": "Mae Jamie Fox yn anfon negeseuon ata i drwy'r amser. Dw i ddim eisiau mynd i'w dŷ.",
    "ar": "جيمي فوكس يرسل لي رسائل طوال الوقت. لا أريد أن أذهب إلى شقته. 😟",
}
WORDS = {  # what the pages must say in each language (from the catalogues)
    "cy": {"start": "Cael help", "form": "Dywed wrthon ni beth sy'n digwydd",
           "error": "Mae problem", "sent": "Rydyn ni wedi cael dy neges"},
    "ar": {"start": "اطلب المساعدة", "form": "أخبرنا بما يحدث",
           "error": "هناك مشكلة", "sent": "وصلتنا رسالتك"},
}


def focused(page) -> dict:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {id: e.id || '', name: e.getAttribute('name') || '', tag: e.tagName,"
        " text: (e.innerText || '').trim(), type: e.getAttribute('type') || ''}; }")


def tab_to(page, match, limit: int = 80, back: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        now = focused(page)
        if match(now):
            return now
    raise AssertionError(f"keyboard focus never reached the element; last {focused(page)}")


def field(name: str):
    return lambda f: f["name"] == name


def check_page(page, lang: str, where: str) -> None:
    html_attrs = page.evaluate(
        "() => [document.documentElement.lang, document.documentElement.dir]")
    assert html_attrs == [lang, "rtl" if lang == "ar" else "ltr"], (where, html_attrs)
    assert page.locator(".govuk-exit-this-page").count() == 1, where
    assert_accessible(page, f"{where} ({lang})")


@pytest.mark.parametrize("lang", ["cy", "ar"])
def test_self_referral_by_keyboard_on_a_phone(open_page, lang):
    page = open_page(viewport=PHONE, locale={"cy": "cy-GB", "ar": "ar"}[lang])
    words = WORDS[lang]
    page.goto(f"/help?lang={lang}")
    assert page.locator("h1").inner_text() == words["start"]
    check_page(page, lang, "start page")

    # The start button is a link styled as a button: Enter follows it.
    tab_to(page, lambda f: f["tag"] == "A" and "govuk-button--start" in page.evaluate(
        "() => document.activeElement.className"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/help/tell-us")
    assert page.locator("h1").inner_text() == words["form"]
    check_page(page, lang, "form")

    # Send with nothing filled in: the error summary comes up in the same language.
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["type"] == "submit")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert words["error"] in page.locator(".govuk-error-summary").inner_text()
    check_page(page, lang, "form with errors")

    # Now answer with the keyboard only. Space picks the focused radio button.
    page.keyboard.press("Tab")  # leave the error summary
    tab_to(page, field("safe_now"))
    page.keyboard.press("Space")
    tab_to(page, field("what_is_happening"))
    page.keyboard.type(STORY[lang])
    tab_to(page, field("contact_by"))
    page.keyboard.press("Space")  # the first choice: text me
    tab_to(page, field("contact"))
    page.keyboard.type("07700 900123")
    tab_to(page, field("name"))
    page.keyboard.type("سام" if lang == "ar" else "Siôn")
    # Past the last box to the button, then Shift+Tab back to add one more thing.
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["type"] == "submit")
    tab_to(page, field("anything_else"), back=True)
    page.keyboard.type("🙏")
    assert page.locator("#safe_now").is_checked()
    assert page.locator("#contact_by").is_checked()
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["type"] == "submit")
    page.keyboard.press("Enter")
    page.wait_for_url("**/help/sent")

    assert page.locator("h1").inner_text() == words["sent"]
    body = page.locator("body").inner_text()
    for typed in (STORY[lang], "07700 900123", "Jamie"):
        assert typed not in body  # nothing sent is shown back
    for number in ("999", "0800 1111", "116 000"):
        assert number in body
    check_page(page, lang, "confirmation")
