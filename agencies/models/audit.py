"""The append-only audit log (CJIS Security Policy, 28 CFR Part 23).

Every logon, failed logon, lockout and (later) every read or change of a
confidential record writes one row through ``agencies.audit.audit_record``.
Rows are never changed or removed: the model and its queryset refuse it, and
on PostgreSQL a trigger refuses it inside the database too.

Rows name objects by type and id only, never by a person's name or any free
text about a person, so that a 28 CFR Part 23 purge leaves nothing of them.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    """What happened. Extend the list; never rename or reuse a value."""

    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Login failed")
    LOGOUT = "logout", _("Logged out")
    MFA_ENROLLED = "mfa_enrolled", _("Second factor added")
    MFA_REMOVED = "mfa_removed", _("Second factor removed")
    MFA_RECOVERY_CODES_RESET = "mfa_codes_reset", _("Recovery codes regenerated")
    LOCKOUT = "lockout", _("Account locked")
    LOCKOUT_RELEASED = "lockout_released", _("Account lock released")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET = "password_reset", _("Password reset")
    SESSION_ENDED = "session_ended", _("Session ended")
    ACCOUNT_DISABLED = "account_disabled", _("Account disabled")
    # The confidential workspace (issue 5).
    RECORD_VIEWED = "record_viewed", _("Record viewed")
    RECORD_LISTED = "record_listed", _("List viewed")
    RECORD_CREATED = "record_created", _("Record created")
    RECORD_CHANGED = "record_changed", _("Record changed")
    NOTE_AMENDED = "note_amended", _("Note amended")
    BINDER_EXPORTED = "binder_exported", _("Binder exported")
    DECISION_PROPOSED = "decision_proposed", _("Risk decision proposed")
    DECISION_APPROVED = "decision_approved", _("Risk decision approved")
    CASE_STATUS_CHANGED = "case_status_changed", _("Case status changed")
    SHARED = "shared", _("Shared")
    SHARE_PROPOSED = "share_proposed", _("Share proposed")
    SHARE_DECLINED = "share_declined", _("Share proposal declined")
    SHARE_REVOKED = "share_revoked", _("Share revoked")
    MEMBERSHIP_CHANGED = "membership_changed", _("Membership changed")
    PERMISSION_CHANGED = "permission_changed", _("Permission changed")
    RETENTION_VALIDATED = "retention_validated", _("Record validated for retention")
    RECORD_PURGED = "record_purged", _("Record purged")
    AUDIT_SEARCHED = "audit_searched", _("Audit log searched")
    AUDIT_EXPORTED = "audit_exported", _("Audit log exported")


class AuditOutcome(models.TextChoices):
    SUCCESS = "success", _("Success")
    FAILURE = "failure", _("Failure")
    DENIED = "denied", _("Denied")


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit entry."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit entries are append-only; they cannot be updated.")

    def delete(self):
        raise AppendOnlyError("Audit entries are append-only; they cannot be deleted.")

    # bulk_update goes through update(); _raw_delete bypasses delete() signals.
    def _raw_delete(self, using):
        raise AppendOnlyError("Audit entries are append-only; they cannot be deleted.")


class AuditEntry(models.Model):
    """One thing that happened, to the hundredth of a second (UTC)."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # No database constraint and no cascade: deleting or purging a user must not
    # touch the log, and the log must never block that deletion either.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    # The user's agency when the entry was written; no constraint, like ``user``.
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    username = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("The account's username when the entry was written."),
    )
    action = models.CharField(max_length=40, choices=AuditAction.choices)
    object_type = models.CharField(
        max_length=100, blank=True, help_text=_("app_label.model of the object.")
    )
    object_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    outcome = models.CharField(
        max_length=10, choices=AuditOutcome.choices, default=AuditOutcome.SUCCESS
    )
    reason = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["user", "at"], name="audit_user_at"),
            models.Index(fields=["action", "at"], name="audit_action_at"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
            models.Index(fields=["agency", "at"], name="audit_agency_at"),
        ]

    def __str__(self):
        return f"{self.at_display} {self.username or '-'} {self.action} {self.outcome}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(
                "Audit entries are append-only; they cannot be changed."
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries are append-only; they cannot be deleted.")

    @property
    def at_display(self) -> str:
        """UTC to the hundredth of a second, the precision the log promises."""
        at = self.at.astimezone(datetime.UTC)
        return at.strftime("%Y-%m-%d %H:%M:%S.") + f"{at.microsecond // 10000:02d} UTC"
