"""Emails about call-ins: changes that matter, the 24-hour reminder, unclosed ones.

Email leaves the workspace, so a message carries the call-in's working
title and time and a link back — never the place, the invitees or any
note. One message per recipient: nobody learns who else is expected.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from agencies.choices import MembershipRole
from agencies.models import Membership
from meetings.choices import Reply
from meetings.models import CallIn, CallInAgency, StaffAttendee

# The screens name the call-in page "workspace:call_in"; until they exist the
# link points at the workspace's front page.
CALL_IN_URL_NAME = "workspace:call_in"


def call_in_link(call_in: CallIn) -> str:
    try:
        path = reverse(CALL_IN_URL_NAME, kwargs={"pk": call_in.pk})
    except NoReverseMatch:
        path = reverse("workspace:dashboard")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def when(call_in: CallIn) -> str:
    starts = timezone.localtime(call_in.starts_at)
    ends = timezone.localtime(call_in.ends_at)
    day = formats.date_format(starts, "DATE_FORMAT")
    start, end = (formats.time_format(t, "TIME_FORMAT") for t in (starts, ends))
    return f"{day}, {start}–{end}"


SUBJECTS = {
    "scheduled": lambda: _("Call-in scheduled: %(title)s"),
    "rescheduled": lambda: _("Call-in moved to a new time: %(title)s"),
    "moved": lambda: _("Call-in moved to a new place: %(title)s"),
    "cancelled": lambda: _("Call-in cancelled: %(title)s"),
    "reminder": lambda: _("Tomorrow: call-in %(title)s"),
    "unclosed": lambda: _("Call-in not closed yet: %(title)s"),
}
OPENINGS = {
    "scheduled": lambda: _("You are expected at a call-in."),
    "rescheduled": lambda: _("The call-in you are expected at has a new time."),
    "moved": lambda: _(
        "The call-in you are expected at has a new place; see it in the workspace."
    ),
    "cancelled": lambda: _("The call-in you were expected at is cancelled."),
    "reminder": lambda: _("A reminder: you are expected at this call-in."),
    "unclosed": lambda: _(
        "This call-in is over but not closed. Record attendance and outcomes, "
        "write the closing report and close it."
    ),
}


def _body(call_in: CallIn, kind: str) -> str:
    lines = [
        OPENINGS[kind](),
        "",
        call_in.title,
        when(call_in),
        "",
        _("Details (sign-in required): %(link)s") % {"link": call_in_link(call_in)},
        "",
        _("Confidential: do not forward this message."),
    ]
    return "\n".join(lines)


def send(call_in: CallIn, *, kind: str, users) -> int:
    """One email per user with an address; returns how many were sent."""
    addresses = sorted({u.email for u in users if u.email and u.is_active})
    if not addresses:
        return 0
    subject = SUBJECTS[kind]() % {"title": call_in.title}
    body = _body(call_in, kind)
    messages = [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        for address in addresses
    ]
    return get_connection().send_messages(messages) or 0


def staff_of(call_in: CallIn, *, user_ids=None, include_declined=True) -> list:
    """Attendees who still work for a participating agency (others see nothing)."""
    participating = CallInAgency.objects.filter(call_in=call_in).values("agency_id")
    attendees = StaffAttendee.objects.filter(
        call_in=call_in, user__membership__agency_id__in=participating
    ).select_related("user")
    if user_ids is not None:
        attendees = attendees.filter(user_id__in=user_ids)
    if not include_declined:
        attendees = attendees.exclude(reply=Reply.DECLINED)
    return [attendee.user for attendee in attendees]


def host_contacts(call_in: CallIn) -> list:
    """The host agency's leads, and its staff expected at the call-in."""
    leads = Membership.objects.filter(
        agency_id=call_in.host_agency_id, role=MembershipRole.LEAD
    ).select_related("user")
    host_staff = StaffAttendee.objects.filter(
        call_in=call_in, user__membership__agency_id=call_in.host_agency_id
    ).select_related("user")
    people = {m.user.pk: m.user for m in leads}
    people.update({a.user.pk: a.user for a in host_staff})
    return list(people.values())
