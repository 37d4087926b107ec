"""The time-out script's endpoints, and the administrators' session screen."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from agencies.accounts import session_services as services
from agencies.accounts.session_selectors import user_sessions_active
from agencies.accounts.session_services import EndReason


def _remaining(request) -> dict:
    age, idle = services.session_times(request, timezone.now())
    return {
        "signed_in": True,
        "idle_remaining": max(0, int(settings.SESSION_IDLE_TIMEOUT_SECONDS - idle)),
        "absolute_remaining": max(
            0, int(settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS - age)
        ),
    }


def _signed_out():
    return JsonResponse({"signed_in": False}, status=401)


@never_cache
@require_GET
def session_status(request):
    """How long this session has left. Passive: it does not count as activity."""
    if not request.user.is_authenticated:
        return _signed_out()
    return JsonResponse(_remaining(request))


@never_cache
@require_POST
def session_keep_alive(request):
    """ "Stay signed in": the middleware has already counted this as activity."""
    if not request.user.is_authenticated:
        return _signed_out()
    return JsonResponse(_remaining(request))


class UserSessionsView(TemplateView):
    """Superusers only: see where an account is signed in, end one or all."""

    template_name = "agencies/accounts/user_sessions.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.account = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            account=self.account,
            sessions=user_sessions_active(user=self.account),
            current_session_key=self.request.session.session_key,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        sessions = user_sessions_active(user=self.account)
        if request.POST.get("session") == "all":
            ended = 0
            for record in sessions:
                services.user_session_end(
                    record=record, reason=EndReason.BY_ADMINISTRATOR, request=request
                )
                ended += 1
            messages.success(request, _("Sessions ended: %d.") % ended)
        else:
            chosen = request.POST.get("session", "")
            record = sessions.filter(pk=chosen).first() if chosen.isdigit() else None
            if record is None:
                messages.error(request, _("That session has already ended."))
            else:
                services.user_session_end(
                    record=record, reason=EndReason.BY_ADMINISTRATOR, request=request
                )
                messages.success(request, _("The session has been ended."))
        return redirect("accounts_user_sessions", user_id=self.account.pk)
