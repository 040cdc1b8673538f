"""An RHI counts as held at the child's first answer, not at Start; and an episode is never
both refused and interviewed: a refusal after an interview is refused by the service, and a
refusal followed by an interview counts as held, explained on the offer page."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

import pytest
from support import NOW, demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import Interview, Refusal, User
from rhi_assistant.services import episodes as service
from rhi_assistant.services import figures, rhi_held

pytestmark = pytest.mark.usefixtures("clock")
WORKER = "rhi.worker@example.org"


@pytest.fixture
def worker(make_client):
    return make_client(WORKER)


def _answer(client, interview_id: int, page: str, **data) -> None:
    url = f"/interviews/{interview_id}/pages/{page}"
    resp = client.post(url, {"action": "continue", **data}, csrf_from=url)
    assert resp.status_code == 302, (page, resp.status_code)


def _state(episode) -> str:
    return service.status_for(episode, NOW).rhi_state


def _rhi_figures(episode):
    team = episode.child.team_id
    month = figures.Month.of(episode.found)
    return figures.rhi_figures(team, month, NOW)


def test_start_alone_is_not_an_interview_held(worker):
    episode = demo_episode()  # found 20 hours ago, RHI due in 52 hours
    interview_id = start_interview(worker, episode.id)
    assert _state(episode) == "due"
    r = _rhi_figures(episode)
    assert (r.held_on_time, r.held_late, r.in_time) == (0, 0, 1)
    # Neither the consent questions nor a skipped question hold it.
    _answer(worker, interview_id, "consent_child", choice="given")
    _answer(worker, interview_id, "time_away_account", action="skip")
    assert db.session.get(Interview, interview_id).held_at is None
    assert _state(episode) == "due"


def test_the_childs_first_answer_holds_it_and_the_figures_time_it_from_there(worker, clock):
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    assert _rhi_figures(episode).held_on_time == 0
    later = NOW + timedelta(hours=60)  # past the 72 hour due time (found 20 hours before NOW)
    clock.set(later)
    _answer(worker, interview_id, "time_away_account", notes="She stayed at a friend's flat.")
    assert db.session.get(Interview, interview_id).held_at == later
    assert service.status_for(episode, later).rhi_state == "held"
    r = figures.rhi_figures(episode.child.team_id, figures.Month.of(episode.found), later)
    assert (r.held_on_time, r.held_late) == (0, 1), "started on time, held late"


def test_a_refusal_cannot_be_recorded_once_an_interview_was_held(worker):
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    _answer(worker, interview_id, "time_away_account", action="dont_know")
    url = f"/episodes/{episode.id}/offer/refusal"
    when = (NOW - timedelta(hours=1)).astimezone(service.local_zone(episode.child.team_id))
    resp = worker.post(url, {"reason": "child_declined", "detail": "", "day": when.day,
                             "month": when.month, "year": when.year,
                             "time": when.strftime("%H:%M")}, csrf_from=url)
    assert resp.status_code == 200
    assert "cannot also be recorded as refused" in unescape(resp.get_data(as_text=True))
    assert db.session.scalar(db.select(Refusal).filter_by(episode_id=episode.id)) is None
    offer = unescape(worker.get(f"/episodes/{episode.id}/offer").get_data(as_text=True))
    assert "Record a refusal" not in offer and "so no refusal can be recorded" in offer
    worker_id = db.session.scalar(db.select(User.id).filter_by(email=WORKER))
    with pytest.raises(rhi_held.RefusalNotAllowed):
        rhi_held.record_refusal(episode, "other", NOW, None, worker_id)


def test_refused_then_interviewed_counts_as_held_and_says_so(worker):
    episode = demo_episode()
    worker_id = db.session.scalar(db.select(User.id).filter_by(email=WORKER))
    rhi_held.record_refusal(episode, "child_declined", NOW - timedelta(hours=2), None, worker_id)
    assert _state(episode) == "refused"
    interview_id = start_interview(worker, episode.id)
    _answer(worker, interview_id, "time_away_account", notes="She changed her mind and talked.")
    status = service.status_for(episode, NOW)
    assert status.rhi_state == "held" and status.refused_then_held
    r = _rhi_figures(episode)
    assert (r.refused, r.held_on_time) == (0, 1)
    offer = unescape(worker.get(f"/episodes/{episode.id}/offer").get_data(as_text=True))
    assert "counts as held, not refused" in offer and "The child declined" in offer
