"""Consent has one record, on the RHI offer: the interview's consent pages read and write it there.

Whose consent is needed is the protocol's answer alone: with no date of birth
the profile cannot tell, and the interview says so instead of guessing by age.
"""

from __future__ import annotations

from support import demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import Interview, RhiOffer
from rhi_assistant.services import interviews as service

PAGE = "consent_parent_or_carer"


def _offer() -> RhiOffer | None:
    return db.session.scalar(db.select(RhiOffer))


def test_the_interview_records_consent_on_the_offer(make_client):
    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    resp = worker.post(url, {"choice": "refused", "action": "continue"}, csrf_from=url)
    assert resp.status_code == 302
    offer = _offer()
    assert offer.consent_parent_or_carer == "refused" and offer.consent_recorded_at is not None
    interview = db.session.get(Interview, interview_id)
    assert interview.answer_for(PAGE).choice is None, "a second copy of the consent was kept"
    # The offer page shows what the interview recorded.
    offer_page = worker.get(f"/episodes/{episode.id}/offer").get_data(as_text=True)
    assert "Consent refused" in offer_page
    # Changed on the offer page, the interview reads the new value.
    consent_url = f"/episodes/{episode.id}/offer/consent"
    worker.post(consent_url, {"parent_or_carer": "given"}, csrf_from=consent_url)
    db.session.expire_all()
    interview = db.session.get(Interview, interview_id)
    assert service.context_for(interview).answers[PAGE] == "given"
    page = worker.get(url).get_data(as_text=True)
    assert 'value="given" checked' in page or 'checked value="given"' in page


def test_consent_recorded_on_the_offer_counts_in_the_interview(make_client):
    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    consent_url = f"/episodes/{episode.id}/offer/consent"
    worker.post(consent_url, {"parent_or_carer": "given"}, csrf_from=consent_url)
    interview_id = start_interview(worker, episode.id)
    interview = db.session.get(Interview, interview_id)
    ctx = service.context_for(interview)
    assert ctx.answers[PAGE] == "given" and PAGE in ctx.completed
    check = worker.get(f"/interviews/{interview_id}/check").get_data(as_text=True)
    assert "Given" in check


def test_without_a_date_of_birth_the_protocol_cannot_tell_and_nobody_guesses(make_client):
    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    episode.child.date_of_birth = None
    db.session.commit()
    meta = service.context_for(db.session.get(Interview, interview_id)).meta
    assert meta["parent_consent_needed"] is None and meta["child_consent_needed"] is None
