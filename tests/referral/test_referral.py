"""The young person's self-referral: safe to use, bounded, private, and for managers only."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from readability import reading_age, visible_text

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Referral

FORM = "/help/tell-us"
STORY = "Jamie Fox keeps texting me to go to his flat in Weston. I do not want to go back there."


def answers(**extra) -> dict:
    data = {"safe_now": "not_sure", "what_is_happening": STORY, "contact_by": "text",
            "contact": "07700 900123", "safe_times": "after school", "name": "Sam",
            "anything_else": "Please do not ring my mum."}
    data.update(extra)
    return data


def send(client, **extra):
    return client.post(FORM, answers(**extra), csrf_from=FORM)


def test_every_public_page_has_exit_this_page_and_help_numbers(client):
    for path in ("/help", FORM, "/help/sent"):
        html = client.get(path).get_data(as_text=True)
        assert 'data-module="govuk-exit-this-page"' in html, path
        # Without JavaScript it is a plain link to a neutral site.
        assert 'href="https://www.bbc.co.uk/weather"' in html, path
        for number in ("999", "0800 1111", "116 000"):
            assert number in html, (path, number)


def test_a_referral_is_stored_and_nothing_is_echoed(client):
    resp = send(client)
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/help/sent")
    html = client.get("/help/sent").get_data(as_text=True)
    for typed in (STORY, "Jamie", "07700 900123", "after school", "Sam", "ring my mum"):
        assert typed not in html
    referral = db.session.scalar(db.select(Referral))
    assert referral.what_is_happening == STORY
    assert referral.contact_details == "07700 900123"
    assert referral.safe_now == "not_sure" and referral.language == "en"


@pytest.mark.parametrize("text", [
    "أنا لست بأمان في البيت. أرجوكم ساعدوني.",  # Arabic, right to left
    "Dw i ddim yn teimlo'n saff ŵ ŷ â yn y tŷ.",  # Welsh with circumflexes
    "Nie chcę wracać 😢🏠 — proszę o pomoc.",  # Polish with emoji
])
def test_any_script_is_accepted_and_kept_exactly(client, text):
    assert send(client, what_is_happening=text, name="ŵŷ 🙂").status_code == 302
    referral = db.session.scalar(db.select(Referral))
    assert referral.what_is_happening == text and referral.name == "ŵŷ 🙂"


def test_free_text_is_encrypted_at_rest(client):
    send(client)
    row = db.session.execute(db.text(
        "SELECT what_is_happening, contact_details, safe_times, name, anything_else "
        "FROM referral")).one()
    for stored in row:
        assert stored.startswith("v1:")
    assert "Jamie" not in " ".join(row) and "07700" not in " ".join(row)


def test_missing_answers_are_explained_in_plain_words(client):
    resp = client.post(FORM, {"contact_by": "call"}, csrf_from=FORM)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    for message in ("Choose if you are safe now", "Tell us what is happening",
                    "Tell us your phone number or email"):
        assert message in html
    assert db.session.scalar(db.select(db.func.count(Referral.id))) == 0


def test_do_not_contact_keeps_no_number(client):
    send(client, contact_by="none", contact="07700 900999")
    assert db.session.scalar(db.select(Referral)).contact_details is None


def test_csrf_token_is_required(client):
    resp = client.client.post(FORM, data=answers())
    assert resp.status_code == 400
    html = resp.get_data(as_text=True)
    assert "not sent" in html and STORY not in html
    assert db.session.scalar(db.select(db.func.count(Referral.id))) == 0


def test_field_limits(client):
    resp = send(client, what_is_happening="a" * 5001)
    assert resp.status_code == 200
    assert "This is too long. Use 5000 letters or fewer." in resp.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Referral.id))) == 0


def test_body_size_limit(app, client):
    app.config["REFERRAL_MAX_BYTES"] = 20_000
    resp = send(client, anything_else="😀" * 10_000)
    assert resp.status_code == 413
    html = resp.get_data(as_text=True)
    assert "too long" in html and "😀" not in html
    assert db.session.scalar(db.select(db.func.count(Referral.id))) == 0
    # The limit is for this form only: other pages are unaffected.
    assert client.get("/sign-in").status_code == 200


def test_rate_limit_per_address(app, make_client):
    first, second = make_client(), make_client()
    for _ in range(5):
        assert send(first).status_code == 302
    resp = send(first)
    assert resp.status_code == 429
    html = resp.get_data(as_text=True)
    assert "try again in an hour" in html and "0800 1111" in html
    assert db.session.scalar(db.select(db.func.count(Referral.id))) == 5
    # Another address is not held back by the first.
    resp = second.client.post(FORM, data={**answers(), "csrf_token": second.csrf(FORM)},
                              environ_overrides={"REMOTE_ADDR": "192.0.2.7"})
    assert resp.status_code == 302


def test_rate_limit_window_passes(app, client):
    app.config["REFERRAL_LIMIT"] = 1
    app.config["REFERRAL_WINDOW_SECONDS"] = 1
    assert send(client).status_code == 302
    assert send(client).status_code == 429
    time.sleep(1.1)
    assert send(client).status_code == 302


def test_only_managers_see_referrals_and_every_view_is_audited(make_client):
    send(make_client())
    referral_id = db.session.scalar(db.select(Referral.id))
    for email in ("rhi.worker@example.org", "police@example.org", "admin@example.org"):
        c = make_client(email)
        assert c.get("/referrals").status_code == 403, email
        assert c.get(f"/referrals/{referral_id}").status_code == 403, email
    anonymous = make_client()
    assert anonymous.get("/referrals").status_code == 302
    manager = make_client("manager@example.org")
    listing = manager.get("/referrals").get_data(as_text=True)
    assert "Not sure" in listing and STORY not in listing
    detail = manager.get(f"/referrals/{referral_id}").get_data(as_text=True)
    assert STORY in detail and "07700 900123" in detail
    assert 'dir="auto"' in detail
    actions = db.session.scalars(db.select(AuditEvent.action)).all()
    assert "view_referrals" in actions and "view_referral" in actions
    assert db.session.get(Referral, referral_id).opened_at is not None


def test_a_referral_in_welsh_is_recorded_as_welsh(client):
    html = client.get("/help?lang=cy").get_data(as_text=True)
    assert '<html lang="cy"' in html and "Cael help" in html
    send(client)
    assert db.session.scalar(db.select(Referral)).language == "cy"


PAGES = ["/help", FORM, "/help/sent"]


def test_reading_age_of_the_english_self_referral_is_nine_or_lower(app, client):
    """Reading age = Flesch-Kincaid grade + 5 (see readability.reading_age), held at 9 or
    lower on every page a young person can see, errors and refusals included."""
    texts = {path: visible_text(client.get(path).get_data(as_text=True)) for path in PAGES}
    texts["errors"] = visible_text(client.post(FORM, {}, csrf_from=FORM).get_data(as_text=True))
    texts["too long"] = visible_text(send(client, what_is_happening="a" * 5001)
                                     .get_data(as_text=True))
    texts["csrf"] = visible_text(client.client.post(FORM, data={}).get_data(as_text=True))
    app.config["REFERRAL_LIMIT"] = 0
    texts["rate limited"] = visible_text(send(client).get_data(as_text=True))
    ages = {where: reading_age(text) for where, text in texts.items()}
    assert all(len(re.findall(r"[A-Za-z]+", t)) > 20 for t in texts.values())
    assert max(ages.values()) <= 9, ages
    assert reading_age(" ".join(texts.values())) <= 9


def test_a_named_receiving_team_keeps_requests_from_other_councils_managers(app, make_client):
    from rhi_assistant.models import Team
    from rhi_assistant.services.accounts import create_user

    app.config["REFERRAL_TEAM"] = "North Somerset Missing Children Team"
    send(make_client())
    received = db.session.scalar(db.select(Referral))
    own = db.session.scalar(db.select(Team).filter_by(name=app.config["REFERRAL_TEAM"]))
    assert received.team_id == own.id
    other_team = db.session.scalar(db.select(Team).where(Team.id != own.id,
                                                         Team.protocol_profile == "bcp"))
    create_user("bcp.manager@example.org", "Lee Harbour", "manager", other_team,
                "a fictional long passphrase")
    other = make_client()
    other.post("/sign-in", {"email": "bcp.manager@example.org",
                            "password": "a fictional long passphrase"})
    assert STORY not in other.get("/referrals").get_data(as_text=True)
    assert other.get(f"/referrals/{received.id}").status_code == 404
    mine = make_client("manager@example.org")
    assert mine.get(f"/referrals/{received.id}").status_code == 200

    # With no team named, a request reaches every manager rather than none.
    app.config["REFERRAL_TEAM"] = None
    send(make_client(), what_is_happening="A second fictional request for help.")
    unassigned = db.session.scalar(db.select(Referral).where(Referral.team_id.is_(None)))
    assert other.get(f"/referrals/{unassigned.id}").status_code == 200
