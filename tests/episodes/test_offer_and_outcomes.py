"""Recording the RHI offer, refusals and outcomes; who may do what; other teams see nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from support import NOW

from rhi_assistant import crypto
from rhi_assistant.extensions import db
from rhi_assistant.models import (
    AuditEvent,
    Child,
    Episode,
    EpisodeOutcome,
    OfferAttempt,
    Refusal,
    RhiOffer,
)

WHEN = {"day": "20", "month": "11", "year": "2026", "time": "10:30"}


pytestmark = pytest.mark.usefixtures("clock")


def new_routes(child_id: int, episode_id: int) -> list[tuple[str, str]]:
    """Every route this feature adds, with the method to try."""
    e = f"/episodes/{episode_id}"
    c = f"/children/{child_id}/trigger-plan"
    return [
        ("GET", f"{e}/offer"), ("GET", f"{e}/offer/attempts/new"),
        ("POST", f"{e}/offer/attempts/new"), ("GET", f"{e}/offer/refusal"),
        ("POST", f"{e}/offer/refusal"), ("GET", f"{e}/offer/independent-person"),
        ("POST", f"{e}/offer/independent-person"), ("POST", f"{e}/offer/independent-person/sent"),
        ("GET", f"{e}/offer/consent"), ("POST", f"{e}/offer/consent"),
        ("GET", f"{e}/outcome"), ("POST", f"{e}/outcome"), ("POST", f"{e}/outcome/authorise"),
        ("GET", f"{e}/actions/multi_agency_meeting"), ("POST", f"{e}/actions/multi_agency_meeting"),
        ("POST", f"{e}/actions/multi_agency_meeting/undo"),
        ("GET", c), ("GET", f"{c}?version=1"), ("GET", f"{c}/edit"), ("POST", f"{c}/edit"),
        ("GET", f"{c}/download"), ("GET", f"{c}/download?version=1"),
    ]


def test_record_attempts_and_show_them(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{episode.id}/offer/attempts/new"
    page = worker.get(url).get_data(as_text=True)
    assert 'value="2026"' in page and 'value="12:00"' in page  # defaults to now, UK time
    resp = worker.post(url, {"method": "visit", "outcome": "appointment_arranged",
                             "note": "Mum asked for Thursday after school.", **WHEN},
                       csrf_from=url)
    assert resp.status_code == 302
    attempt = db.session.scalar(db.select(OfferAttempt).filter_by(method="visit"))
    assert attempt.attempted_at == datetime(2026, 11, 20, 10, 30, tzinfo=UTC)  # GMT in November
    stored = db.session.execute(
        text("select note from offer_attempt where id = :i"), {"i": attempt.id}).scalar()
    assert "Thursday" not in stored  # encrypted at rest
    html = worker.get(f"/episodes/{episode.id}/offer").get_data(as_text=True)
    assert "Home or placement visit" in html and "Appointment arranged" in html
    assert "Phone call" in html and "Message left" in html  # the demo attempt


def test_attempt_form_errors_are_summarised(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{episode.id}/offer/attempts/new"
    resp = worker.post(url, {"day": "31", "month": "2", "year": "2026", "time": "xx"},
                       csrf_from=url)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert "govuk-error-summary" in html and "<title>Error:" in html
    assert "Select how you offered it" in html and "Enter a real date" in html
    future = worker.post(url, {"method": "phone", "outcome": "accepted", "day": "21",
                               "month": "11", "year": "2026", "time": "10:00"}, csrf_from=url)
    assert "must be in the past" in future.get_data(as_text=True)
    assert db.session.query(OfferAttempt).count() == 1  # only the demo attempt


def test_refusal_with_reason_and_encrypted_detail(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{episode.id}/offer/refusal"
    missing_detail = worker.post(url, {"reason": "other", **WHEN}, csrf_from=url)
    assert "Say what the reason is" in missing_detail.get_data(as_text=True)
    resp = worker.post(url, {"reason": "parent_refused", "detail": "Dad said not this week.",
                             **WHEN}, csrf_from=url)
    assert resp.status_code == 302
    refusal = db.session.scalar(db.select(Refusal))
    assert refusal.reason == "parent_refused" and refusal.detail == "Dad said not this week."
    raw = db.session.execute(text("select detail, reason from rhi_refusal")).one()
    # The reason code is encrypted too (issue 13): it says why this child had no RHI.
    # Checked by shape and by decrypting, not by searching a short word in random base64.
    assert raw.reason.startswith("v1:") and raw.detail.startswith("v1:")
    assert raw.detail != "Dad said not this week."
    assert crypto.decrypt(raw.detail) == "Dad said not this week."
    html = worker.get(f"/episodes/{episode.id}/offer").get_data(as_text=True)
    assert "The parent or carer refused" in html and "Dad said not this week." in html
    listing = worker.get("/episodes").get_data(as_text=True)
    assert 'data-rhi-state="refused"' in listing
    actions = {e.action for e in db.session.scalars(db.select(AuditEvent))}
    assert "record_rhi_refusal" in actions


def test_independent_person_request_is_due_within_24_hours(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{episode.id}/offer/independent-person"
    resp = worker.post(url, {"choice": "yes", **WHEN}, csrf_from=url)
    assert resp.status_code == 302
    html = worker.get(f"/episodes/{episode.id}/offer").get_data(as_text=True)
    assert "Request to the independent RHI service: due 21 Nov 2026, 10:30" in " ".join(
        html.split())
    sent = worker.post(f"/episodes/{episode.id}/offer/independent-person/sent", {},
                       csrf_from=f"/episodes/{episode.id}/offer")
    assert sent.status_code == 302
    offer = db.session.scalar(db.select(RhiOffer))
    assert offer.independent_request_sent_at == NOW


def test_consent_asks_only_whom_the_profile_requires(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{episode.id}/offer/consent"
    page = worker.get(url).get_data(as_text=True)
    assert 'name="parent_or_carer"' in page  # Jordan is 14: a parent or carer consents
    assert 'name="child"' not in page
    empty = worker.post(url, {}, csrf_from=url)
    assert "Select whether consent was given" in empty.get_data(as_text=True)
    worker.post(url, {"parent_or_carer": "given"}, csrf_from=url)
    assert db.session.scalar(db.select(RhiOffer)).consent_parent_or_carer == "given"
    casey = db.session.scalar(db.select(Episode).join(Child).where(Child.reference == "NS-1002"))
    casey.found = NOW - timedelta(hours=1)
    db.session.commit()
    looked_after = worker.get(f"/episodes/{casey.id}/offer/consent").get_data(as_text=True)
    # Casey is 16 and looked after: his own consent; the council stands in for a parent.
    assert 'name="child"' in looked_after and 'name="parent_or_carer"' not in looked_after


def test_outcome_recorded_by_worker_authorised_by_manager_only(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{episode.id}/outcome"
    none = worker.post(url, {}, csrf_from=url)
    assert "Select at least one outcome" in none.get_data(as_text=True)
    resp = worker.post(url, {"codes": ["information_shared_with_police", "referral_early_help"],
                             "notes": "Shared the car sighting."}, csrf_from=url)
    assert resp.status_code == 302
    row = db.session.scalar(db.select(EpisodeOutcome).filter_by(episode_id=episode.id))
    assert row.codes == ["information_shared_with_police", "referral_early_help"]
    stored = db.session.execute(
        text("select codes_json from episode_outcome where id = :i"), {"i": row.id}).scalar()
    assert stored.startswith("v1:") and "police" not in stored  # the codes are encrypted

    forbidden = worker.post(f"{url}/authorise", {}, csrf_from=url)
    assert forbidden.status_code == 403
    assert not db.session.get(EpisodeOutcome, row.id).is_authorised
    police = make_client("police@example.org").post(f"{url}/authorise", {}, csrf_from="/sign-in")
    assert police.status_code == 404  # shared team: the episode does not exist for them

    manager = make_client("manager@example.org")
    page = manager.get(url).get_data(as_text=True)
    assert "Authorise these outcomes" in page and "Waiting for a manager" in page
    assert manager.post(f"{url}/authorise", {}, csrf_from=url).status_code == 302
    db.session.refresh(row)
    assert row.is_authorised and row.authorised_by.email == "manager@example.org"
    assert row.authorised_at == NOW
    html = manager.get(url).get_data(as_text=True)
    assert "Authorised" in html and "Priya Lewis" in html
    # Authorised outcomes are closed: no more changes, and the episode leaves the list.
    worker.post(url, {"codes": ["other"], "other_detail": "x"}, csrf_from=url)
    db.session.refresh(row)
    assert row.codes == ["information_shared_with_police", "referral_early_help"]
    assert f'id="episode-{episode.id}"' not in worker.get("/episodes").get_data(as_text=True)


def test_police_officer_cannot_write(make_client, episode):
    """The police team's officer has no access to the council's episode at all."""
    police = make_client("police@example.org")
    plan = f"/children/{episode.child_id}/trigger-plan"
    # Reading the trigger plan is the one thing here a sharing team's officer may do (it is
    # written to be handed to them: tests/trigger_plan/test_trigger_plan_facts.py).
    reads = {plan, f"{plan}?version=1", f"{plan}/download", f"{plan}/download?version=1"}
    for method, path in new_routes(episode.child_id, episode.id):
        if method == "GET" and path in reads:
            continue
        resp = police.get(path) if method == "GET" else police.post(path, {}, csrf_from="/sign-in")
        assert resp.status_code == 404, (method, path, resp.status_code)


@pytest.mark.parametrize("email", ["other.worker@example.org", "admin@example.org"])
def test_other_team_gets_404_on_every_new_route(make_client, episode, email):
    owner = make_client("rhi.worker@example.org")
    edit = f"/children/{episode.child_id}/trigger-plan/edit"
    owner.post(edit, {"background": "Plan exists."}, csrf_from=edit)  # so ?version=1 exists
    other = make_client(email)
    for method, path in new_routes(episode.child_id, episode.id):
        resp = other.get(path) if method == "GET" else other.post(path, {}, csrf_from="/sign-in")
        assert resp.status_code == 404, (email, method, path, resp.status_code)


def test_manager_of_another_team_cannot_authorise(app, make_client, episode):
    from rhi_assistant.models import Team, User
    from rhi_assistant.passwords import hash_password

    bcp = db.session.scalar(db.select(Team).filter_by(protocol_profile="bcp"))
    db.session.add(User(email="bcp.manager@example.org", name="Morgan Ash", role="manager",
                        team_id=bcp.id, password_hash=hash_password("fictional-demo-pass")))
    db.session.commit()
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{episode.id}/outcome"
    worker.post(url, {"codes": ["no_further_action"]}, csrf_from=url)
    other = make_client("bcp.manager@example.org")
    assert other.post(f"{url}/authorise", {}, csrf_from="/sign-in").status_code == 404
    assert not db.session.scalar(
        db.select(EpisodeOutcome).filter_by(episode_id=episode.id)).is_authorised


def test_forms_need_csrf(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    resp = worker.client.post(f"/episodes/{episode.id}/offer/refusal",
                              data={"reason": "child_declined", **WHEN})
    assert resp.status_code == 400
    assert db.session.query(Refusal).count() == 0


def test_repeat_episodes_are_counted_and_drive_actions(make_client, episode):
    worker = make_client("rhi.worker@example.org")
    latest = " ".join(worker.get(f"/episodes/{episode.id}/offer").get_data(as_text=True).split())
    assert "episode 3 of 3" in latest
    assert "Multi-agency meeting (3 or more missing episodes)" in latest
    earlier = min(episode.child.episodes, key=lambda e: e.last_seen)
    first = " ".join(worker.get(f"/episodes/{earlier.id}/offer").get_data(as_text=True).split())
    assert "episode 1 of 3" in first
    assert "Multi-agency meeting" not in first


def test_nothing_to_record_while_the_child_is_still_missing(make_client):
    casey = db.session.scalar(db.select(Episode).join(Child).where(Child.reference == "NS-1002"))
    worker = make_client("rhi.worker@example.org")
    for path in ("offer/refusal", "offer/attempts/new", "offer/consent",
                 "offer/independent-person"):
        resp = worker.get(f"/episodes/{casey.id}/{path}")
        assert resp.status_code == 302 and resp.headers["Location"].endswith("/offer"), path
    url = f"/episodes/{casey.id}/offer/refusal"
    worker.post(url, {"reason": "child_declined", **WHEN}, csrf_from=f"/episodes/{casey.id}/offer")
    assert db.session.query(Refusal).count() == 0
    page = worker.get(f"/episodes/{casey.id}/offer").get_data(as_text=True)
    assert "has not been found yet" in page and "Record a refusal" not in page
