"""Staff expected at a call-in, their replies, and the agenda."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import AuditAction
from agencies.permissions import agency_of
from meetings.call_ins import tasks
from meetings.call_ins.base import (
    audit,
    clean_text,
    locked,
    refuse_unless,
    require_manager,
    require_status,
)
from meetings.call_ins.conflicts import Conflict, call_in_conflicts
from meetings.choices import CallInStatus, Reply
from meetings.models import AgendaItem, CallInAgency, StaffAttendee
from meetings.models.call_ins import OPEN_STATUSES, PUBLISHED_STATUSES


@transaction.atomic
def staff_attendee_add(
    *, call_in, user, by, request=None
) -> tuple[StaffAttendee, list[Conflict]]:
    """Expect ``user`` (staff of a participating agency); warn if they are booked."""
    call_in = locked(call_in)
    require_manager(by, call_in)
    require_status(
        call_in, OPEN_STATUSES, _("Staff are added only to a call-in still to come.")
    )
    agency = agency_of(user)
    refuse_unless(
        agency is not None
        and CallInAgency.objects.filter(call_in=call_in, agency=agency).exists(),
        _("Add their agency to the call-in first."),
    )
    refuse_unless(
        not StaffAttendee.objects.filter(call_in=call_in, user=user).exists(),
        _("They are already on the staff list."),
    )
    attendee = StaffAttendee.objects.create(call_in=call_in, user=user)
    audit(
        by=by,
        obj=attendee,
        event="staff_attendee_added",
        action=AuditAction.RECORD_CREATED,
        request=request,
        call_in_id=call_in.pk,
        user_id=user.pk,
    )
    if call_in.status in PUBLISHED_STATUSES:
        tasks.notice_on_commit(call_in, kind="scheduled", user_ids=[user.pk])
    warnings = call_in_conflicts(
        starts_at=call_in.starts_at,
        ends_at=call_in.ends_at,
        staff_user_ids=[user.pk],
        exclude_id=call_in.pk,
        viewer=by,
    )
    return attendee, warnings


@transaction.atomic
def staff_attendee_remove(*, attendee, by, request=None) -> None:
    call_in = locked(attendee.call_in)
    require_manager(by, call_in)
    require_status(
        call_in, OPEN_STATUSES, _("The staff list of a past call-in stays as it was.")
    )
    audit(
        by=by,
        obj=call_in,
        event="staff_attendee_removed",
        request=request,
        user_id=attendee.user_id,
    )
    attendee.delete()


@transaction.atomic
def staff_attendee_reply(*, call_in, by, reply, request=None) -> StaffAttendee:
    """``by`` answers for themselves: accepted, tentative or declined."""
    call_in = locked(call_in)
    attendee = StaffAttendee.objects.filter(call_in=call_in, user=by).first()
    refuse_unless(attendee is not None, _("You are not on this call-in's staff list."))
    require_status(
        call_in,
        OPEN_STATUSES,
        _("Replies close when the call-in is held or cancelled."),
    )
    refuse_unless(
        reply in (Reply.ACCEPTED, Reply.TENTATIVE, Reply.DECLINED),
        _("Reply accepted, tentative or declined."),
    )
    attendee.reply = reply
    attendee.replied_at = timezone.now()
    attendee.save(update_fields=["reply", "replied_at"])
    audit(by=by, obj=attendee, event="staff_reply", request=request, reply=reply)
    return attendee


# --- agenda -----------------------------------------------------------------


def _agenda_fields(speaker, topic, minutes) -> dict:
    refuse_unless(
        isinstance(minutes, int) and 0 < minutes <= 240,
        _("Give the minutes as a whole number from 1 to 240."),
    )
    return {
        "speaker": clean_text(speaker, label=_("Speaker"), max_length=200),
        "topic": clean_text(topic, label=_("Topic"), max_length=300),
        "minutes": minutes,
    }


def _require_agenda_editable(call_in, by) -> None:
    require_manager(by, call_in)
    require_status(
        call_in,
        (*OPEN_STATUSES, CallInStatus.HELD),
        _("The agenda of a closed or cancelled call-in stays as it was."),
    )


@transaction.atomic
def agenda_item_add(
    *, call_in, by, speaker, topic, minutes, order=None, request=None
) -> AgendaItem:
    call_in = locked(call_in)
    _require_agenda_editable(call_in, by)
    if order is None:
        order = call_in.agenda_items.count() + 1
    item = AgendaItem.objects.create(
        call_in=call_in, order=order, **_agenda_fields(speaker, topic, minutes)
    )
    audit(by=by, obj=call_in, event="agenda_item_added", request=request)
    return item


@transaction.atomic
def agenda_item_update(
    *, item, by, speaker, topic, minutes, order, request=None
) -> AgendaItem:
    _require_agenda_editable(locked(item.call_in), by)
    for name, value in _agenda_fields(speaker, topic, minutes).items():
        setattr(item, name, value)
    item.order = order
    item.save()
    audit(by=by, obj=item.call_in, event="agenda_item_changed", request=request)
    return item


@transaction.atomic
def agenda_item_remove(*, item, by, request=None) -> None:
    _require_agenda_editable(locked(item.call_in), by)
    audit(by=by, obj=item.call_in, event="agenda_item_removed", request=request)
    item.delete()
