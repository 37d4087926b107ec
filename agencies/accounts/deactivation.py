"""Disabling accounts (CJIS 5.5.1: accounts unused for 90 days are disabled).

Whoever disables an account, and however (this module's daily sweep, an
administrator unticking "active" in the Wagtail user editor or a bulk action,
a shell), every one of its sessions must end at once. Wagtail saves users in
several places and offers no single hook for "deactivated", so one pair of
model-save receivers notices ``is_active`` going from True to False and calls
``account_disabled_effects`` — the only caller of that one small service. The
request being handled (if any) names who acted in the audit entry.

``QuerySet.update(is_active=False)`` sends no signal: do not use it for this.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from agencies.accounts.session_services import EndReason, user_sessions_end_all
from agencies.accounts.sessions import current_request
from agencies.audit import audit_record
from agencies.models import AuditAction

INACTIVE = "inactive_for_90_days"
CHANGED_BY_ADMINISTRATOR = "disabled_by_administrator"


def account_disabled_effects(*, user, reason: str, request=None) -> int:
    """End every session of a just-disabled account and audit it."""
    ended = user_sessions_end_all(
        user=user, reason=EndReason.ACCOUNT_DISABLED, request=request
    )
    audit_record(
        action=AuditAction.ACCOUNT_DISABLED,
        request=request,
        obj=user,
        reason=reason,
        details={"username": user.get_username(), "sessions_ended": ended},
    )
    return ended


def account_disable(*, user, reason: str) -> bool:
    """Disable ``user``; False if it already was. The save triggers the effects."""
    if not user.is_active:
        return False
    user.is_active = False
    user._disable_reason = reason
    user.save(update_fields=["is_active"])
    return True


def inactive_accounts(*, now: datetime.datetime | None = None):
    """Active accounts unused for ACCOUNTS_INACTIVE_DAYS: last sign-in before the
    cut-off, or never signed in and created before it."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.ACCOUNTS_INACTIVE_DAYS)
    return get_user_model().objects.filter(
        Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff),
        is_active=True,
    )


def inactive_accounts_disable(*, now: datetime.datetime | None = None) -> list[str]:
    """Disable every inactive account; returns their usernames."""
    disabled = []
    for user in inactive_accounts(now=now).order_by("pk"):
        if account_disable(user=user, reason=INACTIVE):
            disabled.append(user.get_username())
    return disabled


# --- The one hook -------------------------------------------------------------


def _remember_active_state(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None:
        return
    if update_fields is not None and "is_active" not in update_fields:
        return  # e.g. last_login at every sign-in: no extra query
    instance._was_active = (
        sender.objects.filter(pk=instance.pk)
        .values_list("is_active", flat=True)
        .first()
    )


def _act_on_deactivation(sender, instance, created, **kwargs):
    was_active = getattr(instance, "_was_active", None)
    instance._was_active = instance.is_active
    if created or not was_active or instance.is_active:
        return
    reason = getattr(instance, "_disable_reason", CHANGED_BY_ADMINISTRATOR)
    request = current_request() if reason == CHANGED_BY_ADMINISTRATOR else None
    account_disabled_effects(user=instance, reason=reason, request=request)


def connect_deactivation_hook() -> None:
    User = get_user_model()
    pre_save.connect(
        _remember_active_state, sender=User, dispatch_uid="acct-was-active"
    )
    post_save.connect(_act_on_deactivation, sender=User, dispatch_uid="acct-disabled")
