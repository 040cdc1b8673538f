"""Indicators a practitioner adds: evidence is a span of the notes, and adding can be undone."""

from __future__ import annotations

from support import demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, SerafAssessment, Suggestion

PAGE = "time_away_account"
NOTES = "We talked about school. She has not been going since half term."


def _setup(worker) -> tuple[int, str]:
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    worker.post(url, {"notes": NOTES, "action": "save"}, csrf_from=url)
    return interview_id, url


def _add(worker, interview_id: int, url: str, evidence: str):
    return worker.post(f"/interviews/{interview_id}/pages/{PAGE}/indicators",
                       {"add-indicator": "seraf.mod.school_exclusion_or_absence",
                        "add-window": "recent", "add-evidence": evidence}, csrf_from=url)


def test_the_add_form_offers_the_notes_sentences_not_a_free_text_box(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id, url = _setup(worker)
    html = worker.get(url).get_data(as_text=True)
    assert '<select class="govuk-select app-select-wide" id="add-evidence"' in html
    assert '<option value="She has not been going since half term.">' in html
    assert 'id="add-evidence" name="add-evidence" type="text"' not in html


def test_made_up_evidence_is_refused_and_reaches_nothing(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id, url = _setup(worker)
    resp = _add(worker, interview_id, url, "He made me sell drugs")
    assert resp.status_code == 302
    assert db.session.scalar(db.select(Suggestion).filter_by(status="added")) is None
    assert "Choose the words in your notes" in worker.get(url).get_data(as_text=True)
    seraf_url = f"/interviews/{interview_id}/seraf"
    worker.post(seraf_url, {}, csrf_from=seraf_url)
    seraf = db.session.scalar(db.select(SerafAssessment))
    assert "seraf.mod.school_exclusion_or_absence" not in seraf.ticks.get("moderate", [])


def test_a_sentence_of_the_notes_is_kept_with_its_offsets(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id, url = _setup(worker)
    _add(worker, interview_id, url, "She has not been going since half term.")
    s = db.session.scalar(db.select(Suggestion).filter_by(status="added"))
    assert s is not None and NOTES[s.start:s.end] == s.evidence


def test_an_added_indicator_can_be_undone(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id, url = _setup(worker)
    _add(worker, interview_id, url, "She has not been going since half term.")
    s = db.session.scalar(db.select(Suggestion).filter_by(status="added"))
    html = worker.get(url).get_data(as_text=True)
    assert "Undo: take away" in html
    resp = worker.post(f"/interviews/{interview_id}/suggestions/{s.id}",
                       {"decision": "suggested"}, csrf_from=url)
    assert resp.status_code == 302
    assert db.session.scalar(db.select(Suggestion).filter_by(status="added")) is None
    assert db.session.scalar(
        db.select(AuditEvent).filter_by(action="withdraw_added_indicator")) is not None
    # The notes themselves are untouched.
    assert NOTES in worker.get(url).get_data(as_text=True)
