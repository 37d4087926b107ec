"""Wagtail admin screen: the accounts locked by failed sign-ins, and their release."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from agencies.accounts.lockout import locked_usernames, release_lockout
from agencies.audit import audit_record
from agencies.models import AuditAction


class LockedAccountsView(TemplateView):
    """Superusers only: CJIS wants a person, not a timer, to unlock an account."""

    template_name = "agencies/accounts/locked_accounts.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(locked=locked_usernames(), **kwargs)

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "").strip().lower()
        if not username or not release_lockout(username=username):
            messages.error(request, _("That account is not locked."))
            return redirect("accounts_locked")
        User = get_user_model()
        account = User.objects.filter(
            **{f"{User.USERNAME_FIELD}__iexact": username}
        ).first()
        audit_record(
            action=AuditAction.LOCKOUT_RELEASED,
            request=request,
            obj=account,
            details={"username": username},
        )
        messages.success(request, _("The account “%s” is unlocked.") % username)
        return redirect("accounts_locked")
