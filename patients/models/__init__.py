"""The patients app's models, one module per sub-domain."""

from patients.models.messages import WEEKDAYS, OutgoingMessage, ReminderPreference
from patients.models.pain import (
    ACKNOWLEDGED_NOTICE_FOR,
    WARNING_SIGN_FIELDS,
    Alert,
    PainEntry,
    daily_highest,
)
from patients.models.patient import NOTICE_OPEN, Invitation, Patient, latest_invitations
from patients.models.plan import ArticleAssignment, Plan, PlanItem, PlanRevision, SessionLog
from patients.models.progress import PhaseProposal, TeachBackAnswer

__all__ = [
    "ACKNOWLEDGED_NOTICE_FOR",
    "NOTICE_OPEN",
    "WEEKDAYS",
    "WARNING_SIGN_FIELDS",
    "Alert",
    "ArticleAssignment",
    "Invitation",
    "OutgoingMessage",
    "PainEntry",
    "PhaseProposal",
    "Patient",
    "Plan",
    "PlanItem",
    "PlanRevision",
    "ReminderPreference",
    "SessionLog",
    "TeachBackAnswer",
    "daily_highest",
    "latest_invitations",
]
