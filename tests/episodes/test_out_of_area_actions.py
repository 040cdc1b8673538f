"""Out-of-area notifications show on the Episodes page and the RHI offer like every protocol
action, with their due times, and are recorded as done through the same action page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from support import NOW, episode_card, make_child, make_episode

from rhi_assistant.extensions import db
from rhi_assistant.models import ProtocolActionRecord
from rhi_assistant.services import episodes as service

pytestmark = pytest.mark.usefixtures("clock")

HOST = "notify_host_authority"
HOST_LABEL = "Tell the host authority (where the child is placed) that the child is missing"


@pytest.fixture
def placed_away(app):
    """A looked-after child of the North Somerset team, placed in Somerset, missing 10 hours."""
    child = make_child("NS-9401", "Alex", looked_after=True)
    return make_episode(child, NOW - timedelta(hours=10), None, placement_out_of_area=True,
                        placement_area="Somerset Council")


def test_the_episodes_page_lists_the_notifications_with_due_times(make_client, placed_away):
    html = make_client("rhi.worker@example.org").get("/episodes").get_data(as_text=True)
    card = episode_card(html, placed_away.id)
    assert HOST_LABEL in card
    assert "Tell the police force of the child's home area: due 21 Nov 2026, 02:00" in card
    # due 24 hours after the report: 14 hours from now, 02:00 on 21 November (GMT)
    status = service.status_for(placed_away, NOW)
    due = {i.code: i.due for i in status.items}
    assert due[HOST] == NOW + timedelta(hours=14)
    assert f"{HOST_LABEL}: due 21 Nov 2026, 02:00" in card


def test_a_notification_is_recorded_as_done_on_the_action_page(make_client, placed_away):
    worker = make_client("rhi.worker@example.org")
    offer = worker.get(f"/episodes/{placed_away.id}/offer").get_data(as_text=True)
    url = f"/episodes/{placed_away.id}/actions/{HOST}"
    assert f'href="{url}"' in offer
    assert 'data-role="placed_away"' in offer
    assert "Placed away from home, in: Somerset Council" in offer
    resp = worker.post(url, {"day": "20", "month": "11", "year": "2026", "time": "11:00",
                             "note": "Told Somerset's missing team by phone."}, csrf_from=url)
    assert resp.status_code == 302
    row = db.session.scalar(db.select(ProtocolActionRecord).filter_by(action_code=HOST))
    assert row is not None and row.is_done
    item = next(i for i in service.status_for(placed_away, NOW).items if i.code == HOST)
    assert item.done and not item.overdue


def test_a_child_placed_here_by_another_council_asks_to_tell_the_home_authority(app):
    """The report names the home authority (``Episode.home_authority``, which the police
    intake records; set on the object here so the test runs before and after that column)."""
    child = make_child("NS-9402", "Jo", looked_after=True)
    episode = make_episode(child, NOW - timedelta(hours=30), NOW - timedelta(hours=2))
    episode.home_authority = "Bristol City Council"
    codes = {i.code for i in service.status_for(episode, NOW).items}
    assert {"notify_home_authority", "notify_home_police", "notify_found_out_of_area"} <= codes
    assert "notify_host_authority" not in codes
    episode.home_authority = "North Somerset Council"  # our own council: not out of area
    now_codes = {i.code for i in service.status_for(episode, NOW).items}
    assert not now_codes & {"notify_home_authority", "notify_home_police",
                            "notify_found_out_of_area"}
