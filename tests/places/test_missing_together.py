"""Missing together (issue 12 point 2): overlapping episodes of children found together or who
name each other are shown as a group with the episodes; a first name alone links nobody."""

from __future__ import annotations

from datetime import timedelta

import pytest
from support import NOW, demo_episode, make_child, make_episode

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent
from rhi_assistant.services import missing_together

pytestmark = pytest.mark.usefixtures("clock")
DAY = timedelta(days=1)


@pytest.fixture
def group(app):
    """Jordan (demo: last seen NOW-40h, found NOW-20h at "Bus station, Bristol"), Riley found
    with her there, Sky named by Riley, and others who must not join."""
    jordan = demo_episode()
    riley = make_child("NS-7101", "Riley")
    riley_ep = make_episode(riley, NOW - timedelta(hours=44), NOW - timedelta(hours=19),
                            where_found="bus station  bristol", found_with="Sky Test")
    sky = make_child("NS-7102", "Sky")
    sky_ep = make_episode(sky, NOW - timedelta(hours=30), NOW - timedelta(hours=18),
                          where_found="McDonald's, Broadmead")
    # Found at the same station, but a week later: no overlap.
    late = make_child("NS-7103", "Ash")
    make_episode(late, NOW - 8 * DAY, NOW - 7 * DAY, where_found="Bus station, Bristol")
    # Overlaps and is named only by first name: not enough.
    sam = make_child("NS-7104", "Sam")
    make_episode(sam, NOW - timedelta(hours=35), NOW - timedelta(hours=10),
                 found_with="Jordan")
    # Another team's child, found with Jordan: never shown to this team.
    kit = make_child("BCP-7105", "Kit", team="BCP Children's Services Missing Team")
    make_episode(kit, NOW - timedelta(hours=41), NOW - timedelta(hours=20),
                 where_found="Bus station, Bristol", found_with="Jordan Avery")
    return {"jordan": jordan, "riley": riley_ep, "sky": sky_ep, "ash": late, "sam": sam}


def test_found_together_and_named_children_form_one_group(group):
    team_id = group["riley"].child.team_id
    found = missing_together.team_groups(team_id, NOW - 90 * DAY, NOW, NOW)
    assert len(found) == 1
    (only,) = found
    assert {c.first_name for c in only.children} == {"Jordan", "Riley", "Sky"}
    reasons = {(link.by.child.first_name, link.other.child.first_name, link.reason)
               for link in only.links}
    assert {frozenset(r[:2]) for r in reasons if r[2] == "found_together"} == {
        frozenset({"Jordan", "Riley"})}
    assert ("Riley", "Sky", "named_when_found") in reasons
    # The episodes, in the order the children went missing.
    assert [e.id for e in only.episodes] == [group["riley"].id, group["jordan"].id,
                                             group["sky"].id]


def test_names_need_the_full_name_and_allow_a_small_misspelling(group):
    riley = group["riley"].child
    assert missing_together.names("riley test", riley)
    assert missing_together.names("Riley Tset", riley)  # a slip of the keyboard
    assert not missing_together.names("Riley", riley)
    assert not missing_together.names("Rory Best", riley)


def test_the_page_shows_the_group_with_its_episodes_and_is_audited(make_client, group):
    manager = make_client("manager@example.org")
    resp = manager.get("/missing-together")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "A group of 3 children" in html
    for name in ("Jordan Avery", "Riley Test", "Sky Test"):
        assert name in html
    assert "Ash Test" not in html and "Sam Test" not in html and "Kit Test" not in html
    assert f"/episodes/{group['sky'].id}" in html
    assert "names Sky Test as someone they were with when found" in html
    event = db.session.scalar(db.select(AuditEvent).order_by(AuditEvent.id.desc()))
    assert event.action == "view_missing_together" and event.child_id is None


def test_another_team_does_not_see_this_teams_children(make_client, group):
    html = make_client("other.worker@example.org").get("/missing-together").get_data(
        as_text=True)
    assert "Jordan" not in html and "Riley" not in html
    assert 'id="no-groups"' in html


@pytest.mark.parametrize("email", ["police@example.org", "admin@example.org"])
def test_missing_together_is_for_the_teams_workers_and_managers(make_client, group, email):
    assert make_client(email).get("/missing-together").status_code == 403


def test_people_and_places_confirmed_for_a_summary_link_and_count(make_client, app):
    """Only what a practitioner chose for a summary counts: a person named in the notes links
    the children, a place named there is counted on Places as "named in confirmed notes"."""
    from support import start_interview

    from rhi_assistant.services import places
    from rhi_assistant.services.summaries import NamedEntity

    jordan = demo_episode()
    riley = make_child("NS-7201", "Riley")
    make_episode(riley, NOW - timedelta(hours=45), NOW - timedelta(hours=30))
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, jordan.id)
    url = f"/interviews/{interview_id}/pages/time_away_account"
    worker.post(url, {"notes": "She said she stayed at 14 Harbour Court in Weston with "
                               "Riley Test.", "action": "save"}, csrf_from=url)
    team_id = riley.team_id
    assert missing_together.team_groups(team_id, NOW - 90 * DAY, NOW, NOW) == []
    new_url = f"/interviews/{interview_id}/summaries/new"
    chosen = [NamedEntity("PLACE", "14 Harbour Court").token,
              NamedEntity("PERSON", "Riley Test").token]
    resp = worker.post(new_url, {"recipients": ["police_missing_team"], "purpose": "safety",
                                 "legal_basis": "safeguarding_public_task",
                                 "entities": chosen}, csrf_from=new_url)
    assert resp.status_code == 302
    (found,) = missing_together.team_groups(team_id, NOW - 90 * DAY, NOW, NOW)
    assert [(link.by.child.first_name, link.other.child.first_name, link.reason)
            for link in found.links] == [("Jordan", "Riley", "named_in_notes")]
    counted = {p.key: p for p in places.team_places(team_id, NOW - 90 * DAY, NOW)}
    assert counted["14 harbour court"].count("named") == 1
    assert "weston" not in counted  # offered, but not chosen for the summary
