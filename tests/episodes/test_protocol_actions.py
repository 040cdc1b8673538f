"""Protocol actions recorded as done: no longer overdue, no longer driving urgency; undo and
correction keep the trail; other teams cannot reach them; the note is encrypted at rest."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from support import (
    NOW,
    PageClient,
    demo_app,
    demo_episode,
    episode_card,
    episode_order,
    make_child,
    make_episode,
    safe_and_well_done,
)

import rhi_assistant.protocol
from rhi_assistant.extensions import db
from rhi_assistant.models import (
    AuditEvent,
    Episode,
    ProtocolActionRecord,
)
from rhi_assistant.protocol import ENV_VAR
from rhi_assistant.services import episodes as service

WHEN = {"day": "20", "month": "11", "year": "2026", "time": "10:30"}
ACTION = "multi_agency_meeting"  # Jordan's latest episode is her third: North Somerset asks for one
BUILTIN = Path(rhi_assistant.protocol.__file__).parent / "profiles"


pytestmark = pytest.mark.usefixtures("clock")


@pytest.fixture
def timed_profile(tmp_path, monkeypatch):
    """North Somerset with due times on its actions (the shipped profile has none yet):
    the multi-agency meeting is due 12 hours after the child is found."""
    data = json.loads((BUILTIN / "north_somerset.json").read_text(encoding="utf-8"))
    for action in data["actions"]:
        action["due"] = {"hours_after": 12, "from": "found"}
    (tmp_path / "north_somerset.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))


def soon_episode() -> Episode:
    """Another child of the team whose RHI is due in 4 hours, nothing else outstanding."""
    episode = make_episode(make_child("NS-9102", "Soon"), NOW - timedelta(hours=70),
                           NOW - timedelta(hours=68))
    safe_and_well_done(episode)
    return episode


def action_url(episode: Episode, code: str = ACTION) -> str:
    return f"/episodes/{episode.id}/actions/{code}"


def test_recording_an_action_done_ends_overdue_and_urgency(make_client, timed_profile):
    jordan = demo_episode()
    safe_and_well_done(jordan)
    soon = soon_episode()
    status = service.status_for(jordan, NOW)
    meeting = next(i for i in status.items if i.code == ACTION)
    # Found 20 hours ago, the meeting was due 12 hours after: overdue, and it is why.
    assert meeting.overdue and not meeting.done and status.overdue
    assert status.urgency()[0] == 1
    worker = make_client("rhi.worker@example.org")
    html = worker.get("/episodes").get_data(as_text=True)
    assert episode_order(html).index(jordan.id) < episode_order(html).index(soon.id)
    assert ">Overdue<" in episode_card(html, jordan.id)
    offer = worker.get(f"/episodes/{jordan.id}/offer").get_data(as_text=True)
    assert f'href="{action_url(jordan)}"' in offer and "Record as done" in offer

    url = action_url(jordan)
    form = worker.get(url).get_data(as_text=True)
    assert 'value="20"' in form and 'value="12:00"' in form  # defaults to now, UK time
    resp = worker.post(url, {**WHEN, "note": "Held at Weston police station."}, csrf_from=url)
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/offer#actions")

    row = db.session.scalar(db.select(ProtocolActionRecord))
    assert (row.action_code, row.state, row.done_at) == (
        ACTION, "done", datetime(2026, 11, 20, 10, 30, tzinfo=UTC))
    assert row.recorded_by.email == "rhi.worker@example.org" and row.recorded_at == NOW
    status = service.status_for(jordan, NOW)
    meeting = next(i for i in status.items if i.code == ACTION)
    assert meeting.done and not meeting.overdue and meeting not in status.open_items
    assert not status.overdue and status.next_due == status.rhi_due
    assert status.urgency()[0] == 3  # soonest deadline: the RHI, no longer "overdue"

    html = worker.get("/episodes").get_data(as_text=True)
    jordan_card = " ".join(episode_card(html, jordan.id).split())
    assert ">Overdue<" not in jordan_card
    assert "Done</strong> 20 Nov 2026, 10:30" in jordan_card
    listed = episode_order(html)
    assert listed.index(soon.id) < listed.index(jordan.id)  # RHI in 4 h goes first
    offer = " ".join(worker.get(f"/episodes/{jordan.id}/offer").get_data(as_text=True).split())
    assert "Recorded by Sam Okafor: Held at Weston police station." in offer
    assert "Correct or undo" in offer
    events = db.session.scalars(
        db.select(AuditEvent).filter_by(action="record_protocol_action")).all()
    assert [(e.child_id, e.object_id, e.detail) for e in events] == [
        (jordan.child_id, row.id, ACTION)]


def test_correct_and_undo_keep_the_trail(make_client, timed_profile):
    jordan = demo_episode()
    safe_and_well_done(jordan)
    worker = make_client("rhi.worker@example.org")
    url = action_url(jordan)
    worker.post(url, {**WHEN, "note": "First note."}, csrf_from=url)
    page = worker.get(url).get_data(as_text=True)
    assert "Correct the record" in page and "Mark as not done" in page
    assert 'value="10:30"' in page and "First note." in page  # the form starts from the record
    manager = make_client("manager@example.org")
    manager.post(url, {**WHEN, "time": "09:45", "note": "Started earlier."}, csrf_from=url)
    status = service.status_for(jordan, NOW)
    meeting = next(i for i in status.items if i.code == ACTION)
    assert meeting.done and meeting.record.done_at == datetime(2026, 11, 20, 9, 45, tzinfo=UTC)
    assert meeting.record.recorded_by.email == "manager@example.org"

    resp = manager.post(f"{url}/undo", {}, csrf_from=url)
    assert resp.status_code == 302
    status = service.status_for(jordan, NOW)
    meeting = next(i for i in status.items if i.code == ACTION)
    assert not meeting.done and meeting.overdue and status.overdue  # overdue again
    rows = db.session.scalars(db.select(ProtocolActionRecord).order_by(ProtocolActionRecord.id))
    assert [(r.state, r.note) for r in rows] == [
        ("done", "First note."), ("done", "Started earlier."), ("not_done", None)]
    history = " ".join(worker.get(url).get_data(as_text=True).split())
    assert "Marked as not done" in history and "First note." in history
    assert "Started earlier." in history and "Mark as not done" not in history
    actions = [e.action for e in db.session.scalars(
        db.select(AuditEvent).filter(AuditEvent.action.like("%protocol_action"))
        .order_by(AuditEvent.id))]
    assert actions == ["record_protocol_action", "correct_protocol_action",
                       "undo_protocol_action"]
    # Undoing what is not done changes nothing.
    manager.post(f"{url}/undo", {}, csrf_from=url)
    assert db.session.query(ProtocolActionRecord).count() == 3


def test_form_errors_are_summarised(make_client):
    jordan = demo_episode()
    worker = make_client("rhi.worker@example.org")
    url = action_url(jordan)
    bad = worker.post(url, {"day": "31", "month": "2", "year": "2026", "time": "xx"},
                      csrf_from=url)
    html = bad.get_data(as_text=True)
    assert bad.status_code == 200 and "govuk-error-summary" in html
    assert "<title>Error:" in html and "Enter a real date" in html
    future = worker.post(url, {**WHEN, "day": "21"}, csrf_from=url)
    assert "must be in the past" in future.get_data(as_text=True)
    long = worker.post(url, {**WHEN, "note": "x" * 501}, csrf_from=url)
    assert "500 characters or fewer" in long.get_data(as_text=True)
    assert db.session.query(ProtocolActionRecord).count() == 0


def test_only_actions_the_protocol_asks_for_can_be_recorded(make_client):
    jordan = demo_episode()
    worker = make_client("rhi.worker@example.org")
    for code in ("nrm_referral", "safe_and_well", "rhi", "independent_request", "nonsense"):
        assert worker.get(action_url(jordan, code)).status_code == 404, code
        resp = worker.post(action_url(jordan, code), WHEN, csrf_from=action_url(jordan))
        assert resp.status_code == 404, code
    assert db.session.query(ProtocolActionRecord).count() == 0


def test_needs_csrf(make_client):
    jordan = demo_episode()
    worker = make_client("rhi.worker@example.org")
    assert worker.client.post(action_url(jordan), data=WHEN).status_code == 400
    assert db.session.query(ProtocolActionRecord).count() == 0


@pytest.mark.parametrize("email", ["other.worker@example.org", "admin@example.org",
                                   "police@example.org"])
def test_another_team_is_refused(make_client, email):
    jordan = demo_episode()
    owner = make_client("rhi.worker@example.org")
    owner.post(action_url(jordan), WHEN, csrf_from=action_url(jordan))
    other = make_client(email)
    token = other.csrf("/sign-in")
    assert other.get(action_url(jordan)).status_code == 404
    for path in (action_url(jordan), f"{action_url(jordan)}/undo"):
        resp = other.client.post(path, data={"csrf_token": token, **WHEN, "note": "x"})
        assert resp.status_code == 404, (email, path)
    rows = db.session.scalars(db.select(ProtocolActionRecord)).all()
    assert [r.state for r in rows] == ["done"]


def test_signed_out_goes_to_sign_in(client):
    jordan = demo_episode()
    for resp in (client.client.get(action_url(jordan)),
                 client.client.post(action_url(jordan), data={**WHEN, "csrf_token": client.csrf()}),
                 client.client.post(f"{action_url(jordan)}/undo",
                                    data={"csrf_token": client.csrf()})):
        assert resp.status_code == 302 and "/sign-in" in resp.headers["Location"]


def test_note_is_not_in_the_raw_database_file(tmp_path):
    path = tmp_path / "raw.sqlite"
    note = "Quennoway-Strathblane attended for the youth offending team"
    with demo_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                   "CLOCK_NOW": NOW.isoformat()}) as app:
        worker = PageClient(app.test_client()).sign_in("rhi.worker@example.org")
        url = action_url(demo_episode())
        assert worker.post(url, {**WHEN, "note": note}, csrf_from=url).status_code == 302
        assert db.session.scalar(db.select(ProtocolActionRecord)).note == note
    raw = path.read_bytes()
    assert b"Quennoway" not in raw and b"Strathblane" not in raw


def test_note_is_ciphertext_in_the_database_in_use(make_client):
    """The same check on whichever database the suite runs on (SQLite or PostgreSQL)."""
    worker = make_client("rhi.worker@example.org")
    url = action_url(demo_episode())
    worker.post(url, {**WHEN, "note": "Quillon Marsh chaired it."}, csrf_from=url)
    raw = db.session.execute(text("select note, action_code from protocol_action_record")).one()
    assert raw.action_code == ACTION
    assert raw.note.startswith("v1:") and "Quillon" not in raw.note
