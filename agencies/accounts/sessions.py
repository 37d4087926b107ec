"""Session limits (CJIS 5.5.5 / ASVS 3.3): 30 minutes idle, 12 hours in all.

``SessionLimitsMiddleware`` sits after the authentication and message
middleware. For a signed-in user it checks both clocks kept in the session
before the view runs; once either has run out the session is ended (audit
entry ``session_ended`` with the reason) and the user is sent to the sign-in
page with a message saying why, keeping ``next``. Otherwise the request counts
as activity, except the passive status check the time-out warning makes.

After the view it notices a sign-in that just happened (no start stamp yet:
the session key was already cycled by ``login()``) and stamps and indexes it,
and a sign-out (drops the index row). It works the same for every way in:
allauth, the MFA step, tests' ``force_login``.

It also makes the current request available to code that cannot be handed
it, such as the account-disabled hook, so its audit entry names who acted.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.accounts import session_services as services
from agencies.accounts.session_services import EndReason

_current_request: ContextVar = ContextVar("current_request", default=None)


def current_request():
    """The request being handled in this thread or task, if any."""
    return _current_request.get()


def idle_limit() -> int:
    return settings.SESSION_IDLE_TIMEOUT_SECONDS


def absolute_limit() -> int:
    return settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS


def expired_reason(request, now) -> str | None:
    age, idle = services.session_times(request, now)
    if age >= absolute_limit():
        return EndReason.ABSOLUTE
    if idle >= idle_limit():
        return EndReason.IDLE
    return None


def wants_json(request) -> bool:
    """The time-out script's own calls get JSON, not a redirect to a page."""
    script_paths = (reverse("session_status"), reverse("session_keep_alive"))
    return request.path in script_paths or "application/json" in request.headers.get(
        "Accept", ""
    )


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.handle(request)
        finally:
            _current_request.reset(token)

    def handle(self, request):
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        record_id = None
        if signed_in:
            now = timezone.now()
            if services.STARTED_KEY not in request.session:
                # Signed in before these limits existed: start the clocks now.
                services.user_session_start(request=request, now=now)
            reason = expired_reason(request, now)
            if reason is not None:
                services.user_session_timed_out(request=request, reason=reason, now=now)
                return self.send_to_sign_in(request, reason)
            if request.path != reverse("session_status"):
                services.user_session_touch(request=request, now=now)
            record_id = request.session.get(services.RECORD_KEY)

        response = self.get_response(request)

        user = getattr(request, "user", None)
        signed_in_now = user is not None and user.is_authenticated
        if signed_in_now and services.STARTED_KEY not in request.session:
            services.user_session_start(request=request, now=timezone.now())
        elif signed_in and not signed_in_now:
            services.user_session_forget(record_id=record_id)
        return response

    def send_to_sign_in(self, request, reason: str):
        if reason == EndReason.ABSOLUTE:
            text = _(
                "You have been signed out because your session reached its "
                "%(hours)d-hour limit. Please sign in again."
            ) % {"hours": absolute_limit() // 3600}
        else:
            text = _(
                "You have been signed out after %(minutes)d minutes without "
                "activity. Please sign in again."
            ) % {"minutes": idle_limit() // 60}
        login_url = reverse(settings.LOGIN_URL)
        # Also for the script's calls: the page it then loads shows the message.
        messages.warning(request, text)
        if wants_json(request):
            return JsonResponse(
                {"signed_in": False, "reason": reason, "login_url": login_url},
                status=401,
            )
        # A form posted after the time-out cannot be replayed: come back to
        # the page (the time-out script restores what was typed in it).
        next_url = request.get_full_path() if request.method == "GET" else request.path
        return redirect_to_login(next_url, login_url)
