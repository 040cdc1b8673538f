"""Consent to the RHI: one record, on the episode's RHI offer.

Whose consent is needed is the local protocol's answer alone
(``ProtocolResult.consent``, from the team's profile). What each person said
is kept once, on ``RhiOffer``: the offer's consent page and the interview's
consent pages both read and write it there, so the two can never disagree.
"""

from __future__ import annotations

from rhi_assistant import audit, clock
from rhi_assistant.extensions import db
from rhi_assistant.models import Episode, RhiOffer

#: The interview flow's consent pages, each with the offer column that records it.
FLOW_PAGES = {
    "consent_parent_or_carer": "consent_parent_or_carer",
    "consent_child": "consent_child",
}


def offer_for(episode: Episode) -> RhiOffer | None:
    return db.session.scalar(db.select(RhiOffer).filter_by(episode_id=episode.id))


def recorded(episode: Episode) -> dict[str, str]:
    """What the offer holds, by the flow page that asks it; unrecorded pages left out."""
    offer = offer_for(episode)
    if offer is None:
        return {}
    values = {page: getattr(offer, column) for page, column in FLOW_PAGES.items()}
    return {page: value for page, value in values.items() if value}


def record(episode: Episode, user_id: int, values: dict[str, str | None]) -> RhiOffer:
    """Write consent to the offer (by column name), stamped with the app's clock, and audit it."""
    unknown = set(values) - set(FLOW_PAGES.values())
    if unknown:
        raise ValueError(f"not a consent column: {', '.join(sorted(unknown))}")
    offer = offer_for(episode)
    if offer is None:
        offer = RhiOffer(episode_id=episode.id)
        db.session.add(offer)
    for column, value in values.items():
        setattr(offer, column, value or None)
    offer.updated_by_id = user_id
    offer.consent_recorded_at = clock.now()
    db.session.commit()
    audit.record("record_rhi_consent", episode.child_id, "rhi_offer", offer.id,
                 detail=f"parent:{offer.consent_parent_or_carer};child:{offer.consent_child}")
    return offer
