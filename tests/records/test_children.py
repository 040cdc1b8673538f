"""Recording a child: every field kept, possible matches shown before a new child is saved
(why each matched; twins never), only the team's own children proposed, audited."""

from __future__ import annotations

import re
from datetime import date

import pytest
from support import make_child

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child

pytestmark = pytest.mark.usefixtures("clock")
NEW = "/children/new"


def child_form(**extra) -> dict:
    data = {"first_name": "Elizabeth", "last_name": "Nowak", "preferred_name": "",
            "dob_day": "1", "dob_month": "5", "dob_year": "2012", "gender": "Female",
            "ethnicity": "White Polish", "languages": ["English", "Polish"],
            "other_languages": "Silesian", "address": "3 Fictional Lane, Clevedon",
            "address_area": "Clevedon", "school": "Clevedon Example School",
            "home_authority": "North Somerset Council", "host_authority": "",
            "sen_or_disability": "Dyslexia", "looked_after": "yes",
            "legal_status": "Section 20", "plans": ["child_in_need_plan"],
            "other_agencies": "CAMHS"}
    data.update(extra)
    return data


def new_child_id(resp) -> int:
    assert resp.status_code == 302, resp.get_data(as_text=True)[:2000]
    return int(re.search(r"/children/(\d+)$", resp.headers["Location"]).group(1))


def test_a_manager_records_a_child_with_every_field(make_client):
    manager = make_client("manager@example.org")
    child = db.session.get(Child, new_child_id(manager.post(NEW, child_form(), csrf_from=NEW)))
    assert (child.first_name, child.last_name, child.date_of_birth) == (
        "Elizabeth", "Nowak", date(2012, 5, 1))
    assert child.languages == "English, Polish, Silesian"
    assert child.school == "Clevedon Example School"
    assert child.home_authority == "North Somerset Council" and child.host_authority is None
    assert child.looked_after and child.child_in_need_plan and not child.child_protection_plan
    assert child.sen_or_disability == "Dyslexia" and child.other_agencies == "CAMHS"
    assert re.fullmatch(r"NSMCT-\d{4}", child.reference)  # the team's initials, a number
    page = manager.get(f"/children/{child.id}").get_data(as_text=True)
    assert "Clevedon Example School" in page and "Record a missing episode" in page
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="record_child"))
    assert event.child_id == child.id and event.user_id is not None


def test_names_stay_encrypted_at_rest(make_client):
    manager = make_client("manager@example.org")
    child_id = new_child_id(manager.post(NEW, child_form(), csrf_from=NEW))
    raw = db.session.execute(db.text(
        "select first_name, last_name, school from child where id = :i"), {"i": child_id}).one()
    assert not any(name in " ".join(raw) for name in ("Elizabeth", "Nowak", "Clevedon"))


@pytest.mark.parametrize(("typed", "why"), [
    ({"first_name": "ELIZABETH", "last_name": "nowak"}, "Last name nowak and Nowak: the same name"),
    ({"first_name": "Élizabeth", "last_name": "Nowak"},
     "First name Élizabeth and Elizabeth: the same name"),
    ({"first_name": "Liz", "last_name": "Nowak"},
     "First name Liz and Elizabeth: a short form or another spelling"),
    ({"first_name": "Elizabeth", "last_name": "Nowack"},
     "Last name Nowack and Nowak: a small misspelling"),
    ({"first_name": "Elizabeth", "last_name": "Nowak-Smith"},
     "Last name Nowak-Smith and Nowak: part of the name"),
    ({"first_name": "Nowak", "last_name": "Elizabeth"}, "the wrong way round"),
    ({"first_name": "Ela", "last_name": "Nowak", "preferred_name": "Elizabeth"},
     "First name Elizabeth and Elizabeth: the same name"),
])
def test_a_possible_match_is_shown_with_why(make_client, typed, why):
    known = make_child("NS-2001", "Elizabeth")
    known.last_name = "Nowak"
    db.session.commit()
    manager = make_client("manager@example.org")
    before = db.session.query(Child).count()
    resp = manager.post(NEW, child_form(**typed), csrf_from=NEW)
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "Is this one of these children?" in html
    assert f'href="/children/{known.id}"' in html
    assert why in html.replace("&#39;", "'")
    assert db.session.query(Child).count() == before  # nothing saved yet
    # "No, record a new child" posts everything typed again, and saves.
    hidden = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', html))
    assert hidden["decision"] == "new" and hidden["school"] == "Clevedon Example School"
    data = child_form(**typed, decision="new")
    resp = manager.post(NEW, data, csrf_from=NEW)
    assert db.session.get(Child, new_child_id(resp)).school == "Clevedon Example School"
    assert db.session.query(Child).count() == before + 1


def test_twins_are_never_proposed_as_one_child(make_client):
    make_child("NS-2001", "Louis")
    manager = make_client("manager@example.org")
    resp = manager.post(NEW, child_form(first_name="Louise", last_name="Test"), csrf_from=NEW)
    new_child_id(resp)  # saved straight away: no match page


def test_another_date_of_birth_is_not_a_match(make_client):
    make_child("NS-2001", "Elizabeth").last_name = "Nowak"
    db.session.commit()
    manager = make_client("manager@example.org")
    new_child_id(manager.post(NEW, child_form(dob_day="2"), csrf_from=NEW))


def test_another_teams_children_are_never_proposed(make_client):
    other = make_child("BCP-9001", "Elizabeth", team="BCP Children's Services Missing Team")
    other.last_name = "Nowak"
    db.session.commit()
    manager = make_client("manager@example.org")
    new_child_id(manager.post(NEW, child_form(), csrf_from=NEW))


def test_errors_are_shown_and_nothing_typed_is_lost(make_client):
    manager = make_client("manager@example.org")
    resp = manager.post(NEW, child_form(first_name="", dob_month="13"), csrf_from=NEW)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "There is a problem" in html
    assert "Enter a real date of birth" in html
    assert "Clevedon Example School" in html and "Dyslexia" in html


def test_correcting_a_child_is_audited_with_the_fields_changed(make_client):
    manager = make_client("manager@example.org")
    child_id = new_child_id(manager.post(NEW, child_form(), csrf_from=NEW))
    url = f"/children/{child_id}/edit"
    page = manager.get(url).get_data(as_text=True)
    assert 'value="Clevedon Example School"' in page and 'value="Polish" checked' in page
    resp = manager.post(url, child_form(school="Another Example School",
                                        host_authority="Bristol City Council"), csrf_from=url)
    assert resp.status_code == 302
    child = db.session.get(Child, child_id)
    assert child.school == "Another Example School"
    assert child.host_authority == "Bristol City Council"
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="edit_child"))
    assert event.detail == "changed: school, host_authority"


def test_who_may_record_and_correct(make_client):
    jordan = db.session.scalar(db.select(Child).filter_by(reference="NS-1001"))
    url = f"/children/{jordan.id}/edit"
    assert make_client("rhi.worker@example.org").get(url).status_code == 200
    assert make_client("other.worker@example.org").get(url).status_code == 404
    police = make_client("police@example.org")  # shared with them: summaries, not the record
    assert police.get(url).status_code == 404
    assert police.get(NEW).status_code == 403
    assert make_client("admin@example.org").get(NEW).status_code == 403


def test_recording_needs_the_csrf_token(make_client):
    manager = make_client("manager@example.org")
    before = db.session.query(Child).count()
    resp = manager.client.post(NEW, data=child_form())
    assert resp.status_code == 400
    assert db.session.query(Child).count() == before
