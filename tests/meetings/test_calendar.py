"""Each public meeting's .ics: stable UID, growing SEQUENCE, UTC times, status."""

import zoneinfo
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from icalendar import Calendar

from meetings.choices import MeetingStatus
from tests import factories


def fetch_event(client, meeting):
    response = client.get(meeting.get_ics_url())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    return events[0], response.content.decode()


@pytest.fixture
def winter_evening():
    """18:30 on 15 January 2027 in the site's time zone."""
    local = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime(2027, 1, 15, 18, 30, tzinfo=local)


@pytest.mark.django_db
class TestMeetingCalendarFile:
    def test_times_are_the_meetings_times_in_utc(
        self, client, neighborhood, winter_evening
    ):
        meeting = factories.community_meeting(
            neighborhood,
            starts_at=winter_evening,
            ends_at=winter_evening + timedelta(minutes=90),
        )
        event, raw = fetch_event(client, meeting)
        assert event.decoded("DTSTART") == winter_evening
        assert event.decoded("DTEND") == winter_evening + timedelta(minutes=90)
        assert event.decoded("DTSTART").utcoffset() == timedelta(0)
        utc_start = winter_evening.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        assert f"DTSTART:{utc_start}" in raw

    def test_carries_the_meeting_details(self, client, neighborhood):
        meeting = factories.community_meeting(neighborhood)
        event, _raw = fetch_event(client, meeting)
        assert str(event["SUMMARY"]) == meeting.title
        assert str(event["LOCATION"]) == "Eastgate Library, 12 Pine St, Riverton"
        assert "Step-free entrance." in str(event["DESCRIPTION"])
        assert str(event["URL"]).startswith("http://testserver/meetings/")
        assert str(event["STATUS"]) == "CONFIRMED"

    def test_uid_stays_and_sequence_grows_when_the_meeting_changes(
        self, client, neighborhood
    ):
        with time_machine.travel(datetime(2026, 3, 1, 12, tzinfo=UTC), tick=False):
            meeting = factories.community_meeting(neighborhood)
        first, _raw = fetch_event(client, meeting)

        with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False):
            meeting.place_name = "Eastgate Community Center"
            meeting.save()
        second, _raw = fetch_event(client, meeting)

        assert str(first["UID"]) == f"community-meeting-{meeting.uid}@dmi-portal"
        assert str(second["UID"]) == str(first["UID"])
        assert int(second["SEQUENCE"]) > int(first["SEQUENCE"])
        assert "Eastgate Community Center" in str(second["LOCATION"])

    def test_cancelled_meeting_is_cancelled_in_the_calendar(self, client, neighborhood):
        meeting = factories.community_meeting(neighborhood)
        first, _raw = fetch_event(client, meeting)
        with time_machine.travel(timedelta(minutes=5)):
            meeting.status = MeetingStatus.CANCELLED
            meeting.save()
        cancelled, _raw = fetch_event(client, meeting)
        assert str(cancelled["STATUS"]) == "CANCELLED"
        assert str(cancelled["UID"]) == str(first["UID"])
        assert int(cancelled["SEQUENCE"]) > int(first["SEQUENCE"])

    def test_sequence_fits_a_32_bit_integer_for_decades(self):
        from meetings.calendar import calendar_sequence

        assert calendar_sequence(datetime(2080, 1, 1, tzinfo=UTC)) < 2**31
