"""iCalendar files for meetings (RFC 5545), shared by public meetings and call-ins."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
PRODUCT_ID = "-//DMI Portal//Meetings//EN"


def calendar_sequence(changed_at: datetime | None) -> int:
    """A SEQUENCE that grows with every change and fits RFC 5545's 32-bit integer."""
    if changed_at is None:
        return 0
    return max(0, int((changed_at - SEQUENCE_EPOCH).total_seconds()))


def new_calendar(*, name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    return cal


def meeting_event(
    *,
    uid: str,
    summary: str,
    starts_at: datetime,
    ends_at: datetime,
    location: str,
    description: str,
    sequence: int,
    cancelled: bool,
    url: str = "",
    last_modified: datetime | None = None,
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now().astimezone(UTC))
    # UTC ("...Z") needs no VTIMEZONE block and every calendar app reads it.
    event.add("dtstart", starts_at.astimezone(UTC))
    event.add("dtend", ends_at.astimezone(UTC))
    event.add("summary", summary)
    event.add("location", location)
    event.add("description", description)
    event.add("sequence", sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if url:
        event.add("url", url)
    if last_modified:
        event.add("last-modified", last_modified.astimezone(UTC))
    return event


def community_meeting_calendar(meeting, *, url: str) -> Calendar:
    """A one-event calendar for a public meeting; its UID never changes."""
    description_parts = [strip_tags(meeting.agenda)]
    if meeting.accessibility_notes:
        description_parts.append(_("Accessibility: %s") % meeting.accessibility_notes)
    if meeting.language_support:
        description_parts.append(_("Languages: %s") % meeting.language_support)
    cal = new_calendar(name=meeting.title)
    cal.add_component(
        meeting_event(
            uid=f"community-meeting-{meeting.uid}@dmi-portal",
            summary=meeting.title,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            location=f"{meeting.place_name}, {meeting.address}",
            description="\n\n".join(part for part in description_parts if part),
            sequence=meeting.sequence,
            cancelled=meeting.is_cancelled,
            url=url,
            last_modified=meeting.updated_at,
        )
    )
    return cal


def ics_response(cal: Calendar, *, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Confidential call-ins (issue 6) -----------------------------------------
# The same event builder as public meetings; what differs is what goes in:
# the working title, the time, the private place for participants, and never
# an invitee, a note or anything about a person.


def calendar_host() -> str:
    """The UID's domain: this portal's own host name, stable across requests."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "dmi-portal"


def call_in_uid(call_in_id: int) -> str:
    return f"call-in-{call_in_id}@{calendar_host()}"


def call_in_event(call_in) -> Event:
    event = meeting_event(
        uid=call_in_uid(call_in.pk),
        summary=call_in.title,
        starts_at=call_in.starts_at,
        ends_at=call_in.ends_at,
        location=call_in.location,
        description=_(
            "Confidential call-in hosted by %(host)s. Details in the workspace; "
            "do not forward."
        )
        % {"host": call_in.host_agency.name},
        sequence=call_in.sequence,
        cancelled=call_in.is_cancelled,
        last_modified=call_in.updated_at,
    )
    event.add("class", "CONFIDENTIAL")
    return event


def call_ins_calendar(call_ins, *, name: str) -> Calendar:
    cal = new_calendar(name=name)
    for call_in in call_ins:
        cal.add_component(call_in_event(call_in))
    return cal
