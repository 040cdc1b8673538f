"""A session ends on the server: a copied or replayed cookie is worth nothing once the
person signs out, changes their password, has their account closed or goes idle, and a
dead session's cookie never writes over what was submitted."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from support import DEMO_PASSWORD, NOW, demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import Answer, User

PAGE = "time_away_account"


def _copy_cookie(source, make_client):
    """A second browser holding a copy of `source`'s session cookie, as a thief would."""
    thief = make_client()
    cookie = source.client.get_cookie("session")
    thief.client.set_cookie("session", cookie.value)
    return thief


def _is_signed_out(resp) -> bool:
    return resp.status_code in (302, 401) and (
        resp.status_code == 401 or "/sign-in" in resp.headers["Location"])


def _sign_out(worker):
    worker.post("/sign-out", {}, csrf_from="/cases")


def _change_password(worker):
    resp = worker.post("/account", {"current": DEMO_PASSWORD, "new": "four fictional new words",
                                    "confirm": "four fictional new words"}, csrf_from="/account")
    assert resp.status_code == 302
    # The person who changed it carries on, in a new session.
    assert worker.get("/cases").status_code == 200


def _close_account(worker, make_client):
    admin = make_client("admin@example.org")
    user = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    url = f"/admin/accounts/{user.id}"
    resp = admin.post(url, {"role": "rhi_worker", "team": str(user.team_id), "active": "no"},
                      csrf_from=url)
    assert resp.status_code == 302


@pytest.mark.parametrize("ending", ["sign_out", "password_change", "closure"])
def test_a_copied_cookie_opens_nothing_once_the_session_has_ended(make_client, ending):
    worker = make_client("rhi.worker@example.org")
    child_page = f"/children/{demo_episode().child_id}"
    thief = _copy_cookie(worker, make_client)
    assert thief.get(child_page).status_code == 200  # the copy works while the session lives
    if ending == "sign_out":
        _sign_out(worker)
    elif ending == "password_change":
        _change_password(worker)
    else:
        _close_account(worker, make_client)
    assert _is_signed_out(thief.client.get(child_page))
    assert _is_signed_out(thief.client.get("/cases"))


def test_replaying_a_cookie_after_the_idle_timeout_does_not_revive_it(app, wall_clock, make_client):
    worker = make_client("rhi.worker@example.org")
    child_page = f"/children/{demo_episode().child_id}"
    thief = _copy_cookie(worker, make_client)
    timeout = app.config["IDLE_TIMEOUT_SECONDS"]
    wall_clock.set(NOW + timedelta(seconds=timeout + 5))
    assert _is_signed_out(worker.client.get(child_page))
    # The copy was taken while the session was fresh; replaying it later finds it ended.
    assert _is_signed_out(thief.client.get(child_page))
    wall_clock.set(NOW + timedelta(seconds=timeout + 10))
    assert _is_signed_out(thief.client.get(child_page))


def test_idle_time_is_read_from_the_server_not_from_the_cookie(app, wall_clock, make_client):
    worker = make_client("rhi.worker@example.org")
    wall_clock.set(NOW + timedelta(seconds=app.config["IDLE_TIMEOUT_SECONDS"] + 5))
    # Whatever the cookie claims about its last activity is not believed.
    with worker.client.session_transaction() as sess:
        sess["last_active"] = time.time()
    assert _is_signed_out(worker.client.get("/cases"))


def test_activity_keeps_the_session_alive_across_the_timeout(app, wall_clock, make_client):
    worker = make_client("rhi.worker@example.org")
    timeout = app.config["IDLE_TIMEOUT_SECONDS"]
    for step in range(1, 4):
        wall_clock.set(NOW + timedelta(seconds=step * timeout * 2 // 3))
        assert worker.get("/cases").status_code == 200
    left = worker.client.get("/session").get_json()
    assert left["signed_in"] and 0 < left["seconds_left"] <= timeout


def _submitted(worker) -> tuple[str, str]:
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    worker.post(url, {"notes": "What she told me, submitted.", "action": "continue"},
                csrf_from=url)
    answer = db.session.scalar(db.select(Answer).filter_by(page_id=PAGE))
    assert not answer.is_draft
    return url, worker.csrf(url)


def _answer() -> Answer:
    db.session.expire_all()
    return db.session.scalar(db.select(Answer).filter_by(page_id=PAGE))


def test_an_expired_autosave_never_turns_a_submitted_answer_back_into_a_draft(
        app, wall_clock, make_client):
    worker = make_client("rhi.worker@example.org")
    url, token = _submitted(worker)
    wall_clock.set(NOW + timedelta(seconds=app.config["IDLE_TIMEOUT_SECONDS"] + 5))
    resp = worker.client.post(url + "/autosave", data={"notes": "late words"},
                              headers={"X-CSRFToken": token})
    assert resp.status_code == 401 and resp.get_json()["saved"] is False
    answer = _answer()
    assert answer.text == "What she told me, submitted." and not answer.is_draft


def test_words_after_an_expiry_are_kept_as_a_draft_for_the_same_user(app, wall_clock, make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    token = worker.csrf(url)
    wall_clock.set(NOW + timedelta(seconds=app.config["IDLE_TIMEOUT_SECONDS"] + 5))
    resp = worker.client.post(url + "/autosave", data={"notes": "kept words"},
                              headers={"X-CSRFToken": token})
    assert resp.status_code == 401 and resp.get_json()["saved"] is True
    answer = _answer()
    worker_id = db.session.scalar(
        db.select(User.id).filter_by(email="rhi.worker@example.org"))
    assert answer.text == "kept words" and answer.is_draft and answer.updated_by_id == worker_id


@pytest.mark.parametrize("expired_too", [False, True])
def test_a_signed_out_cookie_writes_nothing(app, wall_clock, make_client, expired_too):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    token = worker.csrf(url)
    thief = _copy_cookie(worker, make_client)
    _sign_out(worker)
    if expired_too:
        wall_clock.set(NOW + timedelta(seconds=app.config["IDLE_TIMEOUT_SECONDS"] + 5))
    resp = thief.client.post(url + "/autosave", data={"notes": "not the worker's words"},
                             headers={"X-CSRFToken": token})
    assert _is_signed_out(resp)
    assert _answer() is None


def test_the_user_their_session_and_kept_words_are_read_together_and_only_theirs(app):
    """services.user_sessions.load: the cookie's session row comes only with its own user,
    and whether words are kept is this user's alone (issue 13 point 11 read them at once)."""
    from rhi_assistant.models import KeptDraft
    from rhi_assistant.services import kept_words, user_sessions

    worker = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    other = db.session.scalar(db.select(User).filter(User.id != worker.id))
    token = user_sessions.start(worker.id)
    mine = user_sessions.load(worker.id, token)
    assert mine.user is worker and mine.row is not None and mine.row.user_id == worker.id
    theirs = user_sessions.load(other.id, token)
    assert theirs.user is other and theirs.row is None, "another user's token is not theirs"
    assert user_sessions.load(worker.id, None).row is None
    db.session.execute(db.delete(KeptDraft))
    kept_words.keep(other.id, "/somewhere", {"notes": "words"})
    assert user_sessions.load(other.id, None).has_kept_words is True
    assert user_sessions.load(worker.id, token).has_kept_words is False
