"""Clashes when scheduling: same place, same staff member or same person, same time.

Two call-ins overlap when each starts before the other ends, so one ending
at 19:00 and another starting at 19:00 do not clash. Cancelled call-ins
never clash. Clashes are warnings: the host decides.

Fast whatever the number of call-ins: every call-in lasts at most
``MAX_DURATION``, so the overlapping ones start within one short window, one
slice of the ``starts_at`` index. That query usually finds nothing and is
the only one; otherwise one more for staff and one for invitees, among the
few overlapping call-ins: at most three, however many call-ins there are.
A clashing call-in the viewer may not see is not named, only its time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet, Value
from django.db.models.fields import BooleanField
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.permissions import agency_of
from meetings.call_ins.permissions import subject_visible_annotation
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


def _asked(values) -> bool:
    return isinstance(values, QuerySet) or bool(values)


def _describe(other: dict) -> str:
    when = timezone.localtime(other["starts_at"]).strftime("%Y-%m-%d %H:%M")
    if other["viewer_sees"]:
        return _("“%(title)s” on %(when)s") % {"title": other["title"], "when": when}
    return _("another call-in on %(when)s") % {"when": when}


def _person(row: dict) -> str:
    full_name = f"{row['user__first_name']} {row['user__last_name']}".strip()
    return full_name or row["user__username"]


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
    """Warnings naming each clash; ``viewer`` decides which call-ins are named.

    One query finds the overlapping call-ins (usually none, and then that is
    all); one more each for staff and invitees, only among those.
    """
    window = {
        row["pk"]: row
        for row in overlapping(
            starts_at=starts_at, ends_at=ends_at, exclude_id=exclude_id
        )
        .annotate(viewer_sees=_sees(viewer, "pk"))
        .order_by("starts_at", "pk")
        .values("pk", "title", "starts_at", "location_key", "viewer_sees")
    }
    if not window:
        return []
    conflicts: list[Conflict] = []
    order = {pk: index for index, pk in enumerate(window)}
    key = location_key(location) if location.strip() else None
    for pk, other in window.items():
        if key is not None and other["location_key"] == key:
            message = _("The place is already booked: %(other)s.") % {
                "other": _describe(other)
            }
            conflicts.append(Conflict("location", pk, message))
    staff_user_ids = _ids(staff_user_ids)
    if _asked(staff_user_ids):
        rows = (
            StaffAttendee.objects.filter(
                call_in_id__in=list(window), user_id__in=staff_user_ids
            )
            .exclude(reply=Reply.DECLINED)
            .order_by("pk")
            .values(
                "call_in_id", "user__username", "user__first_name", "user__last_name"
            )
        )
        for row in sorted(rows, key=lambda r: order[r["call_in_id"]]):
            message = _("%(person)s is already expected at %(other)s.") % {
                "person": _person(row),
                "other": _describe(window[row["call_in_id"]]),
            }
            conflicts.append(Conflict("staff", row["call_in_id"], message))
    subject_ids = _ids(subject_ids)
    if _asked(subject_ids):
        rows = (
            Invitee.objects.filter(
                call_in_id__in=list(window), subject_id__in=subject_ids
            )
            .annotate(name_visible=subject_visible_annotation(viewer))
            .order_by("pk")
            .values("call_in_id", "number", "subject__full_name", "name_visible")
        )
        for row in sorted(rows, key=lambda r: order[r["call_in_id"]]):
            person = (
                row["subject__full_name"]
                if row["name_visible"]
                else _("Invitee #%(number)s") % {"number": row["number"]}
            )
            message = _("%(person)s is already invited to %(other)s.") % {
                "person": person,
                "other": _describe(window[row["call_in_id"]]),
            }
            conflicts.append(Conflict("invitee", row["call_in_id"], message))
    return conflicts


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
