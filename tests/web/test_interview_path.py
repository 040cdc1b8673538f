"""The practitioner's path through the web layer: notes, suggestions, decisions, SERAF, summary."""

from __future__ import annotations

import io
import json
import re

from pypdf import PdfReader
from support import AFFIRMED, NOTE, demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, SerafAssessment, Suggestion

PAGE = "time_away_account"


def _save_note(client, interview_id: int, text: str, action: str = "save"):
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    return client.post(url, {"notes": text, "action": action}, csrf_from=url)


def test_only_the_affirmed_indicator_is_suggested(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    resp = _save_note(worker, interview_id, NOTE)
    assert resp.status_code == 302
    suggestions = db.session.scalars(db.select(Suggestion)).all()
    ids = {s.indicator for s in suggestions}
    assert "seraf.sig.vehicles_unknown_adults" in ids
    assert "seraf.mod.drugs_misuse" not in ids, "a negated mention was offered as a tick"
    page = worker.get(f"/interviews/{interview_id}/pages/{PAGE}").get_data(as_text=True)
    assert "Entering or leaving vehicles driven by unknown adults" in page
    assert "<mark>" in page
    # The negated mention is shown only as "not suggested", with its reason.
    assert "Mentioned but not suggested" in page
    # People and places named are listed for the practitioner, never ticked.
    assert "Named in these notes" in page and "Weston" in page


def test_confirmed_suggestion_ticks_seraf_and_reaches_the_pdf(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _save_note(worker, interview_id, NOTE)
    # The indicator code is encrypted, so it is compared once decrypted, as the app does.
    vehicles = next(s for s in db.session.scalars(db.select(Suggestion))
                    if s.indicator == "seraf.sig.vehicles_unknown_adults")
    page_url = f"/interviews/{interview_id}/pages/{PAGE}"
    resp = worker.post(f"/interviews/{interview_id}/suggestions/{vehicles.id}",
                       {"decision": "confirmed"}, csrf_from=page_url)
    assert resp.status_code == 302
    db.session.refresh(vehicles)
    assert vehicles.status == "confirmed" and vehicles.decided_by_id is not None

    seraf_url = f"/interviews/{interview_id}/seraf"
    seraf_html = worker.get(seraf_url).get_data(as_text=True)
    assert db.session.scalar(db.select(SerafAssessment)) is None  # opening it stores nothing
    assert "Category 1" in seraf_html or "Category 2" in seraf_html
    box = re.search(
        r'<input[^>]*name="sig_recent"[^>]*value="seraf.sig.vehicles_unknown_adults"[^>]*>',
        seraf_html,
    ).group(0)
    assert "checked" in box
    worker.post(seraf_url, {"sig_recent": "seraf.sig.vehicles_unknown_adults"},
                csrf_from=seraf_url)
    seraf = db.session.scalar(db.select(SerafAssessment))
    assert seraf.ticks["significant_recent"] == ["seraf.sig.vehicles_unknown_adults"]
    assert seraf.ticks["significant_6_12"] == []

    new_url = f"/interviews/{interview_id}/summaries/new"
    resp = worker.post(new_url, {
        "recipients": ["police_missing_team"],
        "purpose": "Keep her safe.",
        "legal_basis": "safeguarding_public_task",
        "next_steps": "Strategy discussion",
    }, csrf_from=new_url)
    assert resp.status_code == 302, resp.get_data(as_text=True)[:800]
    summary_url = resp.headers["Location"]
    pdf = worker.get(summary_url + "/download")
    assert pdf.mimetype == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    flat = " ".join(text.split())
    assert "Entering or leaving vehicles driven by unknown adults" in flat
    assert "got into a car" in flat
    assert "Drugs misuse" not in flat and "taking drugs" not in flat
    actions = {e.action for e in db.session.scalars(db.select(AuditEvent))}
    assert {"generate_summary", "download_summary", "view_seraf"} <= actions


def test_rejected_suggestion_never_reaches_seraf_or_summary(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _save_note(worker, interview_id, AFFIRMED)
    s = db.session.scalar(db.select(Suggestion))
    page_url = f"/interviews/{interview_id}/pages/{PAGE}"
    worker.post(f"/interviews/{interview_id}/suggestions/{s.id}",
                {"decision": "rejected", "reason": "It was her aunt's car"}, csrf_from=page_url)
    seraf_url = f"/interviews/{interview_id}/seraf"
    # Only the record's own tick (the demo child's three episodes in 70 days) is there.
    assert 'checked' not in " ".join(
        box for box in re.findall(r'<input[^>]*name="(?:vuln|mod|sig_recent|sig_6_12)"[^>]*>',
                                  worker.get(seraf_url).get_data(as_text=True))
        if 'value="seraf.sig.missing_periods"' not in box)
    worker.post(seraf_url, {}, csrf_from=seraf_url)
    seraf = db.session.scalar(db.select(SerafAssessment))
    assert all(not v for v in seraf.ticks.values())
    new_url = f"/interviews/{interview_id}/summaries/new"
    resp = worker.post(new_url, {"recipients": ["police_missing_team"], "purpose": "x",
                                 "legal_basis": "safeguarding_public_task"}, csrf_from=new_url)
    content = worker.get(resp.headers["Location"]).get_data(as_text=True)
    assert "vehicles driven by unknown adults" not in content


def test_practitioner_can_add_a_missed_indicator(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _save_note(worker, interview_id, "We talked about school.")
    page_url = f"/interviews/{interview_id}/pages/{PAGE}"
    worker.post(f"/interviews/{interview_id}/pages/{PAGE}/indicators",
                {"add-indicator": "seraf.mod.school_exclusion_or_absence",
                 "add-window": "recent", "add-evidence": "school"}, csrf_from=page_url)
    s = db.session.scalar(db.select(Suggestion).filter_by(status="added"))
    assert s.indicator == "seraf.mod.school_exclusion_or_absence"
    assert (s.start, s.end) == (16, 22)


def test_resume_goes_to_first_unanswered_page(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    first = f"/interviews/{interview_id}/pages/who_to_speak_to"
    resp = worker.post(first, {"choice": "this_worker", "action": "continue"}, csrf_from=first)
    nxt = resp.headers["Location"]
    assert nxt.endswith("/pages/consent_parent_or_carer")  # the demo child is 14, not in care
    html = worker.get(f"/interviews/{interview_id}").get_data(as_text=True)
    assert f"/interviews/{interview_id}/pages/consent_parent_or_carer" in html
    assert "Continue from where you left off" in html


def test_choice_page_requires_an_answer_and_shows_error_summary(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    first = f"/interviews/{interview_id}/pages/who_to_speak_to"
    resp = worker.post(first, {"action": "continue"}, csrf_from=first)
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "There is a problem" in html and "Select an option" in html
    assert html.count("<title>Error:") == 1


def test_declining_is_recorded_as_such(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _save_note(worker, interview_id, "", action="prefer_not_to_say")
    html = worker.get(f"/interviews/{interview_id}/check").get_data(as_text=True)
    assert "I don&#39;t want to say" in html or "I don't want to say" in html


def test_autosave_returns_live_suggestions(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    page_url = f"/interviews/{interview_id}/pages/{PAGE}"
    token = worker.csrf(page_url)
    resp = worker.client.post(page_url + "/autosave", data={"notes": AFFIRMED},
                              headers={"X-CSRFToken": token})
    assert resp.status_code == 200
    data = json.loads(resp.data)
    assert data["saved"] is True
    assert "vehicles driven by unknown adults" in data["suggestions_html"]


def test_practitioner_can_check_a_question_for_leading(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    page_url = f"/interviews/{interview_id}/pages/{PAGE}"
    assert "Check a question before you ask it" in worker.get(page_url).get_data(as_text=True)
    resp = worker.post(page_url + "/question-check", {"question": "Did he give you money?"},
                       csrf_from=page_url)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert "This question may lead the child." in html
    assert "Try instead" in html
    resp = worker.post(page_url + "/question-check",
                       {"question": "Tell me about the time you were away."}, csrf_from=page_url)
    assert "This question may lead the child." not in resp.get_data(as_text=True)


def test_a_why_question_is_checked_with_a_note_that_it_can_sound_blaming(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    page_url = f"/interviews/{interview_id}/pages/{PAGE}"
    resp = worker.post(page_url + "/question-check", {"question": "Why did you go with him?"},
                       csrf_from=page_url)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and 'id="question-note"' in html
    assert "can sound as if the child is to blame" in html.replace("&#39;", "'")
    assert "Tell me how you came to go with him." in html
