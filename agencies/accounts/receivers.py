"""Audit entries for sign-in events, from Django, allauth and axes signals.

Failed logons keep the username as typed in ``details``: the audit log is
readable by auditors and administrators only, and seeing which names are
being tried is how they recognise an attack. It is never shown to the person
signing in, so it reveals nothing about which accounts exist.
"""

from allauth.account import signals as account_signals
from allauth.account.authentication import get_authentication_records
from allauth.mfa import signals as mfa_signals
from axes.signals import user_locked_out
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from agencies.accounts.lockout import account_named, attempted_username
from agencies.audit import audit_record
from agencies.models import AuditAction, AuditOutcome

USERNAME_MAX = 150


@receiver(auth_signals.user_logged_in, dispatch_uid="audit_login")
def audit_login(sender, request, user, **kwargs):
    methods = []
    if request is not None and hasattr(request, "session"):
        methods = [r.get("method") for r in get_authentication_records(request, user)]
    audit_record(
        action=AuditAction.LOGIN,
        request=request,
        user=user,
        details={"methods": methods},
    )


@receiver(auth_signals.user_login_failed, dispatch_uid="audit_login_failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    username = (attempted_username(request, credentials) or "")[:USERNAME_MAX]
    audit_record(
        action=AuditAction.LOGIN_FAILED,
        request=request,
        user=account_named(username),
        outcome=AuditOutcome.FAILURE,
        reason="wrong username or password",
        details={"username": username},
    )


@receiver(auth_signals.user_logged_out, dispatch_uid="audit_logout")
def audit_logout(sender, request, user, **kwargs):
    audit_record(action=AuditAction.LOGOUT, request=request, user=user)


@receiver(user_locked_out, dispatch_uid="audit_lockout")
def audit_lockout(sender, request, username, ip_address, **kwargs):
    audit_record(
        action=AuditAction.LOCKOUT,
        request=request,
        user=account_named(username),
        outcome=AuditOutcome.DENIED,
        reason="too many failed sign-in attempts",
        details={"username": (username or "")[:USERNAME_MAX]},
    )


@receiver(mfa_signals.authenticator_added, dispatch_uid="audit_mfa_added")
def audit_mfa_enrolled(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=AuditAction.MFA_ENROLLED,
        request=request,
        user=user,
        obj=authenticator,
        details={"type": authenticator.type},
    )


@receiver(mfa_signals.authenticator_removed, dispatch_uid="audit_mfa_removed")
def audit_mfa_removed(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=AuditAction.MFA_REMOVED,
        request=request,
        user=user,
        obj=authenticator,
        details={"type": authenticator.type},
    )


@receiver(mfa_signals.authenticator_reset, dispatch_uid="audit_mfa_reset")
def audit_mfa_reset(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=AuditAction.MFA_RECOVERY_CODES_RESET,
        request=request,
        user=user,
        obj=authenticator,
        details={"type": authenticator.type},
    )


@receiver(mfa_signals.authentication_failed, dispatch_uid="audit_mfa_failed")
def audit_mfa_failed(sender, request, user, **kwargs):
    audit_record(
        action=AuditAction.LOGIN_FAILED,
        request=request,
        user=user,
        outcome=AuditOutcome.FAILURE,
        reason="second factor rejected",
        details={"username": user.get_username()},
    )


@receiver(account_signals.password_changed, dispatch_uid="audit_password_changed")
def audit_password_changed(sender, request, user, **kwargs):
    audit_record(action=AuditAction.PASSWORD_CHANGED, request=request, user=user)


@receiver(account_signals.password_reset, dispatch_uid="audit_password_reset")
def audit_password_reset(sender, request, user, **kwargs):
    audit_record(action=AuditAction.PASSWORD_RESET, request=request, user=user)
