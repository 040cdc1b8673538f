"""Error pages: styled, safe without the database, and honest about what was not saved;
request size limits; HSTS only in production."""

from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from support import demo_app

from rhi_assistant.extensions import db

BIG = "x" * (3 * 1024 * 1024)
HELP_NUMBERS = ("0800 1111", "116 000", "999")


def _styled(resp) -> str:
    html = resp.get_data(as_text=True)
    assert "govuk-heading-l" in html, html[:300]
    assert "Internal Server Error" not in html
    return html


def test_404_405_are_styled(client):
    _styled(client.get("/no-such-page"))
    resp = client.get("/intake/import")  # a POST-only route
    assert resp.status_code == 405
    assert "cannot be used that way" in _styled(resp)


def test_a_huge_post_to_sign_in_is_refused_with_a_styled_page(client):
    resp = client.client.post("/sign-in", data={"email": BIG, "password": "x"})
    assert resp.status_code == 413
    html = _styled(resp)
    assert BIG[:1000] not in html


def test_the_intake_upload_takes_more_than_the_default_limit(app, make_client):
    manager = make_client("manager@example.org")
    token = manager.csrf("/intake")
    resp = manager.client.post("/intake", data={"csrf_token": token, "other": BIG})
    assert resp.status_code != 413
    resp = manager.client.post("/intake", data={"csrf_token": token, "other": BIG * 8})
    assert resp.status_code == 413


def test_hsts_only_where_cookies_are_secure(client):
    assert "Strict-Transport-Security" not in client.get("/sign-in").headers
    with demo_app({"SESSION_COOKIE_SECURE": True}) as secure_app:
        resp = secure_app.test_client().get("/sign-in")
        assert resp.headers["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.fixture
def database_down(app):
    """Every statement sent to the database fails, as when it is unreachable."""

    def refuse(*_args, **_kwargs):
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    def down():
        db.session.expunge_all()  # nothing cached: every lookup goes to the database
        event.listen(db.engine, "before_cursor_execute", refuse)

    yield down
    if event.contains(db.engine, "before_cursor_execute", refuse):
        event.remove(db.engine, "before_cursor_execute", refuse)


def test_during_an_outage_a_child_on_help_still_gets_the_help_numbers(client, database_down):
    token = client.csrf("/help/tell-us")
    database_down()
    start = client.get("/help")
    assert start.status_code == 200
    for number in HELP_NUMBERS:
        assert number in start.get_data(as_text=True)
    resp = client.post("/help/tell-us", {
        "csrf_token": token, "safe_now": "yes", "contact_by": "none",
        "what_is_happening": "Nobody is listening to me at home.",
    })
    assert resp.status_code == 503
    html = _styled(resp)
    for number in HELP_NUMBERS:
        assert number in html
    assert "Exit this page" in html


def test_during_an_outage_a_practitioner_is_told_their_words_were_not_saved(
        make_client, database_down, episode):
    worker = make_client("rhi.worker@example.org")
    token = worker.csrf("/cases")
    episode_id = episode.id
    database_down()
    page = worker.get("/cases")
    assert page.status_code == 503
    assert "not working right now" in _styled(page)
    resp = worker.post(f"/episodes/{episode_id}/interviews", {"csrf_token": token})
    assert resp.status_code == 503
    html = _styled(resp)
    assert "What you just sent was not saved." in html
    assert "kept on this device" in html


def test_an_unexpected_error_gets_the_styled_500_page(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom-for-test")
    def boom():
        raise RuntimeError("boom")

    resp = client.get("/boom-for-test")
    assert resp.status_code == 500
    assert "problem with the service" in _styled(resp)
