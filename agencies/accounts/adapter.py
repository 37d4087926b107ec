"""allauth adapters: no public sign-up; a locked account is refused first."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.conf import settings

from agencies.accounts.lockout import LOCKED_MESSAGE, account_named, attempted_username
from agencies.audit import audit_record
from agencies.models import AuditAction, AuditOutcome


class PortalAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Accounts are created by administrators, never by visitors."""
        return False

    def pre_authenticate(self, request, **credentials):
        """A locked account gets the lockout answer before anything else.

        Without this, allauth's own per-account rate limit would answer the
        sixth attempt with a different message than the fifth.
        """
        if not AxesProxyHandler.is_allowed(request, credentials):
            username = attempted_username(request, credentials) or ""
            audit_record(
                action=AuditAction.LOGIN_FAILED,
                request=request,
                user=account_named(username),
                outcome=AuditOutcome.DENIED,
                reason="account locked",
                details={"username": username[:150]},
            )
            request.axes_locked_out = True
            request.axes_credentials = credentials
            raise forms.ValidationError(LOCKED_MESSAGE)
        super().pre_authenticate(request, **credentials)


class PortalMFAAdapter(DefaultMFAAdapter):
    def get_totp_issuer(self) -> str:
        return settings.MFA_TOTP_ISSUER
