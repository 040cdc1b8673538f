"""The team's episodes list: who is missing, what is due, most urgent first, on a movable clock."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child, Episode, Interview, Team, User

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # the demo data is loaded at this time


def _child(reference: str, first: str, team: str = "North Somerset Missing Children Team",
           **fields) -> Child:
    team_id = db.session.scalar(db.select(Team.id).filter_by(name=team))
    child = Child(reference=reference, team_id=team_id, first_name=first, last_name="Test",
                  date_of_birth=date(2012, 5, 1), **fields)
    db.session.add(child)
    db.session.flush()
    return child


def _episode(child: Child, last_seen: datetime, found: datetime | None, risk: str = "medium",
             **fields) -> Episode:
    episode = Episode(child=child, last_seen=last_seen, reported_missing=last_seen, found=found,
                      police_risk=risk, **fields)
    db.session.add(episode)
    db.session.commit()
    return episode


def _safe_and_well_done(episode: Episode) -> None:
    """A police safe and well check recorded, so only the RHI deadline is left."""
    officer = db.session.scalar(db.select(User).filter_by(email="police@example.org"))
    db.session.add(Interview(episode_id=episode.id, kind="safe_and_well", flow_id="safe_and_well",
                             conducted_by_id=officer.id))
    db.session.commit()


def _order(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="govuk-summary-card" id="episode-(\d+)"', html)]


def _card(html: str, episode_id: int) -> str:
    start = html.index(f'id="episode-{episode_id}"')
    end = html.find('class="govuk-summary-card"', start + 10)
    return html[start:end if end > 0 else None]


def _jordan_latest() -> Episode:
    child = db.session.scalar(db.select(Child).filter_by(reference="NS-1001"))
    return max(child.episodes, key=lambda e: e.last_seen)


def test_list_shows_the_teams_open_episodes_with_protocol_labels(app, make_client):
    app.config["CLOCK_NOW"] = NOW.isoformat()
    worker = make_client("rhi.worker@example.org")
    html = worker.get("/episodes").get_data(as_text=True)
    assert "Your team&#39;s episodes" in html or "Your team's episodes" in html
    assert "Casey Morgan" in html and "Jordan Avery" in html
    assert "Taylor Quinn" not in html  # another council's child
    jordan = _jordan_latest()
    card = _card(html, jordan.id)
    # RHI due 72 hours after found (found 20 hours before NOW) = 22 Nov 16:00 UK time.
    assert 'data-rhi-state="due"' in card
    assert "22 Nov 2026, 16:00" in card
    # Three episodes recorded: the North Somerset repeat rule asks for a multi-agency meeting.
    assert "3 of 3" in card and "Repeat missing" in card
    assert "Multi-agency meeting (3 or more missing episodes)" in card
    # Closed (authorised) demo episodes are not listed.
    assert len([e for e in _order(html) if e in {ep.id for ep in jordan.child.episodes}]) == 1
    event = db.session.scalars(db.select(AuditEvent).filter_by(action="view_episode_list")).all()
    assert event and event[-1].child_id is None


def test_rhi_becomes_overdue_when_the_clock_moves(app, make_client):
    jordan = _jordan_latest()
    worker = make_client("rhi.worker@example.org")
    app.config["CLOCK_NOW"] = (NOW + timedelta(hours=51)).isoformat()
    card = _card(worker.get("/episodes").get_data(as_text=True), jordan.id)
    assert 'data-rhi-state="due"' in card
    app.config["CLOCK_NOW"] = (NOW + timedelta(hours=53)).isoformat()
    card = _card(worker.get("/episodes").get_data(as_text=True), jordan.id)
    assert 'data-rhi-state="overdue"' in card
    assert "govuk-tag--red" in card


def test_order_missing_high_risk_then_overdue_then_missing_then_soonest_due(app, make_client):
    app.config["CLOCK_NOW"] = NOW.isoformat()
    casey_episode = db.session.scalar(
        db.select(Episode).join(Child).where(Child.reference == "NS-1002"))
    overdue = _episode(_child("NS-9001", "Overdue"), NOW - timedelta(days=5),
                       NOW - timedelta(days=4))  # RHI was due a day ago
    soon = _episode(_child("NS-9002", "Soon"), NOW - timedelta(hours=70),
                    NOW - timedelta(hours=68))  # RHI due in 4 hours
    later = _episode(_child("NS-9003", "Later"), NOW - timedelta(hours=30),
                     NOW - timedelta(hours=24))  # RHI due in 48 hours
    missing = _episode(_child("NS-9004", "Missing"), NOW - timedelta(hours=3), None, "medium")
    for ep in (overdue, soon, later):
        _safe_and_well_done(ep)
    html = make_client("rhi.worker@example.org").get("/episodes").get_data(as_text=True)
    order = _order(html)
    jordan = _jordan_latest().id  # safe and well check not recorded: overdue
    assert order[0] == casey_episode.id
    assert order.index(overdue.id) < order.index(missing.id)
    assert order.index(jordan) < order.index(missing.id)
    assert order.index(missing.id) < order.index(soon.id) < order.index(later.id)
    assert 'data-rhi-state="overdue"' in _card(html, overdue.id)
    assert 'data-rhi-state="due"' in _card(html, soon.id)
    assert 'data-rhi-state="missing"' in _card(html, missing.id)


def test_bcp_team_sees_its_profile_labels(app, make_client):
    app.config["CLOCK_NOW"] = NOW.isoformat()
    child = _child("BCP-9001", "High", team="BCP Children's Services Missing Team")
    _episode(child, NOW - timedelta(hours=30), None, "high")
    html = make_client("other.worker@example.org").get("/episodes").get_data(as_text=True)
    assert "Strategy discussion" in html and "Need-to-know notification" in html
    assert "Jordan Avery" not in html and "Casey Morgan" not in html


def test_admin_has_no_episode_list(make_client):
    assert make_client("admin@example.org").get("/episodes").status_code == 403


def test_manager_sees_refusals_by_reason_this_month(app, make_client):
    app.config["CLOCK_NOW"] = NOW.isoformat()
    jordan = _jordan_latest()
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{jordan.id}/offer/refusal"
    resp = worker.post(url, {"reason": "child_declined", "detail": "Said she was tired of "
                             "talking to people.", "day": "20", "month": "11", "year": "2026",
                             "time": "09:15"}, csrf_from=url)
    assert resp.status_code == 302
    html = make_client("manager@example.org").get("/episodes").get_data(as_text=True)
    table = html[html.index('id="refusals-by-reason"'):]
    row = re.search(r'data-reason="child_declined".*?numeric">(\d+)<', table, re.S)
    assert row and row.group(1) == "1"
    assert re.search(r'data-reason="parent_refused".*?numeric">0<', table, re.S)
    # Workers do not see the manager figure.
    assert 'id="refusals-by-reason"' not in worker.get("/episodes").get_data(as_text=True)


@pytest.fixture(autouse=True)
def _reset_clock(app):
    yield
    app.config.pop("CLOCK_NOW", None)


def test_protocol_labels_and_police_risk_follow_the_page_language(app, make_client):
    app.config["CLOCK_NOW"] = NOW.isoformat()
    worker = make_client("rhi.worker@example.org")
    html = worker.get("/episodes?lang=cy").get_data(as_text=True)
    card = _card(html, _jordan_latest().id)
    assert "Cyfarfod amlasiantaethol (3 achos o fod ar goll neu fwy)" in card
    assert "Multi-agency meeting" not in card
    assert "canolig" in card and "medium" not in card
    offer = worker.get(f"/episodes/{_jordan_latest().id}/offer?lang=pl").get_data(as_text=True)
    assert "Oferowana po każdym powrocie" in offer
    assert "Offered after every return" not in offer
