"""Sharing a case with another team: a manager's decision, with a reason, audited, revocable;
the shared team sees what the access levels give a shared case, and nothing once revoked."""

from __future__ import annotations

import pytest
from support import make_child

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, CaseShare, Team, User
from rhi_assistant.passwords import hash_password

pytestmark = pytest.mark.usefixtures("clock")
POLICE = "Avon and Somerset Police Missing Persons Unit"
REASON = "The police missing team is investigating the latest episode."


@pytest.fixture
def child():
    child = make_child("NS-4001", "Alexis")
    db.session.commit()
    return child


def team_id(name: str) -> int:
    return db.session.scalar(db.select(Team.id).filter_by(name=name))


def share(client, child_id: int, **extra):
    url = f"/children/{child_id}/sharing"
    return client.post(url, {"team_id": team_id(POLICE), "reason": REASON, **extra},
                       csrf_from=url)


def test_a_manager_shares_and_the_police_officer_then_sees_the_case(make_client, child):
    police = make_client("police@example.org")
    assert police.get(f"/children/{child.id}").status_code == 404
    assert "Alexis" not in police.get("/cases").get_data(as_text=True)
    manager = make_client("manager@example.org")
    assert share(manager, child.id).status_code == 302
    row = db.session.scalar(db.select(CaseShare).filter_by(child_id=child.id))
    assert row.reason == REASON and row.shared_by.email == "manager@example.org" and row.active
    assert police.get(f"/children/{child.id}").status_code == 200
    assert "Alexis Test" in police.get("/cases").get_data(as_text=True)
    page = manager.get(f"/children/{child.id}/sharing").get_data(as_text=True)
    assert REASON in page and "Stop sharing with" in page
    child_page = manager.get(f"/children/{child.id}").get_data(as_text=True)
    assert f'id="shared-with">{POLICE}<' in child_page
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="share_case"))
    assert event.child_id == child.id and event.object_id == row.id


def test_revoking_stops_access_and_keeps_the_history(make_client, child):
    manager = make_client("manager@example.org")
    share(manager, child.id)
    row = db.session.scalar(db.select(CaseShare).filter_by(child_id=child.id))
    url = f"/children/{child.id}/sharing"
    assert manager.post(f"{url}/{row.id}/revoke", {}, csrf_from=url).status_code == 302
    db.session.refresh(row)
    assert row.revoked_at is not None and row.revoked_by.email == "manager@example.org"
    police = make_client("police@example.org")
    assert police.get(f"/children/{child.id}").status_code == 404
    assert "Alexis" not in police.get("/cases").get_data(as_text=True)
    page = manager.get(url).get_data(as_text=True)
    assert "No longer shared" in page and REASON in page
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="revoke_case_share"))
    # Sharing again reopens it.
    share(manager, child.id, reason="Another episode.")
    db.session.refresh(row)
    assert row.active and row.reason == "Another episode."
    assert police.get(f"/children/{child.id}").status_code == 200


def test_a_reason_is_needed(make_client, child):
    manager = make_client("manager@example.org")
    resp = share(manager, child.id, reason="  ")
    assert resp.status_code == 200
    assert "Say why the team needs to see the case" in resp.get_data(as_text=True)
    assert db.session.scalar(db.select(CaseShare).filter_by(child_id=child.id)) is None


def test_only_the_owning_teams_manager_shares(make_client, app, child):
    bcp = db.session.scalar(db.select(Team).filter_by(name="BCP Children's Services Missing Team"))
    db.session.add(User(email="bcp.manager@example.org", name="Lee Fictional", role="manager",
                        team=bcp, password_hash=hash_password("fictional-demo-pass")))
    db.session.commit()
    url = f"/children/{child.id}/sharing"
    assert make_client("bcp.manager@example.org").get(url).status_code == 404
    assert make_client("rhi.worker@example.org").get(url).status_code == 403
    assert make_client("police@example.org").get(url).status_code == 404
    worker = make_client("rhi.worker@example.org")
    resp = worker.client.post(url, data={"csrf_token": worker.csrf("/cases"),
                                         "team_id": team_id(POLICE), "reason": REASON})
    assert resp.status_code == 403
    other = make_client("bcp.manager@example.org")
    resp = other.client.post(url, data={"csrf_token": other.csrf("/cases"),
                                        "team_id": team_id(POLICE), "reason": REASON})
    assert resp.status_code == 404
    assert db.session.scalar(db.select(CaseShare).filter_by(child_id=child.id)) is None


def test_sharing_needs_the_csrf_token(make_client, child):
    manager = make_client("manager@example.org")
    resp = manager.client.post(f"/children/{child.id}/sharing",
                               data={"team_id": team_id(POLICE), "reason": REASON})
    assert resp.status_code == 400
    assert db.session.scalar(db.select(CaseShare).filter_by(child_id=child.id)) is None
