"""Confirmed findings and recorded episodes set the episode's concerns and SERAF ticks, shown
"from the record" and changeable; a confirmed trafficking indicator raises the NRM referral
by the profile's data."""

from __future__ import annotations

import re

import pytest
from support import NOW, demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Suggestion
from rhi_assistant.protocol.conditions import ProfileError
from rhi_assistant.protocol.profile import parse_profile
from rhi_assistant.services.episodes import status_for

pytestmark = pytest.mark.usefixtures("clock")

TRAFFICKED = "She was moved between flats in Bristol and Bath by older men."


def _actions(episode) -> set[str]:
    return {a.code for a in status_for(episode, NOW).result.actions}


def _confirm_trafficking(worker) -> tuple[int, int]:
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    url = f"/interviews/{interview_id}/pages/time_away_account"
    worker.post(url, {"notes": TRAFFICKED, "action": "save"}, csrf_from=url)
    # The indicator is encrypted at rest: find it among the interview's suggestions.
    s = next(x for x in db.session.scalars(db.select(Suggestion))
             if x.indicator == "trafficking.moved_between_places")
    worker.post(f"/interviews/{interview_id}/suggestions/{s.id}", {"decision": "confirmed"},
                csrf_from=url)
    return episode.id, interview_id


def test_a_confirmed_trafficking_indicator_raises_the_nrm_referral(make_client):
    worker = make_client("rhi.worker@example.org")
    assert "nrm_referral" not in _actions(demo_episode())
    episode_id, _ = _confirm_trafficking(worker)
    assert "nrm_referral" in _actions(demo_episode())
    page = worker.get(f"/episodes/{episode_id}/concerns").get_data(as_text=True)
    box = re.search(r'<input[^>]*id="flag-trafficking_concern"[^>]*>', page).group(0)
    assert "checked" in box
    assert re.search(r'for="flag-trafficking_concern">[^<]*<strong[^>]*>From the record', page)
    assert "Moved or transported between addresses" in page  # the confirmation behind it


def test_a_person_can_untick_a_concern_the_record_set(make_client):
    worker = make_client("rhi.worker@example.org")
    episode_id, _ = _confirm_trafficking(worker)
    url = f"/episodes/{episode_id}/concerns"
    page = worker.get(url).get_data(as_text=True)
    checked = re.findall(r'<input[^>]*name="flags"[^>]*value="(\w+)"[^>]*checked', page)
    keep = [f for f in checked if f != "trafficking_concern"]
    assert worker.post(url, {"flags": keep}, csrf_from=url).status_code == 302
    episode = demo_episode()
    assert episode.flags_decided == ["trafficking_concern"]
    assert "nrm_referral" not in _actions(episode)
    page = worker.get(url).get_data(as_text=True)
    box = re.search(r'<input[^>]*id="flag-trafficking_concern"[^>]*>', page).group(0)
    assert "checked" not in box and "Changed by a person" in page
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="edit_episode_concerns"))
    assert event.detail == "trafficking_concern"


def test_the_police_and_other_teams_cannot_change_concerns(make_client):
    episode_id = demo_episode().id
    url = f"/episodes/{episode_id}/concerns"
    assert make_client("police@example.org").get(url).status_code == 404
    assert make_client("other.worker@example.org").get(url).status_code == 404


def test_three_episodes_in_70_days_tick_periods_of_going_missing(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    page = worker.get(f"/interviews/{interview_id}/seraf").get_data(as_text=True)
    box = re.search(r'<input[^>]*name="sig_recent"[^>]*value="seraf.sig.missing_periods"[^>]*>',
                    page).group(0)
    assert "checked" in box
    assert "From the record" in page
    # Unticked by a person, it stays unticked.
    url = f"/interviews/{interview_id}/seraf"
    worker.post(url, {}, csrf_from=url)
    page = worker.get(url).get_data(as_text=True)
    box = re.search(r'<input[^>]*name="sig_recent"[^>]*value="seraf.sig.missing_periods"[^>]*>',
                    page).group(0)
    assert "checked" not in box


def test_a_profile_may_only_set_known_flags_from_the_record():
    base = {"schema_version": 1, "name": "x", "title": "X", "description": "X",
            "rhi": {"due_hours_after_found": 72, "reasons": []},
            "safe_and_well": {"due_hours_after_found": {"default": 3}},
            "consent": {"child_consents_from_age": 16,
                        "parent_or_carer_unless_looked_after": True},
            "actions": []}
    ok = parse_profile({**base, "from_record": {"flags": {"trafficking_concern": {
        "confirmed_concern": {"concern": "TRAFFICKING", "at_least": 1}}}}}, "x")
    assert [name for name, _when in ok.flags_from_record] == ["trafficking_concern"]
    with pytest.raises(ProfileError):
        parse_profile({**base, "from_record": {"flags": {"trafficked": {"always": True}}}}, "x")
    with pytest.raises(ProfileError):
        parse_profile({**base, "from_record": {"flags": {"trafficking_concern": {
            "confirmed_concern": {"concern": "SLAVERY", "at_least": 1}}}}}, "x")
