"""Agency workspace models, re-exported so other modules import them from one place."""

from agencies.models.agency import Agency, Membership
from agencies.models.audit import AuditAction, AuditEntry, AuditOutcome
from agencies.models.grants import (
    CaseGroupGrant,
    CaseNoteGroupGrant,
    CaseNoteUserGrant,
    CaseUserGrant,
    MarketGroupGrant,
    MarketUserGrant,
    SubjectGroupGrant,
    SubjectUserGrant,
)
from agencies.models.notes import CaseNote, ImmutableNoteError, Share
from agencies.models.records import (
    Case,
    CaseStatusChange,
    ControlledBuy,
    Market,
    RiskDecision,
    Subject,
)
from agencies.models.sessions import UserSession

__all__ = [
    "Agency",
    "AuditAction",
    "AuditEntry",
    "AuditOutcome",
    "Case",
    "CaseGroupGrant",
    "CaseNote",
    "CaseNoteGroupGrant",
    "CaseNoteUserGrant",
    "CaseStatusChange",
    "CaseUserGrant",
    "ControlledBuy",
    "ImmutableNoteError",
    "Market",
    "MarketGroupGrant",
    "MarketUserGrant",
    "Membership",
    "RiskDecision",
    "Share",
    "Subject",
    "SubjectGroupGrant",
    "SubjectUserGrant",
    "UserSession",
]
