"""Staff accounts: admins manage them, nobody else can, and sign-in guessing is held."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from support import DEMO_PASSWORD, NOW

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, SignInThrottle, User
from rhi_assistant.passwords import check_password
from rhi_assistant.services import accounts
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


def _try(client, email: str, password: str, address: str = "192.0.2.10"):
    token = client.csrf()
    return client.client.post("/sign-in", data={"csrf_token": token, "email": email,
                                                "password": password},
                              environ_base={"REMOTE_ADDR": address})


def _error(resp) -> str:
    match = re.search(r'class="govuk-error-message"[^>]*>(.*?)</p>', resp.get_data(as_text=True),
                      re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split()) if match else ""


def test_repeated_wrong_passwords_make_the_next_try_wait(wall_clock, make_client):
    guesser = make_client()
    for _ in range(FAILED_SIGN_IN_LIMIT):
        resp = guesser.post("/sign-in", {"email": "manager@example.org", "password": "guess"})
        assert "Enter a correct email address and password" in resp.get_data(as_text=True)
    # Even the right password waits until the hold passes.
    held = guesser.post("/sign-in", {"email": "manager@example.org", "password": DEMO_PASSWORD})
    assert held.status_code == 200
    assert "Too many attempts" in held.get_data(as_text=True)
    failures = db.session.scalars(db.select(AuditEvent).filter_by(action="sign_in_failed")).all()
    assert len(failures) == FAILED_SIGN_IN_LIMIT
    assert all(e.detail is None for e in failures)  # the guessed password is never kept
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="sign_in_held"))
    # Another account is not affected.
    assert make_client().post("/sign-in", {"email": "rhi.worker@example.org",
                                           "password": DEMO_PASSWORD}).status_code == 302
    wall_clock.set(NOW + timedelta(seconds=2))
    assert guesser.post("/sign-in", {"email": "manager@example.org",
                                     "password": DEMO_PASSWORD}).status_code == 302


def test_unknown_and_known_emails_get_the_same_replies_and_the_same_work(
        wall_clock, make_client, monkeypatch):
    """Nothing in the reply, nor in the password checks done, says whether an email exists."""
    checks: list[str] = []
    real_check = accounts.check_password

    def counting_check(hashed: str, password: str) -> bool:
        checks.append(password)
        return real_check(hashed, password)

    monkeypatch.setattr(accounts, "check_password", counting_check)
    replies = {}
    for email, address in (("manager@example.org", "192.0.2.20"),
                           ("nobody.here@example.org", "192.0.2.21")):
        client = make_client()
        checks.clear()
        replies[email] = [_error(_try(client, email, "guess", address)) for _ in range(8)]
        # One argon2 check per attempt, whether the email is known, unknown or held.
        assert len(checks) == 8
    assert replies["manager@example.org"] == replies["nobody.here@example.org"]
    assert replies["manager@example.org"][0] == "Error: Enter a correct email address and password"
    assert "Too many attempts" in replies["manager@example.org"][-1]


def test_an_outsider_cannot_keep_a_worker_locked_out(wall_clock, make_client):
    """Failures on an account from one address make that address wait longer and longer;
    the account itself waits half a minute at most, so its owner gets in from elsewhere."""
    outsider, owner = make_client(), make_client()
    when = NOW
    for _ in range(30):  # guessing on, each time the last wait has passed
        resp = _try(outsider, "manager@example.org", "guess", "198.51.100.7")
        assert resp.status_code == 200
        when += accounts.LONGEST_WAIT_FOR_EMAIL + timedelta(seconds=1)
        wall_clock.set(when)
    # The owner, from their own address, is held for half a minute at most.
    wall_clock.set(when + accounts.LONGEST_WAIT_FOR_EMAIL)
    assert _try(owner, "manager@example.org", DEMO_PASSWORD, "203.0.113.5").status_code == 302
    # Trying during a hold does not lengthen it.
    for _ in range(20):
        _try(outsider, "manager@example.org", "guess", "198.51.100.7")
    wall_clock.set(when + 2 * accounts.LONGEST_WAIT_FOR_EMAIL + timedelta(seconds=2))
    assert _try(make_client(), "manager@example.org", DEMO_PASSWORD,
                "203.0.113.5").status_code == 302
    # The outsider's own address is held far longer than the account ever is.
    address = db.session.get(SignInThrottle, "address:198.51.100.7")
    assert address.wait_until - address.last_failure_at > accounts.LONGEST_WAIT_FOR_EMAIL * 2
    assert "Too many attempts" in _error(_try(outsider, "manager@example.org", "guess",
                                              "198.51.100.7"))


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
