"""What every call-in service shares: refusing, locking, auditing.

Refusals raise the workspace's ``WorkspaceError`` with a message for the
user, so the screens handle call-ins exactly like the other workspace
records. Audit entries use the generic workspace actions with an
``event`` detail, and name objects by type and id only.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from agencies.audit import audit_record
from agencies.models import AuditAction
from agencies.services.records import WorkspaceError
from meetings.call_ins.permissions import can_manage, can_see_invitee
from meetings.models import CallIn

__all__ = ["WorkspaceError", "audit", "refuse_unless", "locked", "require_status"]


def refuse_unless(condition, message: str) -> None:
    if not condition:
        raise WorkspaceError(message)


def locked(call_in: CallIn) -> CallIn:
    """The call-in's row, locked for this transaction (serializes its changes)."""
    return CallIn.objects.select_for_update().get(pk=call_in.pk)


def require_status(call_in: CallIn, allowed, message: str) -> None:
    refuse_unless(call_in.status in allowed, message)


def require_manager(user, call_in: CallIn) -> None:
    refuse_unless(
        can_manage(user, call_in),
        _("Only the host agency's staff can change this call-in."),
    )


def require_invitee_access(user, invitee) -> None:
    refuse_unless(
        can_see_invitee(user, invitee),
        _("Your agency cannot see this person's records."),
    )


def clean_text(value, *, label: str, max_length: int, required=True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise WorkspaceError(_("%(label)s is required.") % {"label": label})
    if len(value) > max_length:
        raise WorkspaceError(
            _("%(label)s is too long (at most %(max)s characters).")
            % {"label": label, "max": max_length}
        )
    return value


def validation_message(error: ValidationError) -> str:
    return " ".join(error.messages)


def audit(
    *,
    by,
    obj,
    event: str,
    action=AuditAction.RECORD_CHANGED,
    request=None,
    reason: str = "",
    **details,
) -> None:
    audit_record(
        action=action,
        request=request,
        user=by,
        obj=obj,
        reason=reason,
        details={"event": event, **details},
    )
