"""Agency workspace models, re-exported so other modules import them from one place."""

from agencies.models.audit import AuditAction, AuditEntry, AuditOutcome
from agencies.models.sessions import UserSession

__all__ = ["AuditAction", "AuditEntry", "AuditOutcome", "UserSession"]
