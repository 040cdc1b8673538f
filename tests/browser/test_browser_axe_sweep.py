"""axe on every page a signed-in user can reach for the demo child, at tablet and phone size."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from a11y import assert_accessible
from support import PHONE, TABLET, sign_in_browser


def _visit(page, path: str) -> None:
    resp = page.goto(path)
    assert resp is not None and resp.status == 200, (path, resp and resp.status)
    assert_accessible(page, path)


@pytest.mark.parametrize("viewport", [TABLET, PHONE], ids=["tablet", "phone"])
def test_every_worker_and_manager_page_passes_axe(open_page, viewport):
    page = open_page(viewport)
    sign_in_browser(page, "manager@example.org")
    page.goto("/cases")
    page.get_by_role("link", name="Jordan Avery").click()
    child_id = int(re.search(r"children/(\d+)", page.url).group(1))
    page.get_by_role("link", name=re.compile("Open episode")).first.click()
    episode_id = int(re.search(r"episodes/(\d+)", page.url).group(1))
    page.get_by_role("button", name="Start a Return Home Interview").click()
    interview_id = int(re.search(r"interviews/(\d+)", page.url).group(1))
    notes = f"/interviews/{interview_id}/pages/time_away_account"
    page.goto(notes)
    page.get_by_label("The time away").fill(
        "She said a man called Dean picked her up in a silver Audi and took her to Weston.")
    page.get_by_role("button", name="Save and show suggestions").click()
    page.get_by_role("textbox", name="Check a question before you ask it").fill(
        "Did he give you money?")
    page.get_by_role("button", name="Check question").click()
    assert_accessible(page, "question check result")
    page.goto(f"/interviews/{interview_id}/summaries/new")
    page.get_by_label("Police missing person coordinator").check()
    page.get_by_role("button", name="Create the summary").click()
    summary_path = re.search(r"(/summaries/\d+)", page.url).group(1)
    paths = [
        "/cases",
        "/episodes",
        f"/children/{child_id}",
        f"/episodes/{episode_id}",
        f"/episodes/{episode_id}/offer",
        f"/episodes/{episode_id}/offer/attempts/new",
        f"/episodes/{episode_id}/offer/refusal",
        f"/episodes/{episode_id}/offer/independent-person",
        f"/episodes/{episode_id}/offer/consent",
        f"/episodes/{episode_id}/outcome",
        f"/episodes/{episode_id}/actions/multi_agency_meeting",
        f"/interviews/{interview_id}",
        f"/interviews/{interview_id}/prepare",
        f"/interviews/{interview_id}/pages/who_to_speak_to",
        notes,
        f"/interviews/{interview_id}/review",
        f"/interviews/{interview_id}/check",
        f"/interviews/{interview_id}/seraf",
        summary_path,
        f"/children/{child_id}/trigger-plan",
        f"/children/{child_id}/trigger-plan/edit",
        "/referrals",
        "/figures",
        "/figures?month=2026-03",
        "/settings/display",
    ]
    for path in paths:
        _visit(page, path)


def test_admin_and_police_pages_pass_axe(open_page):
    page = open_page(TABLET)
    sign_in_browser(page, "admin@example.org")
    _visit(page, "/admin/translations")
    page.context.clear_cookies()
    sign_in_browser(page, "police@example.org")
    page.goto("/cases")
    assert_accessible(page, "police cases")
    page.get_by_role("link", name="Jordan Avery").click()
    assert_accessible(page, "police child page")
    page.get_by_role("link", name=re.compile("Safe and well check")).first.click()
    assert_accessible(page, "safe and well start")
