"""Oversight (issue 14 point 11): four eyes on outcomes, what waits for sign-off, the audit
log (scoped, filterable, exported, itself audited) and a child's SERAF over time."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from support import DEMO_PASSWORD, make_child, make_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, EpisodeOutcome, SerafAssessment, Team, User
from rhi_assistant.passwords import hash_password

pytestmark = pytest.mark.usefixtures("clock")
OUTCOME = {"codes": ["information_shared_with_police"]}


@pytest.fixture
def second_manager(app) -> str:
    """Another manager of the demo team (fictional), for the four-eyes rule."""
    team = db.session.scalar(db.select(Team).filter_by(
        name="North Somerset Missing Children Team"))
    db.session.add(User(email="deputy.manager@example.org", name="Morgan Reyes",
                        role="manager", team_id=team.id,
                        password_hash=hash_password(DEMO_PASSWORD)))
    db.session.commit()
    return "deputy.manager@example.org"


def _outcome(episode) -> EpisodeOutcome | None:
    db.session.expire_all()
    return db.session.scalar(db.select(EpisodeOutcome).filter_by(episode_id=episode.id))


def test_the_manager_who_recorded_outcomes_cannot_authorise_them(make_client, episode,
                                                                 second_manager):
    manager = make_client("manager@example.org")
    url = f"/episodes/{episode.id}/outcome"
    assert manager.post(url, OUTCOME, csrf_from=url).status_code == 302
    page = manager.get(url).get_data(as_text=True)
    assert "Authorise these outcomes" not in page and 'id="four-eyes"' in page
    resp = manager.post(f"{url}/authorise", {}, csrf_from=url, follow_redirects=True)
    assert "another manager needs to authorise them" in resp.get_data(as_text=True)
    assert not _outcome(episode).is_authorised

    deputy = make_client(second_manager)
    assert "Authorise these outcomes" in deputy.get(url).get_data(as_text=True)
    assert deputy.post(f"{url}/authorise", {}, csrf_from=url).status_code == 302
    row = _outcome(episode)
    assert row.is_authorised and row.authorised_by.email == second_manager


def test_a_manager_who_changes_a_workers_outcomes_becomes_their_recorder(make_client, episode):
    worker, manager = make_client("rhi.worker@example.org"), make_client("manager@example.org")
    url = f"/episodes/{episode.id}/outcome"
    worker.post(url, OUTCOME, csrf_from=url)
    manager.post(url, {"codes": ["referral_early_help"]}, csrf_from=url)
    manager.post(f"{url}/authorise", {}, csrf_from=url)
    assert not _outcome(episode).is_authorised


def test_waiting_for_sign_off_lists_outcomes_and_serafs(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{episode.id}/outcome"
    worker.post(url, OUTCOME, csrf_from=url)
    interview_id = start_interview(worker, episode.id)
    seraf_url = f"/interviews/{interview_id}/seraf"
    assert worker.post(seraf_url, {"assessment_date": "2026-11-19"},
                       csrf_from=seraf_url).status_code == 302
    manager = make_client("manager@example.org")
    html = manager.get("/oversight").get_data(as_text=True)
    assert 'id="outcomes-waiting"' in html and 'id="serafs-waiting"' in html
    assert f"/episodes/{episode.id}/outcome" in html and seraf_url in html
    assert "Jordan Avery" in html
    manager.post(f"{seraf_url}/sign-off", {}, csrf_from=seraf_url)
    manager.post(f"{url}/authorise", {}, csrf_from=url)
    html = manager.get("/oversight").get_data(as_text=True)
    assert 'id="no-serafs"' in html and 'id="no-outcomes"' in html
    assert make_client("rhi.worker@example.org").get("/oversight").status_code == 403
    assert make_client("admin@example.org").get("/oversight").status_code == 403


def _events(client, query: str = "") -> str:
    resp = client.get("/oversight/audit" + query)
    assert resp.status_code == 200
    return resp.get_data(as_text=True)


def test_a_manager_reads_their_teams_audit_events_only(make_client, episode):
    make_client("rhi.worker@example.org").get(f"/children/{episode.child_id}")
    other = make_client("other.worker@example.org")
    bcp_child = make_child("BCP-8001", "Kit", team="BCP Children's Services Missing Team")
    other.get(f"/children/{bcp_child.id}")
    html = _events(make_client("manager@example.org"))
    assert "Sam Okafor" in html and "NS-1001" in html and "view child" in html
    assert "Robin Hale" not in html and "BCP-8001" not in html
    # The BCP worker cannot open it at all.
    assert other.get("/oversight/audit").status_code == 403
    assert make_client("police@example.org").get("/oversight/audit").status_code == 403


def test_the_audit_log_filters_by_person_child_action_and_day(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    worker.get(f"/children/{episode.child_id}")
    casey = make_child("NS-8002", "Casey2")
    worker.get(f"/children/{casey.id}")
    manager = make_client("manager@example.org")
    sam = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    html = _events(manager, f"?user={sam.id}&child=ns-1001%20&action=view_child")
    assert "1 event" in html and "NS-1001" in html and "NS-8002" not in html
    assert 'data-action="view_child"' in html
    assert "0 events" in _events(manager, "?from=2026-11-21")  # NOW is 20 Nov 2026
    assert "NS-8002" in _events(manager, "?from=2026-11-20&to=2026-11-20")
    bad = _events(manager, "?from=30/11/2026")
    assert "Enter a real date" in bad and "govuk-error-summary" in bad


def test_reading_and_exporting_the_audit_log_is_audited_and_the_csv_matches(make_client,
                                                                            episode):
    make_client("rhi.worker@example.org").get(f"/children/{episode.child_id}")
    manager = make_client("manager@example.org")
    _events(manager, "?child=NS-1001")
    last = db.session.scalar(db.select(AuditEvent).order_by(AuditEvent.id.desc()))
    assert (last.action, last.detail) == ("view_audit_log", "child=NS-1001")
    resp = manager.client.get("/oversight/audit/download?child=NS-1001&action=view_child")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    assert rows and {r["child"] for r in rows} == {"NS-1001"}
    assert {r["action"] for r in rows} == {"view_child"}
    assert rows[0]["user"] == "Sam Okafor"
    last = db.session.scalar(db.select(AuditEvent).order_by(AuditEvent.id.desc()))
    assert last.action == "export_audit_log"


def test_an_admin_reads_every_event_with_children_by_reference_only(make_client, episode):
    make_client("rhi.worker@example.org").get(f"/children/{episode.child_id}")
    bcp_child = make_child("BCP-8003", "Kit", team="BCP Children's Services Missing Team")
    make_client("other.worker@example.org").get(f"/children/{bcp_child.id}")
    html = _events(make_client("admin@example.org"))
    assert "NS-1001" in html and "BCP-8003" in html and "Robin Hale" in html
    assert "Jordan" not in html and f"/children/{episode.child_id}" not in html


def test_a_childs_seraf_trend_is_a_chart_with_a_table_and_is_audited(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    first = start_interview(worker, episode.id)
    older = make_episode(episode.child, episode.last_seen.replace(month=9),
                         episode.found.replace(month=9))
    second = start_interview(worker, older.id)
    later = {"mod": ["seraf.mod.staying_out_late", "seraf.mod.multiple_callers"],
             "sig_recent": ["seraf.sig.peers_exploited"]}
    for interview_id, day, ticks in ((first, "2026-11-19", later), (second, "2026-09-20", {})):
        url = f"/interviews/{interview_id}/seraf"
        worker.post(url, {"assessment_date": day, **ticks}, csrf_from=url)
    rows = db.session.scalars(db.select(SerafAssessment)).all()
    assert {r.assessment_date for r in rows} == {date(2026, 11, 19), date(2026, 9, 20)}
    resp = worker.get(f"/children/{episode.child_id}/seraf-trend")
    html = resp.get_data(as_text=True)
    assert 'id="seraf-trend-chart"' in html and "<polyline" in html
    table = html[html.index('id="seraf-trend-table"'):]
    assert table.index("20 Sep 2026") < table.index("19 Nov 2026")  # oldest first
    scores = {r.assessment_date: r.score_total for r in rows}
    assert scores[date(2026, 11, 19)] > scores[date(2026, 9, 20)]
    assert f">{scores[date(2026, 11, 19)]}</td>" in table
    assert 'id="seraf-trend-table"' in html
    last = db.session.scalar(db.select(AuditEvent).order_by(AuditEvent.id.desc()))
    assert (last.action, last.child_id) == ("view_seraf_trend", episode.child_id)
    assert make_client("police@example.org").get(
        f"/children/{episode.child_id}/seraf-trend").status_code == 404
    assert make_client("other.worker@example.org").get(
        f"/children/{episode.child_id}/seraf-trend").status_code == 404
