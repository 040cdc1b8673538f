"""The police safe and well check: who may run it, its branches, its clock, and where it shows."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from support import DEMO_PASSWORD, demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.flows import load_flow
from rhi_assistant.models import Episode, Interview, Team, User
from rhi_assistant.passwords import hash_password
from rhi_assistant.services.interviews import safe_and_well_deadline

OFFICER = "police@example.org"
WORKER = "rhi.worker@example.org"
# Fictional words an officer records: they must reach the RHI worker's preparation view only.
WHERE = "Stayed two nights at a flat above the launderette on Pinecone Lane"


@pytest.fixture
def officer(make_client):
    return make_client(OFFICER)


def _found(minutes_ago: int, risk: str = "medium") -> Episode:
    episode = demo_episode()
    episode.found = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    episode.police_risk = risk
    db.session.commit()
    return episode


def _start(client, episode_id: int) -> int:
    url = f"/episodes/{episode_id}/safe-and-well"
    resp = client.post(url, {"language": "en", "easy_read": "no"}, csrf_from=url)
    assert resp.status_code == 302, resp.status_code
    return int(re.search(r"/interviews/(\d+)", resp.headers["Location"]).group(1))


def _answer(client, interview_id: int, page: str, **data) -> str:
    url = f"/interviews/{interview_id}/pages/{page}"
    resp = client.post(url, {"action": "continue", **data}, csrf_from=url)
    assert resp.status_code == 302, (page, resp.status_code)
    return resp.headers["Location"]


def test_an_officer_of_the_shared_team_starts_and_runs_the_check(officer):
    episode = _found(30)
    start = officer.get(f"/episodes/{episode.id}/safe-and-well")
    assert start.status_code == 200
    interview_id = _start(officer, episode.id)
    interview = db.session.get(Interview, interview_id)
    assert (interview.kind, interview.flow_id) == ("safe_and_well", "safe_and_well")
    tasks = officer.get(f"/interviews/{interview_id}").get_data(as_text=True)
    assert "Police safe and well check" in tasks
    assert "SERAF" not in tasks and "Intelligence-sharing summary" not in tasks

    nxt = _answer(officer, interview_id, "sw_intro")
    assert nxt.endswith("/pages/sw_how_feeling")
    _answer(officer, interview_id, "sw_how_feeling", notes="Said her ankle hurts from running")
    _answer(officer, interview_id, "sw_injuries", choice="described_or_seen")
    _answer(officer, interview_id, "sw_where", notes=WHERE)
    _answer(officer, interview_id, "sw_who_with", notes="An older boy called Rook")
    _answer(officer, interview_id, "sw_anything_happened", action="prefer_not_to_say")
    nxt = _answer(officer, interview_id, "sw_disclosure_sexual", choice="no")
    assert nxt.endswith("/pages/sw_other_offence"), "no disclosure: no evidence advice"
    _answer(officer, interview_id, "sw_other_offence", choice="none")
    nxt = _answer(officer, interview_id, "sw_leaflet")
    assert nxt.endswith(f"/interviews/{interview_id}/check")
    check = unescape(officer.get(nxt).get_data(as_text=True))
    assert WHERE in check and "I don't want to say" in check
    done = (datetime.now(UTC) - timedelta(minutes=1)).astimezone(ZoneInfo("Europe/London"))
    resp = officer.post(f"/interviews/{interview_id}/finish",
                        {"day": done.day, "month": done.month, "year": done.year,
                         "time": done.strftime("%H:%M")}, csrf_from=nxt)
    assert resp.status_code == 302
    db.session.refresh(interview)
    assert interview.completed_at is not None and interview.status == "completed"
    assert "Done" in officer.get(f"/interviews/{interview_id}").get_data(as_text=True)


@pytest.mark.parametrize("answer", ["yes", "not_sure"])
def test_a_sexual_offence_disclosure_brings_the_evidence_preservation_advice(officer, answer):
    interview_id = _start(officer, _found(30).id)
    nxt = _answer(officer, interview_id, "sw_disclosure_sexual", choice=answer)
    assert nxt.endswith("/pages/sw_evidence_advice")
    advice = unescape(officer.get(nxt).get_data(as_text=True))
    for words in ("not to wash", "paper bag", "Never use plastic", "not to eat, drink",
                  "first account word for word", "CID", "SOIT"):
        assert words in advice, words
    nxt = _answer(officer, interview_id, "sw_evidence_advice")
    assert nxt.endswith("/pages/sw_first_account")
    nxt = _answer(officer, interview_id, "sw_first_account", notes="'He said not to tell'")
    assert nxt.endswith("/pages/sw_cid_contacted")


def test_the_evidence_advice_is_not_on_the_route_without_a_disclosure():
    flow = load_flow("safe_and_well")
    from rhi_assistant.flows import FlowContext

    ids = [p.id for p in flow.route(FlowContext(answers={"sw_disclosure_sexual": "no"}))]
    assert "sw_evidence_advice" not in ids and "sw_first_account" not in ids
    ids = [p.id for p in flow.route(FlowContext(answers={"sw_disclosure_sexual": "yes"}))]
    assert ids.index("sw_evidence_advice") == ids.index("sw_disclosure_sexual") + 1


class _Ep:
    def __init__(self, found, risk):
        self.found, self.police_risk = found, risk


FOUND = datetime(2026, 3, 1, 22, 0, tzinfo=UTC)
#: The hours come from the protocol profile (its "safe_and_well" table), not from the service.
PROFILE = "north_somerset"


def safe_and_well_clock(episode, interview=None, now=None):
    return safe_and_well_deadline(episode, interview, now, profile=PROFILE)


@pytest.mark.parametrize(("risk", "hours"), [("high", 1), ("medium", 3), ("low", 3),
                                             ("no_apparent_risk", 3)])
def test_the_clock_is_one_hour_at_high_risk_and_three_otherwise(risk, hours):
    clock = safe_and_well_clock(_Ep(FOUND, risk), now=FOUND + timedelta(minutes=30))
    assert clock.hours == hours and clock.due == FOUND + timedelta(hours=hours)
    assert not clock.overdue
    late = safe_and_well_clock(_Ep(FOUND, risk), now=FOUND + timedelta(hours=hours, minutes=5))
    assert late.overdue and late.minutes_late == 5


def test_a_finished_check_stops_the_clock_and_says_if_it_was_late():
    class _Done:
        completed_at = FOUND + timedelta(minutes=70)

    clock = safe_and_well_clock(_Ep(FOUND, "high"), _Done(), now=FOUND + timedelta(hours=9))
    assert not clock.overdue and clock.done_at == _Done.completed_at and clock.minutes_late == 10
    assert safe_and_well_clock(_Ep(None, "high")).due is None


def test_the_clock_shows_due_time_and_overdue_on_officer_pages_only(officer):
    episode = _found(90, risk="high")
    start = officer.get(f"/episodes/{episode.id}/safe-and-well").get_data(as_text=True)
    assert "1 hour clock" in start and "Overdue" in start and "by 30 minutes" in start
    interview_id = _start(officer, episode.id)
    assert "Overdue" in officer.get(f"/interviews/{interview_id}").get_data(as_text=True)
    officer_only = officer.get(f"/interviews/{interview_id}/pages/sw_injuries")
    assert "safe-and-well-clock" in officer_only.get_data(as_text=True)
    # No time pressure where the child may be looking.
    for page in load_flow("safe_and_well").pages:
        if page.child_facing:
            html = officer.get(f"/interviews/{interview_id}/pages/{page.id}").get_data(as_text=True)
            assert "safe-and-well-clock" not in html and "Overdue" not in html, page.id

    episode = _found(30, risk="medium")
    start = officer.get(f"/episodes/{episode.id}/safe-and-well").get_data(as_text=True)
    assert "3 hour clock" in start and "On time" in start and "Overdue" not in start


@pytest.fixture
def stranger_officer(app, make_client):
    """A police officer in a team the case is not shared with."""
    team = db.session.scalar(db.select(Team).filter_by(agency="BCP Council"))
    db.session.add(User(email="bcp.officer@example.org", name="PC Fictional Vale",
                        role="police_officer", team=team,
                        password_hash=hash_password(DEMO_PASSWORD)))
    db.session.commit()
    return make_client("bcp.officer@example.org")


def test_officers_of_other_teams_and_other_workers_get_not_found(officer, stranger_officer,
                                                                 make_client):
    episode = _found(30)
    interview_id = _start(officer, episode.id)
    other_worker = make_client("other.worker@example.org")
    for client in (stranger_officer, other_worker):
        assert client.get(f"/episodes/{episode.id}/safe-and-well").status_code == 404
        assert client.get(f"/interviews/{interview_id}").status_code == 404
        assert client.get(f"/interviews/{interview_id}/pages/sw_where").status_code == 404
        url = f"/episodes/{episode.id}/safe-and-well"
        token = client.csrf("/cases")
        assert client.client.post(url, data={"csrf_token": token, "language": "en",
                                             "easy_read": "no"}).status_code == 404


def test_officers_cannot_open_or_start_an_rhi(officer, make_client):
    episode = _found(30)
    worker = make_client(WORKER)
    rhi_id = start_interview(worker, episode.id)
    for path in (f"/interviews/{rhi_id}", f"/interviews/{rhi_id}/pages/time_away_account",
                 f"/interviews/{rhi_id}/check", f"/interviews/{rhi_id}/prepare",
                 f"/interviews/{rhi_id}/review", f"/episodes/{episode.id}"):
        assert officer.get(path).status_code == 404, path
    token = officer.csrf("/cases")
    resp = officer.client.post(f"/episodes/{episode.id}/interviews",
                               data={"csrf_token": token, "language": "en", "easy_read": "no"})
    assert resp.status_code in (403, 404)
    resp = officer.client.post(f"/interviews/{rhi_id}/pages/time_away_account",
                               data={"csrf_token": token, "notes": "x"})
    assert resp.status_code == 404


def test_an_rhi_worker_cannot_write_into_the_police_check(officer, make_client):
    interview_id = _start(officer, _found(30).id)
    worker = make_client(WORKER)
    url = f"/interviews/{interview_id}/pages/sw_where"
    assert worker.post(url, {"notes": "x", "action": "continue"}, csrf_from="/cases"
                       ).status_code == 403
    assert worker.get(f"/episodes/{demo_episode().id}/safe-and-well").status_code == 404


def test_what_we_already_know_is_on_the_preparation_view_and_no_child_facing_page(
        officer, make_client):
    episode = _found(30)
    sw_id = _start(officer, episode.id)
    _answer(officer, sw_id, "sw_where", notes=WHERE)
    _answer(officer, sw_id, "sw_disclosure_sexual", choice="no")
    worker = make_client(WORKER)
    rhi_id = start_interview(worker, episode.id)

    tasks = worker.get(f"/interviews/{rhi_id}").get_data(as_text=True)
    assert f"/interviews/{rhi_id}/prepare" in tasks
    assert WHERE not in tasks
    prepare = unescape(worker.get(f"/interviews/{rhi_id}/prepare").get_data(as_text=True))
    assert "What we already know" in prepare and WHERE in prepare
    assert "PC Alex Byrne" in prepare and "Do not show or read this page to the child" in prepare

    for flow_id, iid, client in (("rhi", rhi_id, worker), ("safe_and_well", sw_id, officer)):
        for page in load_flow(flow_id).pages:
            if not page.child_facing:
                continue
            html = unescape(client.get(f"/interviews/{iid}/pages/{page.id}").get_data(
                as_text=True))
            assert "What we already know" not in html, (flow_id, page.id)
            if flow_id == "rhi":
                assert WHERE not in html, page.id
                assert "/prepare" not in html, page.id
