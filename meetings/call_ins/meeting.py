"""The meeting itself: ready, check-in at the door, closing report, closed.

``ready`` is RAND's rule: every invitee has an agreed follow-up plan. The
first check-in moves a ready call-in to ``held``; only a held call-in with
a closing report and everyone's attendance recorded can be closed.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import AuditAction
from meetings.call_ins.base import (
    WorkspaceError,
    audit,
    clean_text,
    locked,
    refuse_unless,
    require_invitee_access,
    require_manager,
    require_status,
)
from meetings.call_ins.selectors import invitees_for_call_in
from meetings.choices import Attendance, CallInStatus
from meetings.models import CallIn, CallInAgency, ClosingReport, Invitee


def _labels(rows) -> str:
    return ", ".join(row.label for row in rows)


@transaction.atomic
def call_in_mark_ready(*, call_in, by, request=None) -> CallIn:
    """Scheduled → ready, refused (naming who) unless every plan is agreed."""
    call_in = locked(call_in)
    require_manager(by, call_in)
    require_status(
        call_in,
        (CallInStatus.SCHEDULED,),
        _("Only a scheduled call-in can be marked ready."),
    )
    rows = invitees_for_call_in(user=by, call_in=call_in)
    refuse_unless(rows, _("Invite at least one person first."))
    missing = [row for row in rows if not row.invitee.plan_agreed]
    if missing:
        raise WorkspaceError(
            _("Agree a follow-up plan for every invitee first. Missing: %(who)s.")
            % {"who": _labels(missing)}
        )
    call_in.status = CallInStatus.READY
    call_in.save(update_fields=["status", "updated_at"])
    audit(by=by, obj=call_in, event="call_in_ready", request=request)
    return call_in


def readiness_lost(call_in: CallIn, *, by, request=None) -> None:
    """A ready call-in whose plans are no longer all agreed is scheduled again."""
    if call_in.status == CallInStatus.READY:
        CallIn.objects.filter(pk=call_in.pk).update(
            status=CallInStatus.SCHEDULED, updated_at=timezone.now()
        )
        call_in.status = CallInStatus.SCHEDULED
        audit(by=by, obj=call_in, event="call_in_readiness_lost", request=request)


@transaction.atomic
def call_in_check_in(*, invitee, by, attendance, came_with="", request=None) -> Invitee:
    """Attended or no-show, and who came with them; the first one opens the meeting."""
    call_in = locked(invitee.call_in)
    invitee.call_in = call_in
    require_invitee_access(by, invitee)
    if call_in.status == CallInStatus.SCHEDULED:
        raise WorkspaceError(
            _("Mark the call-in ready first: every follow-up plan must be agreed.")
        )
    require_status(
        call_in,
        (CallInStatus.READY, CallInStatus.HELD),
        _("Check-in is open only while the call-in is held."),
    )
    refuse_unless(
        attendance in Attendance.values, _("Choose attended or did not come.")
    )
    came_with = clean_text(
        came_with, label=_("Came with"), max_length=300, required=False
    )
    refuse_unless(
        attendance == Attendance.ATTENDED or not came_with,
        _("Only someone who attended came with somebody."),
    )
    if call_in.status == CallInStatus.READY:
        call_in.status = CallInStatus.HELD
        call_in.save(update_fields=["status", "updated_at"])
        audit(by=by, obj=call_in, event="call_in_held", request=request)
    invitee.attendance = attendance
    invitee.came_with = came_with
    invitee.checked_in_at = timezone.now()
    invitee.checked_in_by = by
    invitee.save(
        update_fields=["attendance", "came_with", "checked_in_at", "checked_in_by"]
    )
    audit(
        by=by,
        obj=invitee,
        event="check_in",
        request=request,
        call_in_id=call_in.pk,
        attendance=attendance,
    )
    return invitee


@transaction.atomic
def closing_report_save(
    *, call_in, by, what_was_said, agencies_present=(), request=None
) -> ClosingReport:
    """Write or rewrite the report of a held call-in."""
    call_in = locked(call_in)
    require_manager(by, call_in)
    require_status(
        call_in,
        (CallInStatus.HELD,),
        _("The closing report is written once the call-in is held."),
    )
    what_was_said = clean_text(
        what_was_said, label=_("What was said"), max_length=20000
    )
    agency_ids = {agency.pk for agency in agencies_present}
    participating = set(
        CallInAgency.objects.filter(call_in=call_in).values_list("agency_id", flat=True)
    )
    refuse_unless(
        agency_ids <= participating,
        _("Only participating agencies can be recorded as present."),
    )
    report, created = ClosingReport.objects.update_or_create(
        call_in=call_in, defaults={"what_was_said": what_was_said, "written_by": by}
    )
    report.agencies_present.set(agency_ids)
    audit(
        by=by,
        obj=report,
        event="closing_report_saved",
        action=AuditAction.RECORD_CREATED if created else AuditAction.RECORD_CHANGED,
        request=request,
        call_in_id=call_in.pk,
    )
    return report


@transaction.atomic
def call_in_close(*, call_in, by, request=None) -> CallIn:
    """Held → closed: needs the report and everyone's attendance; counts the figures."""
    call_in = locked(call_in)
    require_manager(by, call_in)
    require_status(
        call_in, (CallInStatus.HELD,), _("Only a held call-in can be closed.")
    )
    report = ClosingReport.objects.filter(call_in=call_in).first()
    refuse_unless(report is not None, _("Write the closing report first."))
    rows = invitees_for_call_in(user=by, call_in=call_in)
    unrecorded = [row for row in rows if not row.invitee.attendance]
    if unrecorded:
        raise WorkspaceError(
            _("Record attendance for every invitee first. Missing: %(who)s.")
            % {"who": _labels(unrecorded)}
        )
    invitees = [row.invitee for row in rows]
    report.invited_count = len(invitees)
    report.attended_count = sum(
        1 for i in invitees if i.attendance == Attendance.ATTENDED
    )
    report.no_show_count = report.invited_count - report.attended_count
    report.accompanied_count = sum(1 for i in invitees if i.came_with)
    report.save()
    call_in.status = CallInStatus.CLOSED
    call_in.save(update_fields=["status", "updated_at"])
    audit(
        by=by,
        obj=call_in,
        event="call_in_closed",
        request=request,
        invited=report.invited_count,
        attended=report.attended_count,
    )
    return call_in
