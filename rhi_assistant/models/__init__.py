"""Typed SQLAlchemy 2 models, one module per aggregate."""

from rhi_assistant.models.audit import AuditEvent
from rhi_assistant.models.cases import CaseShare, Child, Episode
from rhi_assistant.models.interviews import Answer, Interview
from rhi_assistant.models.people import Team, User
from rhi_assistant.models.seraf import SerafAssessment
from rhi_assistant.models.suggestions import Suggestion
from rhi_assistant.models.summaries import Summary

__all__ = [
    "Answer",
    "AuditEvent",
    "CaseShare",
    "Child",
    "Episode",
    "Interview",
    "SerafAssessment",
    "Suggestion",
    "Summary",
    "Team",
    "User",
]
