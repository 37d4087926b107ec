"""The one service that writes audit entries. Nothing else creates AuditEntry rows."""

from __future__ import annotations

from typing import Any

from django.db import models

from agencies.models import AuditAction, AuditEntry, AuditOutcome
from portal.client_address import client_ip

USER_AGENT_MAX = AuditEntry._meta.get_field("user_agent").max_length
REASON_MAX = AuditEntry._meta.get_field("reason").max_length


def _object_ref(obj) -> tuple[str, str]:
    if obj is None:
        return "", ""
    if isinstance(obj, models.Model):
        return obj._meta.label_lower, str(obj.pk)
    raise TypeError("audit_record(obj=...) takes a model instance or None.")


def _membership(user):
    """The user's membership, from the permission layer's per-request cache."""
    if user is None:
        return None
    from agencies.permissions import membership_of  # permissions imports models

    return membership_of(user)


def audit_record(
    *,
    action: AuditAction | str,
    request=None,
    user=None,
    obj=None,
    outcome: AuditOutcome | str = AuditOutcome.SUCCESS,
    reason: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. ``user`` defaults to the request's authenticated user.

    ``obj`` is stored as type and id only. ``reason`` and ``details`` must not
    carry a person's name or free text about a person (28 CFR Part 23 purges).
    """
    if action not in AuditAction.values:
        raise ValueError(f"Unknown audit action: {action!r}")
    if outcome not in AuditOutcome.values:
        raise ValueError(f"Unknown audit outcome: {outcome!r}")
    if user is None and request is not None:
        request_user = getattr(request, "user", None)
        if request_user is not None and request_user.is_authenticated:
            user = request_user
    if user is not None and not user.is_authenticated:
        user = None
    object_type, object_id = _object_ref(obj)
    membership = _membership(user)
    meta = request.META if request is not None else {}
    return AuditEntry.objects.create(
        user=user,
        agency_id=membership.agency_id if membership is not None else None,
        username=user.get_username() if user is not None else "",
        action=action,
        object_type=object_type,
        object_id=object_id,
        ip_address=client_ip(request),
        user_agent=meta.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX],
        outcome=outcome,
        reason=reason[:REASON_MAX],
        details=details or {},
    )
