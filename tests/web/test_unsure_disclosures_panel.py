"""The child's unsure disclosures are shown apart and open, never collapsed (issue 14, point 1)."""

from __future__ import annotations

import html
import re

from support import demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import Answer

PAGE = "time_away_account"
NOTES = (
    "Mia said she might have been raped but isn't sure as she was drunk. "
    "She thinks she was drugged at the party and woke up with no clothes on. "
    "She denies taking drugs herself."
)


def _unsure_box(page: str) -> str:
    m = re.search(r'<div class="govuk-inset-text app-unsure" id="unsure-disclosures">(.*?)</div>',
                  page, re.S)
    assert m, "no unsure box on the page"
    return html.unescape(m.group(1))


def test_unsure_disclosures_have_their_own_open_box_and_no_tick(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    assert worker.post(url, {"notes": NOTES, "action": "save"}, csrf_from=url).status_code == 302
    page = worker.get(url).get_data(as_text=True)
    box = _unsure_box(page)
    assert "The child is unsure — explore and record" in box
    assert "Sexual abuse" in box and "been raped" in box and "woke up with no clothes" in box
    # each noted sentence whole, once, with the indicators it may be about
    words = re.sub(r"<[^>]+>", "", box)
    assert words.count("“Mia said she might have been raped but isn't sure as she was drunk.”") == 1
    assert "Hurt or harmed while missing; Sexual abuse" in words
    assert "<mark>been raped</mark>" in box and "<mark>woke up with no clothes</mark>" in box
    # not among the collapsed "Mentioned but not suggested", which keeps the denial
    collapsed = page.split("Mentioned but not suggested", 1)[1].split("</details>")[0]
    assert "Drugs misuse" in collapsed and "no clothes" not in collapsed
    # nothing unsure became a suggestion to tick
    answer = db.session.execute(db.select(Answer).where(Answer.interview_id == interview_id,
                                                        Answer.page_id == PAGE)).scalar_one()
    assert "seraf.vuln.sexual_abuse" not in {s.indicator for s in answer.suggestions}


def test_autosave_shows_the_unsure_box_too(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    resp = worker.post(url + "/autosave", {"notes": NOTES}, csrf_from=url)
    assert "The child is unsure — explore and record" in _unsure_box(
        resp.get_json()["suggestions_html"]
    )
