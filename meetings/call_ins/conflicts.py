"""Clashes when scheduling: same place, same staff member or same person, same time.

Two call-ins overlap when each starts before the other ends, so one ending
at 19:00 and another starting at 19:00 do not clash. Cancelled call-ins
never clash. Clashes are warnings: the host decides.

Fast whatever the number of call-ins: every call-in lasts at most
``MAX_DURATION``, so the overlapping ones start within one short window and
each check reads one slice of an index (``starts_at``, ``location_key,
starts_at``, or the attendee/invitee unique index led by user/subject).
Three queries in all, whatever the number of call-ins, attendees or invitees.
A clashing call-in the viewer may not see is not named, only its time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet, Value
from django.db.models.fields import BooleanField
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.permissions import agency_of
from meetings.call_ins.permissions import subject_visible_annotation
from meetings.call_ins.selectors import invitee_label
from meetings.choices import CallInStatus, Reply
from meetings.models import CallIn, CallInAgency, Invitee, StaffAttendee
from meetings.models.call_ins import MAX_DURATION, location_key


@dataclass(frozen=True)
class Conflict:
    kind: str  # "location", "staff" or "invitee"
    call_in_id: int
    message: str


def overlapping(*, starts_at, ends_at, exclude_id=None):
    """Non-cancelled call-ins overlapping [starts_at, ends_at)."""
    rows = CallIn.objects.filter(
        starts_at__gt=starts_at - MAX_DURATION,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    ).exclude(status=CallInStatus.CANCELLED)
    if exclude_id is not None:
        rows = rows.exclude(pk=exclude_id)
    return rows


def _sees(viewer, call_in_ref: str):
    """Annotation: may ``viewer``'s agency see the call-in at ``call_in_ref``?"""
    agency = agency_of(viewer) if viewer is not None else None
    if agency is None:
        return Value(False, output_field=BooleanField())
    return Exists(
        CallInAgency.objects.filter(call_in_id=OuterRef(call_in_ref), agency=agency)
    )


def _ids(values):
    """A queryset stays a subquery; anything else becomes a list."""
    return values if isinstance(values, QuerySet) else list(values)


def _describe(call_in, viewer_sees: bool) -> str:
    when = timezone.localtime(call_in.starts_at).strftime("%Y-%m-%d %H:%M")
    if viewer_sees:
        return _("“%(title)s” on %(when)s") % {"title": call_in.title, "when": when}
    return _("another call-in on %(when)s") % {"when": when}


def call_in_conflicts(
    *,
    starts_at,
    ends_at,
    location: str = "",
    staff_user_ids=(),
    subject_ids=(),
    exclude_id=None,
    viewer=None,
) -> list[Conflict]:
    """Warnings naming each clash; ``viewer`` decides which call-ins are named."""
    window = overlapping(starts_at=starts_at, ends_at=ends_at, exclude_id=exclude_id)
    conflicts: list[Conflict] = []
    if location.strip():
        rows = window.filter(location_key=location_key(location)).annotate(
            viewer_sees=_sees(viewer, "pk")
        )
        for other in rows.order_by("starts_at", "pk"):
            conflicts.append(
                Conflict(
                    "location",
                    other.pk,
                    _("The place is already booked: %(other)s.")
                    % {"other": _describe(other, other.viewer_sees)},
                )
            )
    staff_user_ids = _ids(staff_user_ids)
    if isinstance(staff_user_ids, QuerySet) or staff_user_ids:
        rows = (
            StaffAttendee.objects.filter(
                user_id__in=staff_user_ids, call_in__in=window.values("pk")
            )
            .exclude(reply=Reply.DECLINED)
            .select_related("call_in", "user")
            .annotate(viewer_sees=_sees(viewer, "call_in_id"))
            .order_by("call_in__starts_at", "pk")
        )
        for attendee in rows:
            conflicts.append(
                Conflict(
                    "staff",
                    attendee.call_in_id,
                    _("%(person)s is already expected at %(other)s.")
                    % {
                        "person": _person(attendee.user),
                        "other": _describe(attendee.call_in, attendee.viewer_sees),
                    },
                )
            )
    subject_ids = _ids(subject_ids)
    if isinstance(subject_ids, QuerySet) or subject_ids:
        rows = (
            Invitee.objects.filter(
                subject_id__in=subject_ids, call_in__in=window.values("pk")
            )
            .select_related("call_in", "subject")
            .annotate(
                viewer_sees=_sees(viewer, "call_in_id"),
                name_visible=subject_visible_annotation(viewer),
            )
            .order_by("call_in__starts_at", "pk")
        )
        for invitee in rows:
            conflicts.append(
                Conflict(
                    "invitee",
                    invitee.call_in_id,
                    _("%(person)s is already invited to %(other)s.")
                    % {
                        "person": invitee_label(
                            invitee, name_visible=invitee.name_visible
                        ),
                        "other": _describe(invitee.call_in, invitee.viewer_sees),
                    },
                )
            )
    return conflicts


def _person(user) -> str:
    full_name = user.get_full_name() if isinstance(user, get_user_model()) else ""
    return full_name or user.get_username()


def call_in_conflicts_for(call_in: CallIn, *, viewer=None) -> list[Conflict]:
    """Every clash of a saved call-in with its current place, staff and invitees."""
    if call_in.status == CallInStatus.CANCELLED:
        return []
    return call_in_conflicts(
        starts_at=call_in.starts_at,
        ends_at=call_in.ends_at,
        location=call_in.location,
        staff_user_ids=call_in.staff_attendees.exclude(reply=Reply.DECLINED).values(
            "user_id"
        ),
        subject_ids=call_in.invitees.values("subject_id"),
        exclude_id=call_in.pk,
        viewer=viewer,
    )
