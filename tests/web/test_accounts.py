"""Staff accounts: admins manage them, nobody else can, and sign-in guessing is held."""

from __future__ import annotations

import re

import pytest

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, User
from rhi_assistant.passwords import check_password
from rhi_assistant.services.accounts import FAILED_SIGN_IN_LIMIT


def _add(admin, **fields) -> tuple[str, object]:
    data = {"name": "Casey Moor", "email": "Casey.Moor@example.org", "role": "rhi_worker",
            "team": "1"} | fields
    resp = admin.post("/admin/accounts/new", data, csrf_from="/admin/accounts/new")
    html = resp.get_data(as_text=True)
    match = re.search(r'app-temporary-password" lang="en">([^<]+)<', html)
    return (match.group(1) if match else ""), resp


def test_an_admin_adds_an_account_that_can_sign_in_and_change_its_password(make_client):
    admin = make_client("admin@example.org")
    password, resp = _add(admin)
    assert resp.status_code == 200 and len(password) >= 12
    user = db.session.scalar(db.select(User).filter_by(email="casey.moor@example.org"))
    assert user.role == "rhi_worker" and user.team.name and user.active
    assert password not in user.password_hash
    created = db.session.scalar(db.select(AuditEvent).filter_by(action="account_created"))
    assert created.object_id == user.id and created.user_id is not None

    casey = make_client()
    assert casey.post("/sign-in", {"email": "casey.moor@example.org",
                                   "password": password}).status_code == 302
    weak = casey.post("/account", {"current": password, "new": "short", "confirm": "short"},
                      csrf_from="/account")
    assert "at least 12 characters" in weak.get_data(as_text=True)
    new = "three fictional words here"
    done = casey.post("/account", {"current": password, "new": new, "confirm": new},
                      csrf_from="/account")
    assert done.status_code == 302
    db.session.refresh(user)
    assert check_password(user.password_hash, new)
    assert not check_password(user.password_hash, password)


def test_a_duplicate_email_or_a_missing_team_is_refused(make_client):
    admin = make_client("admin@example.org")
    _, resp = _add(admin, email="rhi.worker@example.org")
    assert "already exists" in resp.get_data(as_text=True)
    _, resp = _add(admin, email="no.team@example.org", team="none")
    assert "belongs to a team" in resp.get_data(as_text=True)
    assert db.session.scalar(db.select(User).filter_by(email="no.team@example.org")) is None


def test_closing_an_account_ends_its_open_session(make_client):
    worker = make_client("rhi.worker@example.org")
    assert worker.get("/cases").status_code == 200
    admin = make_client("admin@example.org")
    user = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    url = f"/admin/accounts/{user.id}"
    resp = admin.post(url, {"role": "rhi_worker", "team": str(user.team_id), "active": "no"},
                      csrf_from=url)
    assert resp.status_code == 302
    after = worker.get("/cases")
    assert after.status_code == 302 and "/sign-in" in after.headers["Location"]
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="account_changed"))
    assert event.detail == "closed"


def test_an_admin_cannot_close_their_own_account(make_client):
    admin = make_client("admin@example.org")
    me = db.session.scalar(db.select(User).filter_by(email="admin@example.org"))
    url = f"/admin/accounts/{me.id}"
    resp = admin.post(url, {"role": "admin", "team": "none", "active": "no"}, csrf_from=url)
    assert resp.status_code == 200
    assert "your own" in resp.get_data(as_text=True)
    db.session.refresh(me)
    assert me.active


def test_a_reset_password_replaces_the_old_one(make_client):
    admin = make_client("admin@example.org")
    user = db.session.scalar(db.select(User).filter_by(email="police@example.org"))
    resp = admin.post(f"/admin/accounts/{user.id}/password", {},
                      csrf_from=f"/admin/accounts/{user.id}")
    new = re.search(r'app-temporary-password" lang="en">([^<]+)<',
                    resp.get_data(as_text=True)).group(1)
    db.session.refresh(user)
    assert check_password(user.password_hash, new)


@pytest.mark.parametrize("email", ["rhi.worker@example.org", "manager@example.org",
                                   "police@example.org"])
def test_only_admins_reach_the_account_pages(make_client, email):
    other = make_client(email)
    target = db.session.scalar(db.select(User).filter_by(email="admin@example.org"))
    for path in ("/admin/accounts", "/admin/accounts/new", f"/admin/accounts/{target.id}"):
        assert other.get(path).status_code == 403, path
    token = other.csrf("/cases")
    for path in ("/admin/accounts/new", f"/admin/accounts/{target.id}",
                 f"/admin/accounts/{target.id}/password"):
        resp = other.client.post(path, data={"csrf_token": token, "role": "admin",
                                             "team": "none", "active": "no"})
        assert resp.status_code == 403, path
    db.session.refresh(target)
    assert target.active and target.role == "admin"


def test_repeated_wrong_passwords_hold_the_account_for_a_while(make_client):
    guesser = make_client()
    for _ in range(FAILED_SIGN_IN_LIMIT):
        resp = guesser.post("/sign-in", {"email": "manager@example.org", "password": "guess"})
        assert "Enter a correct email address and password" in resp.get_data(as_text=True)
    # Even the right password is held until the window passes.
    from support import DEMO_PASSWORD

    held = guesser.post("/sign-in", {"email": "manager@example.org", "password": DEMO_PASSWORD})
    assert held.status_code == 200
    assert "Too many attempts" in held.get_data(as_text=True)
    failures = db.session.scalars(db.select(AuditEvent).filter_by(action="sign_in_failed")).all()
    assert len(failures) == FAILED_SIGN_IN_LIMIT
    assert all(e.detail is None for e in failures)  # the guessed password is never kept
    # Another account is not affected.
    assert make_client().post("/sign-in", {"email": "rhi.worker@example.org",
                                           "password": DEMO_PASSWORD}).status_code == 302


def test_the_cli_makes_the_first_team_and_admin_of_a_live_service(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["teams", "create", "Fictional Shire Missing Team",
                                 "--agency", "Fictional Shire Council", "--profile", "bcp"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["users", "create", "first.admin@example.org", "--name",
                                 "Morgan Vale", "--role", "admin"],
                           input="a long fictional passphrase\na long fictional passphrase\n")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(db.select(User).filter_by(email="first.admin@example.org"))
    assert check_password(user.password_hash, "a long fictional passphrase")
    assert "a long fictional passphrase" not in result.output
    result = runner.invoke(args=["users", "create", "new.worker@example.org", "--name",
                                 "Ari Penn", "--role", "rhi_worker", "--team",
                                 "Fictional Shire Missing Team", "--generate-password"])
    assert result.exit_code == 0, result.output
    printed = result.output.rsplit(": ", 1)[1].strip()
    worker = db.session.scalar(db.select(User).filter_by(email="new.worker@example.org"))
    assert worker.team.protocol_profile == "bcp" and check_password(worker.password_hash, printed)
    refused = runner.invoke(args=["users", "create", "x@example.org", "--name", "X",
                                  "--role", "manager"], input="long enough pass\n" * 2)
    assert refused.exit_code != 0 and "team" in refused.output
    assert runner.invoke(args=["users", "close", "new.worker@example.org"]).exit_code == 0
    db.session.refresh(worker)
    assert not worker.active
