"""CSRF, headers, the idle timeout that keeps typed words, and encryption at rest."""

from __future__ import annotations

from datetime import timedelta

from support import NOW, PageClient, demo_app, demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import Answer


def test_post_without_csrf_token_is_refused(client):
    resp = client.client.post("/sign-in", data={"email": "rhi.worker@example.org",
                                                "password": "fictional-demo-pass"})
    assert resp.status_code == 400


def test_post_without_csrf_token_is_refused_when_signed_in(make_client):
    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    resp = worker.client.post(f"/episodes/{episode.id}/interviews", data={"language": "en"})
    assert resp.status_code == 400


def test_csp_has_nonce_and_no_unsafe_inline_scripts(client):
    resp = client.get("/sign-in")
    csp = resp.headers["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'nonce-" in script_src
    assert "frame-ancestors 'none'" in csp
    assert resp.headers["Cache-Control"] == "no-store"
    # A fresh nonce on every response.
    assert client.get("/sign-in").headers["Content-Security-Policy"] != csp


def test_sign_in_never_redirects_off_site(client):
    resp = client.post("/sign-in?next=https://example.com/x",
                       {"email": "rhi.worker@example.org", "password": "fictional-demo-pass"})
    assert resp.headers["Location"] == "/cases"


def test_wrong_password_is_refused(client):
    resp = client.post("/sign-in", {"email": "rhi.worker@example.org", "password": "wrong"})
    assert resp.status_code == 200
    assert "Enter a correct email address and password" in resp.get_data(as_text=True)


def test_answer_typed_just_before_the_session_expires_survives(app, wall_clock, make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/time_away_account"
    token = worker.csrf(url)
    # The tablet sat idle past the timeout while the worker was still typing.
    wall_clock.set(NOW + timedelta(seconds=app.config["IDLE_TIMEOUT_SECONDS"] + 5))
    words = "She said the man called Bigz drove her to Yatton in a silver Audi."
    resp = worker.client.post(url, data={"csrf_token": token, "notes": words,
                                         "action": "continue"})
    assert resp.status_code == 302 and "/sign-in" in resp.headers["Location"]
    # Signed out now: the page is not readable without signing in again.
    assert worker.client.get(url).status_code == 302
    worker.sign_in("rhi.worker@example.org")
    html = worker.get(url).get_data(as_text=True)
    assert words in html
    answer = db.session.scalar(db.select(Answer).filter_by(page_id="time_away_account"))
    assert answer.is_draft  # kept as a draft until the worker submits it


def test_autosave_after_expiry_keeps_the_words_and_reports_signed_out(app, wall_clock, make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/time_away_account"
    token = worker.csrf(url)
    wall_clock.set(NOW + timedelta(seconds=app.config["IDLE_TIMEOUT_SECONDS"] + 5))
    resp = worker.client.post(url + "/autosave", data={"notes": "kept words"},
                              headers={"X-CSRFToken": token})
    assert resp.status_code == 401
    assert db.session.scalar(db.select(Answer)).text == "kept words"


def test_distinctive_phrase_is_not_in_the_raw_database(tmp_path):
    path = tmp_path / "raw.sqlite"
    phrase = "Zephyrine-Quockle lives at 7 Marrowby Lane"
    with demo_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"}, now=None) as app:
        client = app.test_client()
        pc = PageClient(client).sign_in("rhi.worker@example.org")
        interview_id = start_interview(pc, demo_episode().id)
        url = f"/interviews/{interview_id}/pages/who_with"
        pc.post(url, {"notes": phrase, "action": "continue"}, csrf_from=url)
        assert db.session.scalar(db.select(Answer).filter_by(page_id="who_with")).text == phrase
    raw = path.read_bytes()
    assert b"Zephyrine" not in raw and b"Marrowby" not in raw
    assert b"Jordan" not in raw  # the child's name is encrypted too


def test_free_text_is_ciphertext_in_the_database_in_use(make_client):
    """The same check on whichever database the suite runs on (SQLite or PostgreSQL)."""
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/who_with"
    worker.post(url, {"notes": "Quillon Marsh", "action": "continue"}, csrf_from=url)
    raw = db.session.execute(db.text("SELECT text FROM answer")).scalar_one()
    assert raw.startswith("v1:") and "Quillon" not in raw


def test_csrf_error_page_scripts_carry_the_nonce(client):
    resp = client.client.post("/sign-in", data={"email": "x@example.org", "password": "x"})
    assert resp.status_code == 400
    html = resp.get_data(as_text=True)
    nonce = resp.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert nonce and f'nonce="{nonce}"' in html
