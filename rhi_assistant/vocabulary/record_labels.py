"""Words for recording a child, an episode and its return, a share and a request's outcome.

Codes are stored (models.cases, models.referrals), these labels are shown, translated when
drawn; kept with the vocabulary so the record pages, the episode page and any export use
one wording.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

MISSING_FROM_LABELS = {
    "home": _l("Home"),
    "care": _l("Care (foster or residential placement)"),
    "education": _l("School or college"),
}
REPORTED_BY_LABELS = {
    "parent_carer": _l("Parent or carer"),
    "placement": _l("Placement staff or foster carer"),
    "school": _l("School or college"),
    "other": _l("Someone else"),
}
FOUND_BY_LABELS = {
    "police": _l("Police"),
    "parent_carer": _l("Parent or carer"),
    "placement": _l("Placement staff or foster carer"),
    "returned_themselves": _l("Came back on their own"),
    "other": _l("Someone else"),
}
PLAN_LABELS = {
    "open_to_childrens_services": _l("Open to children's social care"),
    "child_protection_plan": _l("Child protection plan"),
    "child_in_need_plan": _l("Child in need plan"),
    "youth_offending_service": _l("Youth offending service"),
}
"""The child's plans and agencies recorded as yes or no on the case (Child's booleans)."""

REFERRAL_OUTCOME_LABELS = {
    "contacted": _l("We got in touch with the young person"),
    "rhi_offered": _l("Return Home Interview offered"),
    "referred_childrens_social_care": _l("Referred to children's social care"),
    "passed_to_police": _l("Passed to the police"),
    "not_reached": _l("Could not reach the young person"),
    "no_further_action": _l("No further action"),
    "other": _l("Something else"),
}
"""What the duty manager did about a request for help (models.referrals.OUTCOMES)."""
# A child's details as the police's notifications may give them differently (see
# services.intake.police_differences): shown beside the episode for a person to apply.
CHILD_DETAIL_LABELS = {
    "first_name": _l("First name"),
    "last_name": _l("Last name"),
    "preferred_name": _l("Preferred name"),
    "date_of_birth": _l("Date of birth"),
    "gender": _l("Gender"),
}

#: An episode's concern flags (protocol.models.EPISODE_FLAGS), which the protocol's rules read.
EPISODE_FLAG_LABELS = {
    "hurt_or_harmed": _l("Hurt or harmed while missing"),
    "exploitation_concern": _l("Concern of sexual or criminal exploitation"),
    "criminality_or_drugs_concern": _l("Concern of criminality or drugs"),
    "contact_with_risky_persons": _l("Contact with people who pose a risk"),
    "offending_while_missing": _l("Offending while missing"),
    "trafficking_concern": _l("Concern of trafficking or modern slavery"),
}
