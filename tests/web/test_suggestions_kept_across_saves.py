"""An undecided suggestion the fresh reading makes again is kept, not replaced (issue 13
point 11: typing rewrote every suggestion row on every save and autosave). The ids stay,
so a Confirm button drawn before an autosave still confirms the same suggestion; what the
fresh reading no longer finds goes, and decisions stay as before."""

from __future__ import annotations

from support import NOTE, demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import Answer

PAGE = "time_away_account"
MORE = " Later she went to the shop."


def _suggestions(interview_id: int) -> dict[str, tuple[int, str, int | None]]:
    db.session.expire_all()
    answer = db.session.scalar(db.select(Answer).filter_by(interview_id=interview_id,
                                                           page_id=PAGE))
    return {s.indicator: (s.id, s.status, s.start) for s in answer.suggestions}


def test_a_suggestion_found_again_keeps_its_row_and_a_button_drawn_before_still_works(
        make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    worker.post(url, {"notes": NOTE, "action": "save"}, csrf_from=url)
    before = _suggestions(interview_id)
    assert before, "the demo note gives suggestions"
    token = worker.csrf(url)  # the page, with its Confirm buttons, is on the screen now

    resp = worker.post(url + "/autosave", {"notes": "Earlier that day. " + NOTE + MORE,
                                           "csrf_token": token})
    assert resp.status_code == 200
    after = _suggestions(interview_id)
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in before.items()}
    assert all(after[k][2] == before[k][2] + len("Earlier that day. ") for k in before), (
        "the kept suggestions' offsets follow the words")

    indicator, (suggestion_id, _, _) = next(iter(before.items()))
    resp = worker.post(f"/interviews/{interview_id}/suggestions/{suggestion_id}",
                       {"decision": "confirmed", "csrf_token": token})
    assert resp.status_code == 302
    assert _suggestions(interview_id)[indicator][1] == "confirmed"


def test_what_the_fresh_reading_no_longer_finds_goes_and_decisions_stay(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    worker.post(url, {"notes": NOTE, "action": "save"}, csrf_from=url)
    before = _suggestions(interview_id)
    indicator, (suggestion_id, _, _) = next(iter(before.items()))
    worker.post(f"/interviews/{interview_id}/suggestions/{suggestion_id}",
                {"decision": "rejected"}, csrf_from=url)

    worker.post(url, {"notes": "She went to the shop.", "action": "save"}, csrf_from=url)
    after = _suggestions(interview_id)
    assert after == {indicator: (suggestion_id, "rejected", before[indicator][2])}
