"""SERAF (sexual exploitation risk assessment form): the form's items and its scoring.

Plain Python with no web framework, so the scoring can be tested and reused on its own.
"""

from rhi_assistant.seraf.items import (
    SERAF_GROUPS,
    indicator_group,
    seraf_items,
)
from rhi_assistant.seraf.score import (
    ESCALATION_CONDITIONS,
    Band,
    Escalation,
    ScoringProfile,
    SerafChildFacts,
    SerafScore,
    SerafTicks,
    ids_to_ticks,
    load_scoring,
    parse_scoring_profile,
    score_seraf,
    scoring_profiles,
)

__all__ = [
    "ESCALATION_CONDITIONS",
    "SERAF_GROUPS",
    "Band",
    "SerafChildFacts",
    "Escalation",
    "ScoringProfile",
    "SerafScore",
    "SerafTicks",
    "ids_to_ticks",
    "indicator_group",
    "load_scoring",
    "parse_scoring_profile",
    "score_seraf",
    "seraf_items",
    "scoring_profiles",
]
