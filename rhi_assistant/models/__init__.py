"""Typed SQLAlchemy 2 models, one module per aggregate."""

from rhi_assistant.models.actions import ProtocolActionRecord
from rhi_assistant.models.audit import AuditEvent
from rhi_assistant.models.cases import CaseShare, Child, Episode
from rhi_assistant.models.episode_due import EpisodeDue
from rhi_assistant.models.exploitation import ExploitationAssessment
from rhi_assistant.models.intake import IntakePending
from rhi_assistant.models.interviews import Answer, Interview
from rhi_assistant.models.kept_words import KeptDraft
from rhi_assistant.models.links import LinkMention, LinkMentionKey, LinkNotSame
from rhi_assistant.models.name_search import ChildNameToken
from rhi_assistant.models.offers import OfferAttempt, Refusal, RhiOffer
from rhi_assistant.models.outcomes import EpisodeOutcome
from rhi_assistant.models.people import Team, User
from rhi_assistant.models.referrals import Referral, ReferralNote
from rhi_assistant.models.seraf import SerafAssessment
from rhi_assistant.models.sign_in_throttle import SignInThrottle
from rhi_assistant.models.suggestions import Suggestion
from rhi_assistant.models.summaries import Summary
from rhi_assistant.models.transition import TransitionPlan
from rhi_assistant.models.trigger_plans import TriggerPlanVersion
from rhi_assistant.models.user_sessions import UserSession

__all__ = [
    "Answer",
    "AuditEvent",
    "CaseShare",
    "Child",
    "ChildNameToken",
    "Episode",
    "EpisodeDue",
    "EpisodeOutcome",
    "IntakePending",
    "KeptDraft",
    "Interview",
    "LinkMention",
    "LinkMentionKey",
    "LinkNotSame",
    "Referral",
    "ReferralNote",
    "OfferAttempt",
    "ProtocolActionRecord",
    "Refusal",
    "RhiOffer",
    "SerafAssessment",
    "ExploitationAssessment",
    "SignInThrottle",
    "Suggestion",
    "Summary",
    "Team",
    "TransitionPlan",
    "TriggerPlanVersion",
    "UserSession",
    "User",
]
