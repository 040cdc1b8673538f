"""A young person's request for help becomes a case: linked to a known child (found with
the same matching as recording a child) or to a child recorded from it, and closed with an
outcome; the list shows the requests still waiting for one."""

from __future__ import annotations

import re

import pytest
from support import make_child

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child, Referral, Team

pytestmark = pytest.mark.usefixtures("clock")


def request_for_help(name: str = "Jordan Avery", team: str | None = None) -> Referral:
    team_id = db.session.scalar(db.select(Team.id).filter_by(name=team)) if team else None
    referral = Referral(team_id=team_id, safe_now="not_sure", contact_by="text",
                        name=name, what_is_happening="I keep going off with older lads.",
                        contact_details="07700 900456")
    db.session.add(referral)
    db.session.commit()
    return referral


def child_details(**extra) -> dict:
    data = {"first_name": "Jordan", "last_name": "Avery", "dob_day": "14", "dob_month": "3",
            "dob_year": "2012", "looked_after": "no"}
    data.update(extra)
    return data


def test_a_request_is_linked_to_a_known_child_then_closed(make_client):
    referral = request_for_help()
    manager = make_client("manager@example.org")
    page = manager.get(f"/referrals/{referral.id}").get_data(as_text=True)
    new = f"/children/new?referral={referral.id}"
    assert f'href="{new}"' in page
    form = manager.get(new).get_data(as_text=True)
    assert 'value="Jordan"' in form and 'value="Avery"' in form  # the name they gave
    resp = manager.post(new, child_details(), csrf_from=new)
    html = resp.get_data(as_text=True)
    assert "Is this one of these children?" in html and "Yes, link the request to" in html
    jordan = db.session.scalar(db.select(Child).filter_by(reference="NS-1001"))
    resp = manager.post(f"/referrals/{referral.id}/link", {"child_id": jordan.id},
                        csrf_from=new)
    assert resp.headers["Location"].endswith(f"/referrals/{referral.id}/outcome")
    db.session.refresh(referral)
    assert referral.child_id == jordan.id
    list_page = manager.get("/referrals").get_data(as_text=True)
    assert "1 request has no outcome yet." in list_page
    url = f"/referrals/{referral.id}/outcome"
    resp = manager.post(url, {"outcome": "rhi_offered", "note": "Offered an RHI by text."},
                        csrf_from=url)
    assert resp.status_code == 302
    db.session.refresh(referral)
    assert (referral.outcome, referral.outcome_note) == ("rhi_offered", "Offered an RHI by text.")
    assert referral.outcome_by.email == "manager@example.org"
    list_page = manager.get("/referrals").get_data(as_text=True)
    assert "Every request has an outcome." in list_page
    assert "Return Home Interview offered" in list_page
    actions = [(e.action, e.child_id) for e in db.session.scalars(db.select(AuditEvent))]
    assert ("link_referral", jordan.id) in actions
    assert ("record_referral_outcome", jordan.id) in actions


def test_the_child_is_recorded_from_the_request(make_client):
    referral = request_for_help("Kez Fictional")
    manager = make_client("manager@example.org")
    new = f"/children/new?referral={referral.id}"
    resp = manager.post(new, child_details(first_name="Kez", last_name="Fictional"),
                        csrf_from=new)
    assert resp.headers["Location"].endswith(f"/referrals/{referral.id}/outcome")
    db.session.refresh(referral)
    assert referral.child is not None and referral.child.first_name == "Kez"


def test_requests_without_an_outcome_come_first(make_client):
    done = request_for_help("Ash Fictional")
    done.outcome = "no_further_action"
    waiting = request_for_help("Bo Fictional")
    db.session.commit()
    html = make_client("manager@example.org").get("/referrals").get_data(as_text=True)
    ids = [int(n) for n in re.findall(r'href="/referrals/(\d+)"', html)]
    assert ids.index(waiting.id) < ids.index(done.id)
    assert "1 request has no outcome yet." in html


def test_an_outcome_is_required_and_other_needs_words(make_client):
    referral = request_for_help()
    manager = make_client("manager@example.org")
    url = f"/referrals/{referral.id}/outcome"
    assert "Select what was done" in manager.post(url, {}, csrf_from=url).get_data(as_text=True)
    resp = manager.post(url, {"outcome": "other"}, csrf_from=url)
    assert "Say what was done" in resp.get_data(as_text=True)
    db.session.refresh(referral)
    assert referral.outcome is None


def test_who_may_turn_a_request_into_a_case(make_client):
    bcp = "BCP Children's Services Missing Team"
    theirs = request_for_help(team=bcp)
    ours = request_for_help()
    manager = make_client("manager@example.org")
    assert manager.get(f"/referrals/{theirs.id}/outcome").status_code == 404
    assert manager.get(f"/children/new?referral={theirs.id}").status_code == 404
    worker = make_client("rhi.worker@example.org")
    assert worker.get(f"/referrals/{ours.id}/outcome").status_code == 403
    assert worker.get(f"/children/new?referral={ours.id}").status_code == 403
    # A child of another team cannot be linked, even by a manager who may read the request.
    other_child = make_child("BCP-9002", "Jordan", team=bcp)
    db.session.commit()
    url = f"/referrals/{ours.id}/outcome"
    resp = manager.post(f"/referrals/{ours.id}/link", {"child_id": other_child.id},
                        csrf_from=url)
    assert resp.status_code == 404
    db.session.refresh(ours)
    assert ours.child_id is None


def test_outcomes_need_the_csrf_token(make_client):
    referral = request_for_help()
    manager = make_client("manager@example.org")
    resp = manager.client.post(f"/referrals/{referral.id}/outcome",
                               data={"outcome": "no_further_action"})
    assert resp.status_code == 400
    db.session.refresh(referral)
    assert referral.outcome is None
