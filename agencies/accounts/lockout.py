"""Account lockout (CJIS 5.5.3): 5 failed logons within 15 minutes lock the account.

django-axes refuses locked accounts and answers with our lockout page, but its
database handler cannot express "within 15 minutes, then locked until an
administrator releases it": it keeps one running counter per username/IP/agent
and forgets failures only through AXES_COOLOFF_TIME, which also ends the lock
by itself, and measures the window from the *last* failure, so failures spread
over an hour could still add up. This handler keeps each failure as its own
row (axes' AccessFailureLog), counts those inside the window, and writes an
AccessAttempt row, the lock, only when the limit is reached. The lock stays
until ``release_lockout`` deletes it.
"""

from datetime import timedelta

from axes.conf import settings as axes_settings
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt, AccessFailureLog
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Sum
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from agencies.audit import client_ip

# The same words whether or not the account exists (no enumeration).
LOCKED_MESSAGE = _(
    "This account is locked after too many failed sign-in attempts. "
    "Contact your administrator to unlock it."
)


def attempted_username(request, credentials=None) -> str | None:
    """The username as typed, case-folded so 'Ada' and 'ada' share one counter."""
    if credentials:
        username = credentials.get("username") or credentials.get("login")
    else:
        data = getattr(request, "data", request.POST)
        username = data.get("login") or data.get("username")
    return username.strip().lower() if username else None


def account_named(username):
    """The account a typed username refers to, if any (for the audit log only)."""
    if not username:
        return None
    User = get_user_model()
    return User.objects.filter(**{f"{User.USERNAME_FIELD}__iexact": username}).first()


def attempt_ip(request) -> str | None:
    """The same client address the audit log records."""
    return client_ip(request)


def lockout_window() -> timedelta:
    return timedelta(minutes=settings.ACCOUNTS_LOCKOUT_WINDOW_MINUTES)


class WindowedLockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The count that locked the account, or 0: only locks are AccessAttempts."""
        username = get_client_username(request, credentials)
        if not username:
            return 0
        locked = AccessAttempt.objects.filter(username=username).aggregate(
            total=Sum("failures_since_start")
        )
        return locked["total"] or 0

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        if request is None:
            return
        username = get_client_username(request, credentials)
        if not username or self.is_whitelisted(request, credentials):
            return
        now = request.axes_attempt_time
        limit = get_failure_limit(request, credentials)
        with transaction.atomic():
            AccessFailureLog.objects.filter(
                username=username, attempt_time__lt=now - lockout_window()
            ).delete()
            already_locked = self.get_failures(request, credentials) >= limit
            AccessFailureLog.objects.create(
                username=username,
                ip_address=request.axes_ip_address,
                user_agent=request.axes_user_agent,
                http_accept=request.axes_http_accept,
                path_info=request.axes_path_info,
                attempt_time=now,
                locked_out=already_locked,
            )
            recent = AccessFailureLog.objects.filter(
                username=username, attempt_time__gte=now - lockout_window()
            ).count()
            request.axes_failures_since_start = recent
            newly_locked = not already_locked and recent >= limit
            if newly_locked:
                AccessAttempt.objects.create(
                    username=username,
                    ip_address=request.axes_ip_address,
                    user_agent=request.axes_user_agent,
                    http_accept=request.axes_http_accept,
                    path_info=request.axes_path_info,
                    attempt_time=now,
                    failures_since_start=recent,
                    get_data="",
                    post_data="",  # never keep what was typed
                )
        if already_locked or newly_locked:
            request.axes_locked_out = True
            request.axes_credentials = credentials
        if newly_locked:
            user_locked_out.send(
                "axes",
                request=request,
                username=username,
                ip_address=request.axes_ip_address,
            )

    def user_logged_in(self, sender, request, user, **kwargs):
        """A successful logon ends the run of failures (CJIS: consecutive).

        It never lifts a lock: only an administrator does. (axes' own reset
        would delete the lock row too, e.g. when a second factor completes
        after someone else locked the account.)
        """
        if axes_settings.AXES_RESET_ON_SUCCESS:
            AccessFailureLog.objects.filter(
                username=user.get_username().lower()
            ).delete()


def locked_usernames() -> list[dict]:
    """Every locked account, by username, for the release screen."""
    return list(
        AccessAttempt.objects.values("username")
        .annotate(failures=Sum("failures_since_start"))
        .order_by("username")
    )


def release_lockout(*, username: str) -> bool:
    """Unlock an account and forget its failures. True if it was locked."""
    username = username.strip().lower()
    with transaction.atomic():
        removed, _ = AccessAttempt.objects.filter(username=username).delete()
        AccessFailureLog.objects.filter(username=username).delete()
    return removed > 0


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked account sees: the same for existing and unknown names."""
    return render(
        request,
        "account/locked.html",
        {"message": LOCKED_MESSAGE},
        status=403,
    )
