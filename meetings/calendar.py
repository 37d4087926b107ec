"""iCalendar files for meetings (RFC 5545), shared by public meetings and call-ins."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import CharField, Func
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
# Written line by line rather than through icalendar's object tree: a feed of
# 1,000 call-ins took over a second that way, and this takes milliseconds.
# What goes in: the working title, the time, the private place (participants
# only), the host agency — never an invitee, a note or anything about a person.


class IcsUtc(Func):
    """A timestamp as RFC 5545 UTC text (``YYYYMMDDTHHMMSSZ``), made by the database.

    A feed reads three timestamps per call-in; turned into ``datetime``
    objects by the driver (Django's time-zone-aware loader is pure Python)
    and back into text, they cost more than the rest of the feed. Seconds are
    truncated, as ``ics_utc`` does.
    """

    output_field = CharField()
    template = (
        "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYYMMDD\"T\"HH24MISS\"Z\"')"
    )

    def as_sqlite(self, compiler, connection, **extra):
        # Stored as UTC text; "%%%%" reaches the driver as "%%", SQLite as "%".
        template = "strftime('%%%%Y%%%%m%%%%dT%%%%H%%%%M%%%%SZ', %(expressions)s)"
        return self.as_sql(compiler, connection, template=template, **extra)


def call_in_feed_rows(queryset):
    """Named rows for ``call_ins_ics`` with the times already in ICS text."""
    return queryset.annotate(
        dtstart=IcsUtc("starts_at"),
        dtend=IcsUtc("ends_at"),
        last_modified=IcsUtc("updated_at"),
    ).values_list(
        "pk",
        "title",
        "location",
        "status",
        "sequence",
        "host_agency__name",
        "dtstart",
        "dtend",
        "last_modified",
        named=True,
    )


def calendar_host() -> str:
    """The UID's domain: this portal's own host name, stable across requests."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "dmi-portal"


def call_in_uid(call_in_id: int, *, host: str | None = None) -> str:
    return f"call-in-{call_in_id}@{host or calendar_host()}"


def ics_text(value: str) -> str:
    """RFC 5545 TEXT escaping (3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def ics_fold(line: str) -> str:
    """Fold at 75 octets (3.1), never inside a UTF-8 character."""
    if line.isascii():
        if len(line) <= 75:
            return line
        # 75 octets on the first line, then a space and 74 on each next one.
        rest = line[75:]
        return "\r\n ".join(
            [line[:75], *(rest[i : i + 74] for i in range(0, len(rest), 74))]
        )
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            parts.append("".join(current))
            current, size = [], 1  # the continuation's leading space counts
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def ics_utc(moment: datetime) -> str:
    """``YYYYMMDDTHHMMSSZ`` (isoformat is several times faster than strftime)."""
    text = moment.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat()
    return text.replace("-", "").replace(":", "") + "Z"


def call_ins_ics(rows, *, name: str) -> bytes:
    """A VCALENDAR of call-ins.

    ``rows``: from ``call_in_feed_rows`` (times as ICS text). Each event is
    one string; only the
    lines whose length varies (UID, SUMMARY, LOCATION, DESCRIPTION) are
    folded, the others are always shorter than 75 octets.
    """
    host = calendar_host()
    stamp = ics_utc(timezone.now())
    description = _(
        "Confidential call-in hosted by %(host)s. Details in the workspace; "
        "do not forward."
    )
    descriptions = {}  # host agency -> its folded DESCRIPTION line
    parts = [
        "BEGIN:VCALENDAR\r\n"
        f"PRODID:{PRODUCT_ID}\r\n"
        "VERSION:2.0\r\n"
        "CALSCALE:GREGORIAN\r\n"
        f"{ics_fold('X-WR-CALNAME:' + ics_text(name))}\r\n"
        f"{ics_fold('X-WR-TIMEZONE:' + settings.TIME_ZONE)}\r\n"
    ]
    for row in rows:
        agency = row.host_agency__name
        about = descriptions.get(agency)
        if about is None:
            about = descriptions[agency] = ics_fold(
                "DESCRIPTION:" + ics_text(description % {"host": agency})
            )
        starts, ends, modified = row.dtstart, row.dtend, row.last_modified
        status = "CANCELLED" if row.status == "cancelled" else "CONFIRMED"
        parts.append(
            "BEGIN:VEVENT\r\n"
            f"{ics_fold('UID:' + call_in_uid(row.pk, host=host))}\r\n"
            f"DTSTAMP:{stamp}\r\n"
            f"DTSTART:{starts}\r\n"
            f"DTEND:{ends}\r\n"
            f"{ics_fold('SUMMARY:' + ics_text(row.title))}\r\n"
            f"{ics_fold('LOCATION:' + ics_text(row.location))}\r\n"
            f"{about}\r\n"
            f"SEQUENCE:{row.sequence}\r\n"
            f"STATUS:{status}\r\n"
            "CLASS:CONFIDENTIAL\r\n"
            f"LAST-MODIFIED:{modified}\r\n"
            "END:VEVENT\r\n"
        )
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts).encode()


def ics_bytes_response(content: bytes, *, filename: str, inline=False) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
