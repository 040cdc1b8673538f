"""A young person not safe now is told what to do at once, and their request is urgent;
every request is followed up: assigned, noted, linked to a child, closed with an outcome.

All people here are fictional.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from readability import reading_age, visible_text
from support import demo_episode

from rhi_assistant import clock
from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Referral, User

FORM = "/help/tell-us"
STORY = "Tyler Quinn says I owe him and he is outside the house now."


def send(client, safe_now: str, story: str = STORY):
    return client.post(FORM, {"safe_now": safe_now, "what_is_happening": story,
                              "contact_by": "none"}, csrf_from=FORM)


def test_not_safe_now_gets_the_urgent_page_at_once(client):
    resp = send(client, "no")
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/help/now")
    html = client.get("/help/now").get_data(as_text=True)
    assert "Get help now" in html and "You told us you are not safe now" in html
    assert "A worker will read it soon" not in html
    assert 'href="tel:999"' in html and 'href="tel:08001111"' in html
    assert 'data-module="govuk-exit-this-page"' in html
    assert STORY not in html and "Tyler" not in html  # nothing they typed shown back
    assert reading_age(visible_text(html)) <= 9


def test_safe_or_not_sure_still_goes_to_the_usual_page(client):
    for answer in ("yes", "not_sure"):
        assert send(client, answer).headers["Location"].endswith("/help/sent")


def test_help_numbers_are_tappable_everywhere(client):
    for path in ("/help", FORM, "/help/sent", "/help/now"):
        html = client.get(path).get_data(as_text=True)
        for tel in ("tel:999", "tel:08001111", "tel:116000"):
            assert f'href="{tel}"' in html, (path, tel)


@pytest.mark.parametrize(("lang", "heading", "call"), [
    ("cy", "Cael help nawr", "Ffonia Childline"),
    ("ar", "احصل على المساعدة الآن", "اتصل بـ Childline"),
])
def test_the_urgent_page_is_in_the_young_persons_language(make_client, lang, heading, call):
    client = make_client()
    client.get(f"/help?lang={lang}")
    html = client.get("/help/now").get_data(as_text=True)
    assert f'<html lang="{lang}"' in html and 'href="tel:999"' in html
    assert heading in html and call in html


def test_urgent_requests_come_first_and_are_marked_for_the_duty_manager(make_client, wall_clock):
    young_person = make_client()
    send(young_person, "yes", "An older request, safe.")
    wall_clock.set(wall_clock.at + timedelta(minutes=5))
    send(young_person, "no")
    wall_clock.set(wall_clock.at + timedelta(minutes=5))
    send(young_person, "not_sure", "The newest request, not sure.")
    manager = make_client("manager@example.org")
    listing = manager.get("/referrals").get_data(as_text=True)
    rows = listing.split('<tbody class="govuk-table__body">', 1)[1].split("</tr>")
    assert "Urgent" in rows[0] and "Not safe" in rows[0]
    assert "Urgent" not in rows[1] and "Urgent" not in rows[2]
    assert "1 young person said they are not safe now" in listing
    # the menu on every page tells the duty manager too
    cases = manager.get("/cases").get_data(as_text=True)
    assert 'id="urgent-requests"' in cases and "1 urgent" in cases
    worker_page = make_client("rhi.worker@example.org").get("/cases").get_data(as_text=True)
    assert 'id="urgent-requests"' not in worker_page


def test_a_request_is_assigned_noted_linked_and_closed(make_client):
    send(make_client(), "no")
    referral = db.session.scalar(db.select(Referral))
    manager = make_client("manager@example.org")
    page = f"/referrals/{referral.id}"
    worker = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    resp = manager.post(f"{page}/assign", {"assignee": str(worker.id)}, csrf_from=page)
    assert resp.status_code == 302
    html = manager.get(page).get_data(as_text=True)
    assert worker.name in html.split('id="request-assignee"', 1)[1][:200]
    note = "Rang Childline's number with her; she is at a friend's house now."
    resp = manager.post(f"{page}/notes", {"text": note}, csrf_from=page)
    assert resp.status_code == 302
    html = manager.get(page).get_data(as_text=True)
    assert "Rang Childline" in html.split('id="request-notes"', 1)[1]
    child_id = demo_episode().child_id
    assert manager.post(f"{page}/link", {"child_id": str(child_id)},
                        csrf_from=page).status_code == 302
    outcome = f"{page}/outcome"
    assert manager.post(outcome, {"outcome": "contacted", "note": ""},
                        csrf_from=outcome).status_code == 302
    db.session.expire_all()
    done = db.session.get(Referral, referral.id)
    assert done.assigned_to_id == worker.id and done.child_id == child_id
    assert done.outcome == "contacted" and not done.urgent
    assert [n.text for n in done.notes] == [note]
    # the note is encrypted at rest like the request itself
    raw = db.session.execute(db.text("select text from referral_note")).scalar_one()
    assert "Childline" not in raw
    actions = set(db.session.scalars(db.select(AuditEvent.action)))
    assert {"assign_referral", "note_referral", "link_referral",
            "record_referral_outcome"} <= actions
    # once closed it is no longer urgent in the menu
    assert 'id="urgent-requests"' not in manager.get("/cases").get_data(as_text=True)
    assert done.outcome_at is not None and done.outcome_at <= clock.now()


def test_only_the_teams_staff_can_be_assigned(make_client):
    send(make_client(), "no")
    referral = db.session.scalar(db.select(Referral))
    manager = make_client("manager@example.org")
    page = f"/referrals/{referral.id}"
    police = db.session.scalar(db.select(User).filter_by(email="police@example.org"))
    manager.post(f"{page}/assign", {"assignee": str(police.id)}, csrf_from=page)
    db.session.expire_all()
    assert db.session.get(Referral, referral.id).assigned_to_id is None
    html = manager.get(page).get_data(as_text=True)
    assert police.name not in html.split('id="assignee"', 1)[1].split("</select>")[0]


def test_workers_cannot_assign_or_note(make_client):
    send(make_client(), "no")
    referral = db.session.scalar(db.select(Referral))
    worker = make_client("rhi.worker@example.org")
    page = f"/referrals/{referral.id}"
    for path, data in ((f"{page}/assign", {"assignee": "1"}), (f"{page}/notes", {"text": "x"})):
        assert worker.post(path, data, csrf_from="/cases").status_code == 403
