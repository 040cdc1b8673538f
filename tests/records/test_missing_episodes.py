"""Recording a missing episode as the police tell it, the return, and corrections: times on
the team's clock, deadlines from what is recorded, every write audited with what changed."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from support import episode_card, make_child

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child, Episode

pytestmark = pytest.mark.usefixtures("clock")


def episode_form(**extra) -> dict:
    data = {"last_seen-day": "19", "last_seen-month": "11", "last_seen-year": "2026",
            "last_seen-time": "21:30", "reported-day": "19", "reported-month": "11",
            "reported-year": "2026", "reported-time": "23:05", "reported_by": "placement",
            "reported_by_detail": "", "police_reference": "FICT-0042", "police_risk": "high",
            "missing_from": "care", "placement_out_of_area": "yes",
            "placement_area": "Bristol"}
    data.update(extra)
    return data


def return_form(**extra) -> dict:
    data = {"found-day": "20", "found-month": "11", "found-year": "2026", "found-time": "09:15",
            "where_found": "Temple Meads station", "found_by": "police",
            "return_detail": "Brought back by officers."}
    data.update(extra)
    return data


@pytest.fixture
def child() -> Child:
    child = make_child("NS-3001", "Robin", looked_after=True)
    db.session.commit()
    return child


def record(client, child_id: int, **extra) -> Episode:
    url = f"/children/{child_id}/episodes/new"
    resp = client.post(url, episode_form(**extra), csrf_from=url)
    assert resp.status_code == 302, resp.get_data(as_text=True)[:3000]
    return db.session.get(Episode, int(re.search(r"/episodes/(\d+)$",
                                                 resp.headers["Location"]).group(1)))


def test_an_episode_is_recorded_as_the_police_told_it(make_client, child):
    worker = make_client("rhi.worker@example.org")
    episode = record(worker, child.id)
    assert episode.last_seen == datetime(2026, 11, 19, 21, 30, tzinfo=UTC)  # GMT in November
    assert episode.reported_missing == datetime(2026, 11, 19, 23, 5, tzinfo=UTC)
    assert (episode.reported_by, episode.police_reference, episode.police_risk,
            episode.missing_from, episode.placement_out_of_area, episode.placement_area) == (
        "placement", "FICT-0042", "high", "care", True, "Bristol")
    assert episode.found is None
    page = worker.get(f"/episodes/{episode.id}").get_data(as_text=True)
    assert "Placement staff or foster carer" in page and "FICT-0042" in page
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="record_episode"))
    assert (event.child_id, event.object_id) == (child.id, episode.id)


def test_times_are_typed_on_the_teams_clock(make_client, child):
    """In summer the UK clock is an hour ahead of UTC: 10:00 typed is 09:00 UTC."""
    episode = record(make_client("manager@example.org"), child.id, **{
        "last_seen-day": "1", "last_seen-month": "6", "last_seen-time": "10:00",
        "reported-day": "1", "reported-month": "6", "reported-time": "10:30"})
    assert episode.last_seen == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def test_the_episodes_page_shows_it_at_once_and_the_rhi_deadline_after_the_return(
        make_client, child):
    manager = make_client("manager@example.org")
    episode = record(manager, child.id)
    card = episode_card(manager.get("/episodes").get_data(as_text=True), episode.id)
    assert 'data-rhi-state="missing"' in card
    url = f"/episodes/{episode.id}/return"
    assert manager.post(url, return_form(), csrf_from=url).status_code == 302
    db.session.refresh(episode)
    assert episode.found == datetime(2026, 11, 20, 9, 15, tzinfo=UTC)
    assert (episode.where_found, episode.found_by) == ("Temple Meads station", "police")
    card = episode_card(manager.get("/episodes").get_data(as_text=True), episode.id)
    # North Somerset: the RHI within 72 hours of the return.
    assert 'data-rhi-state="due"' in card and "by 23 Nov 2026, 09:15" in card
    actions = [e.action for e in db.session.scalars(db.select(AuditEvent))]
    assert "record_return" in actions


def test_times_out_of_order_are_refused_and_nothing_typed_is_lost(make_client, child):
    worker = make_client("rhi.worker@example.org")
    url = f"/children/{child.id}/episodes/new"
    resp = worker.post(url, episode_form(**{"reported-day": "18"}), csrf_from=url)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "cannot be before the child was last seen" in html
    assert 'value="FICT-0042"' in html and 'value="Bristol"' in html
    resp = worker.post(url, episode_form(**{"last_seen-day": "21"}), csrf_from=url)
    assert "must be in the past" in resp.get_data(as_text=True)
    resp = worker.post(url, episode_form(police_risk=""), csrf_from=url)
    assert "Select the police risk" in resp.get_data(as_text=True)
    assert db.session.query(Episode).filter_by(child_id=child.id).count() == 0


def test_corrections_are_audited_with_the_fields_changed(make_client, child):
    worker = make_client("rhi.worker@example.org")
    episode = record(worker, child.id)
    url = f"/episodes/{episode.id}/edit"
    page = worker.get(url).get_data(as_text=True)
    assert 'value="21:30"' in page and 'value="FICT-0042"' in page
    resp = worker.post(url, episode_form(police_risk="medium", **{"last_seen-time": "20:00"}),
                       csrf_from=url)
    assert resp.status_code == 302
    db.session.refresh(episode)
    assert episode.police_risk == "medium"
    assert episode.last_seen == datetime(2026, 11, 19, 20, 0, tzinfo=UTC)
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="correct_episode"))
    assert event.detail == "changed: police_risk, last_seen"
    ret = f"/episodes/{episode.id}/return"
    worker.post(ret, return_form(), csrf_from=ret)
    worker.post(ret, return_form(found_by="parent_carer"), csrf_from=ret)
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="correct_return"))
    assert event.detail == "changed: found_by"


def test_only_the_owning_teams_workers_and_managers_record(make_client, child):
    jordan_episode = max(db.session.scalar(
        db.select(Child).filter_by(reference="NS-1001")).episodes, key=lambda e: e.last_seen)
    for email in ("other.worker@example.org", "admin@example.org", "police@example.org"):
        outsider = make_client(email)
        for path in (f"/children/{child.id}/episodes/new",
                     f"/episodes/{jordan_episode.id}/edit",
                     f"/episodes/{jordan_episode.id}/return"):
            assert outsider.get(path).status_code == 404, (email, path)
            resp = outsider.client.post(path, data={"csrf_token": outsider.csrf("/cases"),
                                                    **episode_form()})
            assert resp.status_code == 404, (email, path)


def test_recording_needs_the_csrf_token(make_client, child):
    worker = make_client("rhi.worker@example.org")
    resp = worker.client.post(f"/children/{child.id}/episodes/new", data=episode_form())
    assert resp.status_code == 400
    assert db.session.query(Episode).filter_by(child_id=child.id).count() == 0


def test_opening_a_correction_page_is_audited_as_a_read(make_client, child):
    worker = make_client("rhi.worker@example.org")
    episode = record(worker, child.id)
    for path in (f"/episodes/{episode.id}/edit", f"/episodes/{episode.id}/return",
                 f"/children/{child.id}/edit"):
        before = db.session.query(AuditEvent).count()
        assert worker.get(path).status_code == 200
        events = db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [(e.child_id, e.user_id is not None) for e in events[before:]] == [
            (child.id, True)], path
