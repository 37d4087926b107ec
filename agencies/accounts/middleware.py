"""The MFA gate: an account that must use MFA sees nothing until it has.

* Signed in with MFA-required account, no authenticator yet: every URL
  except the enrolment pages, logout and static files redirects to TOTP
  enrolment.
* Has an authenticator but this session never proved it (a password-only
  session, however it was made): the session is ended and the user sent to
  the sign-in page, keeping ``next``. Confidential (/workspace/) and admin
  (/admin/) URLs are therefore out of reach of a password alone.
"""

from datetime import UTC, datetime

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from agencies.accounts.policy import mfa_required

ENROLMENT_URL_NAMES = [
    "mfa_index",
    "mfa_activate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "account_logout",
]


def session_used_mfa(request, user) -> bool:
    """Did this session prove a second factor: used one, or enrolled one?"""
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    if not records:
        return False
    # An authenticator added after this session signed in was enrolled in it,
    # which required its code.
    signed_in_at = datetime.fromtimestamp(min(r["at"] for r in records), tz=UTC)
    return Authenticator.objects.filter(
        user=user, created_at__gte=signed_in_at
    ).exists()


class MfaRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def open_paths(self) -> tuple[str, ...]:
        """URLs an account without its second factor may still open."""
        if self._open_paths is None:
            paths = [reverse(name) for name in ENROLMENT_URL_NAMES]
            paths += [settings.STATIC_URL, "/favicon.ico"]
            self._open_paths = tuple(paths)
        return self._open_paths

    def __call__(self, request):
        gate = self.gate(request)
        return gate if gate is not None else self.get_response(request)

    def gate(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if session_used_mfa(request, user):
            # Proved a factor in this session; if it was since removed, the
            # account must enrol again before going on.
            if is_mfa_enabled(user) or not mfa_required(user):
                return None
            return self.send_to_enrolment(request)
        if not mfa_required(user):
            return None
        if is_mfa_enabled(user):
            return self.end_session(request)
        return self.send_to_enrolment(request)

    def send_to_enrolment(self, request):
        if request.path.startswith(self.open_paths()):
            return None
        return redirect("mfa_activate_totp")

    def end_session(self, request):
        """A password-only session of an MFA account: sign in again, properly."""
        next_url = request.get_full_path()
        logout(request)
        return redirect_to_login(next_url, reverse("account_login"))
