"""The team's episodes list: who is missing, what is due, most urgent first, on a movable clock."""

from __future__ import annotations

import re
from datetime import timedelta

from support import (
    NOW,
    demo_episode,
    episode_card,
    episode_order,
    make_child,
    make_episode,
    safe_and_well_done,
)

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child, Episode


def test_list_shows_the_teams_open_episodes_with_protocol_labels(app, make_client):
    app.config["CLOCK_NOW"] = NOW.isoformat()
    worker = make_client("rhi.worker@example.org")
    html = worker.get("/episodes").get_data(as_text=True)
    assert "Your team&#39;s episodes" in html or "Your team's episodes" in html
    assert "Casey Morgan" in html and "Jordan Avery" in html
    assert "Taylor Quinn" not in html  # another council's child
    jordan = demo_episode()
    card = episode_card(html, jordan.id)
    # RHI due 72 hours after found (found 20 hours before NOW) = 22 Nov 16:00 UK time.
    assert 'data-rhi-state="due"' in card
    assert "22 Nov 2026, 16:00" in card
    # Three episodes recorded: the North Somerset repeat rule asks for a multi-agency meeting.
    assert "3 of 3" in card and "Repeat missing" in card
    assert "Multi-agency meeting (3 or more missing episodes)" in card
    # Closed (authorised) demo episodes are not listed.
    listed = episode_order(html)
    assert len([e for e in listed if e in {ep.id for ep in jordan.child.episodes}]) == 1
    event = db.session.scalars(db.select(AuditEvent).filter_by(action="view_episode_list")).all()
    assert event and event[-1].child_id is None


def test_rhi_becomes_overdue_when_the_clock_moves(app, make_client):
    jordan = demo_episode()
    worker = make_client("rhi.worker@example.org")
    app.config["CLOCK_NOW"] = (NOW + timedelta(hours=51)).isoformat()
    card = episode_card(worker.get("/episodes").get_data(as_text=True), jordan.id)
    assert 'data-rhi-state="due"' in card
    app.config["CLOCK_NOW"] = (NOW + timedelta(hours=53)).isoformat()
    card = episode_card(worker.get("/episodes").get_data(as_text=True), jordan.id)
    assert 'data-rhi-state="overdue"' in card
    assert "govuk-tag--red" in card


def test_order_missing_high_risk_then_overdue_then_missing_then_soonest_due(app, make_client):
    app.config["CLOCK_NOW"] = NOW.isoformat()
    casey_episode = db.session.scalar(
        db.select(Episode).join(Child).where(Child.reference == "NS-1002"))
    overdue = make_episode(make_child("NS-9001", "Overdue"), NOW - timedelta(days=5),
                           NOW - timedelta(days=4))  # RHI was due a day ago
    soon = make_episode(make_child("NS-9002", "Soon"), NOW - timedelta(hours=70),
                        NOW - timedelta(hours=68))  # RHI due in 4 hours
    later = make_episode(make_child("NS-9003", "Later"), NOW - timedelta(hours=30),
                         NOW - timedelta(hours=24))  # RHI due in 48 hours
    missing = make_episode(make_child("NS-9004", "Missing"), NOW - timedelta(hours=3), None,
                           "medium")
    for ep in (overdue, soon, later):
        safe_and_well_done(ep)
    html = make_client("rhi.worker@example.org").get("/episodes").get_data(as_text=True)
    order = episode_order(html)
    jordan = demo_episode().id  # safe and well check not recorded: overdue
    assert order[0] == casey_episode.id
    assert order.index(overdue.id) < order.index(missing.id)
    assert order.index(jordan) < order.index(missing.id)
    assert order.index(missing.id) < order.index(soon.id) < order.index(later.id)
    assert 'data-rhi-state="overdue"' in episode_card(html, overdue.id)
    assert 'data-rhi-state="due"' in episode_card(html, soon.id)
    assert 'data-rhi-state="missing"' in episode_card(html, missing.id)


def test_bcp_team_sees_its_profile_labels(app, make_client):
    app.config["CLOCK_NOW"] = NOW.isoformat()
    child = make_child("BCP-9001", "High", team="BCP Children's Services Missing Team")
    make_episode(child, NOW - timedelta(hours=30), None, "high")
    html = make_client("other.worker@example.org").get("/episodes").get_data(as_text=True)
    assert "Strategy discussion" in html and "Need-to-know notification" in html
    assert "Jordan Avery" not in html and "Casey Morgan" not in html


def test_admin_has_no_episode_list(make_client):
    assert make_client("admin@example.org").get("/episodes").status_code == 403


def test_manager_sees_refusals_by_reason_this_month(app, make_client):
    app.config["CLOCK_NOW"] = NOW.isoformat()
    jordan = demo_episode()
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


def test_protocol_labels_and_police_risk_follow_the_page_language(app, make_client):
    app.config["CLOCK_NOW"] = NOW.isoformat()
    worker = make_client("rhi.worker@example.org")
    html = worker.get("/episodes?lang=cy").get_data(as_text=True)
    card = episode_card(html, demo_episode().id)
    assert "Cyfarfod amlasiantaethol (3 achos o fod ar goll neu fwy)" in card
    assert "Multi-agency meeting" not in card
    assert "canolig" in card and "medium" not in card
    offer = worker.get(f"/episodes/{demo_episode().id}/offer?lang=pl").get_data(as_text=True)
    assert "Oferowana po każdym powrocie" in offer
    assert "Offered after every return" not in offer
