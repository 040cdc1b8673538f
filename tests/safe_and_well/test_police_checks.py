"""The police officer's own work: the safe and well checks due on their team's and shared
cases, soonest first, in hours and minutes; and a check done on the street recorded later
with the time it was done."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from support import NOW, demo_episode, make_child, make_episode

from rhi_assistant.extensions import db
from rhi_assistant.models import CaseShare, Interview, Team
from rhi_assistant.services import police_checks
from rhi_assistant.vocabulary.labels import duration_label

pytestmark = pytest.mark.usefixtures("clock")
OFFICER = "police@example.org"
POLICE_TEAM = "Avon and Somerset Police Missing Persons Unit"


@pytest.fixture
def officer(make_client):
    return make_client(OFFICER)


def _police_team_id() -> int:
    return db.session.scalar(db.select(Team.id).filter_by(name=POLICE_TEAM))


def _shared_child(reference: str, first: str, found_ago: timedelta, risk: str,
                  share: bool = True):
    child = make_child(reference, first)
    episode = make_episode(child, NOW - found_ago - timedelta(hours=5), NOW - found_ago,
                           risk=risk)
    if share:
        db.session.add(CaseShare(child_id=child.id, team_id=_police_team_id(),
                                 reason="Police attend her episodes."))
        db.session.commit()
    return episode


def _page(client) -> str:
    resp = client.get("/episodes")
    assert resp.status_code == 200
    return unescape(resp.get_data(as_text=True))


def _start(client, episode_id: int) -> int:
    url = f"/episodes/{episode_id}/safe-and-well"
    resp = client.post(url, {"language": "en", "easy_read": "no"}, csrf_from=url)
    assert resp.status_code == 302, resp.status_code
    return int(re.search(r"/interviews/(\d+)", resp.headers["Location"]).group(1))


def test_the_officers_episodes_page_lists_the_overdue_check_in_hours_and_minutes(officer):
    jordan = demo_episode()  # found 20 hours ago, medium risk: a 3 hour clock, 17 hours late
    page = _page(officer)
    assert "no open episodes" not in page
    card = page[page.index(f'id="check-{jordan.id}"'):]
    assert "Jordan" in card[:2000] and "Overdue" in card[:2000]
    assert "overdue by 17 hours" in card[:2000]
    assert not re.search(r"\b\d{3,} minutes", page), "durations in hours and minutes"
    assert "Casey" not in page, "a case not shared with the police is not theirs to check"


def test_checks_are_listed_soonest_first_and_only_where_the_team_may_check(officer):
    jordan = demo_episode()
    soon = _shared_child("NS-9101", "Robin", timedelta(minutes=20), "high")  # due in 40 min
    later = _shared_child("NS-9102", "Sky", timedelta(minutes=30), "low")  # due in 2 h 30
    hidden = _shared_child("NS-9103", "Quinn", timedelta(minutes=10), "high", share=False)
    revoked = _shared_child("NS-9104", "Wren", timedelta(minutes=10), "high")
    share = db.session.scalar(db.select(CaseShare).filter_by(child_id=revoked.child_id))
    share.revoked_at = NOW
    db.session.commit()

    page = _page(officer)
    order = [int(i) for i in re.findall(r'id="check-(\d+)"', page)]
    assert order == [jordan.id, soon.id, later.id]
    assert hidden.id not in order and revoked.id not in order
    assert "40 minutes left" in page and "2 hours 30 minutes left" in page
    rows = police_checks.checks_due(_police_team_id(), NOW)
    assert [r.episode.id for r in rows] == order and rows[0].overdue and rows[1].shared


def test_a_check_marked_done_leaves_the_list_and_a_started_one_says_continue(officer):
    jordan = demo_episode()
    interview_id = _start(officer, jordan.id)
    page = _page(officer)
    card = page[page.index(f'id="check-{jordan.id}"'):][:2500]
    assert f"/interviews/{interview_id}" in card and "Continue the check" in card
    check = f"/interviews/{interview_id}/check"
    local = (NOW - timedelta(hours=1)).astimezone(_uk())
    resp = officer.post(f"/interviews/{interview_id}/finish", _when(local), csrf_from=check)
    assert resp.status_code == 302
    assert f'id="check-{jordan.id}"' not in _page(officer)


def _uk():
    from zoneinfo import ZoneInfo  # the team's wall clock in the demo profile

    return ZoneInfo("Europe/London")


def _when(local) -> dict:
    return {"day": str(local.day), "month": str(local.month), "year": str(local.year),
            "time": local.strftime("%H:%M")}


def test_a_check_done_on_the_street_is_recorded_later_with_the_time_it_was_done(officer):
    jordan = demo_episode()  # found 20 h ago; due 17 h ago
    interview_id = _start(officer, jordan.id)
    check = f"/interviews/{interview_id}/check"
    form = unescape(officer.get(check).get_data(as_text=True))
    assert "When was the check done?" in form

    done = (jordan.found + timedelta(hours=2)).astimezone(_uk())  # an hour before the deadline
    resp = officer.post(f"/interviews/{interview_id}/finish", _when(done), csrf_from=check)
    assert resp.status_code == 302
    interview = db.session.get(Interview, interview_id)
    assert interview.completed_at == done.replace(second=0, microsecond=0)
    tasks = unescape(officer.get(f"/interviews/{interview_id}").get_data(as_text=True))
    assert "Overdue" not in tasks and "after it was due" not in tasks, (
        "judged against when it was done, not against now (17 hours after the deadline)")

    other = _start(officer, _shared_child("NS-9105", "Ash", timedelta(hours=5), "high").id)
    late = (NOW - timedelta(hours=3, minutes=15)).astimezone(_uk())  # found 5 h ago, 1 h clock
    officer.post(f"/interviews/{other}/finish", _when(late),
                 csrf_from=f"/interviews/{other}/check")
    tasks = unescape(officer.get(f"/interviews/{other}").get_data(as_text=True))
    assert "45 minutes after it was due" in tasks


@pytest.mark.parametrize(("moment", "message"), [
    (lambda ep: NOW + timedelta(hours=1), "must be in the past"),
    (lambda ep: ep.found - timedelta(minutes=30), "before the child was found"),
])
def test_a_done_time_in_the_future_or_before_the_child_was_found_is_refused(officer, moment,
                                                                            message):
    jordan = demo_episode()
    interview_id = _start(officer, jordan.id)
    check = f"/interviews/{interview_id}/check"
    when = moment(jordan).astimezone(_uk())
    resp = officer.post(f"/interviews/{interview_id}/finish", _when(when), csrf_from=check)
    assert resp.status_code == 200
    page = unescape(resp.get_data(as_text=True))
    assert message in page and "There is a problem" in page
    assert f'value="{when.strftime("%H:%M")}"' in page, "what was typed stays in the form"
    interview = db.session.get(Interview, interview_id)
    assert interview.completed_at is None and interview.status != "completed"


@pytest.mark.parametrize(("minutes", "words"), [
    (1096, "18 hours 16 minutes"), (60, "1 hour"), (1, "1 minute"), (125, "2 hours 5 minutes"),
    (0, "less than a minute"), (61, "1 hour 1 minute"),
])
def test_durations_are_hours_and_minutes(app, minutes, words):
    with app.test_request_context():
        assert duration_label(timedelta(minutes=minutes, seconds=20)) == words
