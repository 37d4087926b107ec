""" "Open now": the Python rule and its SQL twin agree on every edge case.

Site time zone America/Los_Angeles: DST began 2026-03-08 and ended 2026-11-01.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from resources.choices import Weekday
from resources.models import ServicePage
from tests import factories

pytestmark = pytest.mark.django_db

LA = ZoneInfo("America/Los_Angeles")
UTC = ZoneInfo("UTC")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@pytest.fixture(autouse=True)
def _site_time_zone(settings):
    settings.TIME_ZONE = "America/Los_Angeles"


def at(text, zone=LA):
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def is_open(service, moment):
    """Both answers, which must agree: the model's and the SQL filter's."""
    in_python = service.is_open_at(moment)
    in_sql = ServicePage.objects.open_at(moment).filter(pk=service.pk).exists()
    assert in_python == in_sql, f"Python says {in_python}, SQL says {in_sql}"
    return in_python


def test_weekday_numbers_follow_python_monday_zero():
    assert datetime(2026, 11, 23).weekday() == Weekday.MONDAY == MON


def test_open_between_opening_and_closing_time_only(org):
    service = factories.service(org, hours=[(MON, "09:00", "17:00")])
    # 2026-11-23 is a Monday.
    assert is_open(service, at("2026-11-23T09:00"))
    assert is_open(service, at("2026-11-23T16:59"))
    assert not is_open(service, at("2026-11-23T08:59"))
    assert not is_open(service, at("2026-11-23T17:00"))  # closing time is closed
    assert not is_open(service, at("2026-11-24T10:00"))  # Tuesday has no hours


def test_several_periods_in_one_day_leave_the_lunch_break_closed(org):
    service = factories.service(
        org, hours=[(MON, "09:00", "12:00"), (MON, "13:00", "17:00")]
    )
    assert is_open(service, at("2026-11-23T11:30"))
    assert not is_open(service, at("2026-11-23T12:30"))
    assert is_open(service, at("2026-11-23T13:30"))


def test_period_past_midnight_ends_the_next_morning(org):
    service = factories.service(org, hours=[(FRI, "22:00", "02:00")])
    # Friday 2026-11-27, Saturday 2026-11-28.
    assert is_open(service, at("2026-11-27T23:00"))
    assert is_open(service, at("2026-11-28T01:59"))
    assert not is_open(service, at("2026-11-28T02:00"))
    assert not is_open(service, at("2026-11-27T21:59"))
    assert not is_open(service, at("2026-11-28T23:00"))  # Saturday night: no row
    assert not is_open(service, at("2026-11-27T01:00"))  # Thursday night: no row


def test_sunday_night_period_runs_into_monday_morning(org):
    service = factories.service(org, hours=[(SUN, "20:00", "04:00")])
    # Sunday 2026-11-22, Monday 2026-11-23: weekday 6 wraps to 0.
    assert is_open(service, at("2026-11-22T21:00"))
    assert is_open(service, at("2026-11-23T03:00"))
    assert not is_open(service, at("2026-11-23T04:00"))
    assert not is_open(service, at("2026-11-22T03:00"))  # the Sunday morning before


def test_opening_equal_to_closing_means_24_hours(org):
    service = factories.service(org, hours=[(WED, "00:00", "00:00")])
    # Wednesday 2026-11-25.
    assert is_open(service, at("2026-11-25T00:00"))
    assert is_open(service, at("2026-11-25T23:59"))
    assert not is_open(service, at("2026-11-26T00:00"))
    assert not is_open(service, at("2026-11-24T23:59"))
    assert service.opening_hours.get().describe_times() == "open 24 hours"


def test_open_every_hour_of_the_week_with_seven_24_hour_rows(org):
    service = factories.service(
        org, hours=[(day, "00:00", "00:00") for day in range(7)]
    )
    for hour in range(0, 24, 5):
        assert is_open(service, at(f"2026-11-29T{hour:02d}:30"))  # a Sunday


def test_a_day_without_rows_is_closed_all_day(org):
    weekdays = [(day, "09:00", "17:00") for day in (MON, TUE, WED, THU, FRI)]
    service = factories.service(org, hours=weekdays)
    for hour in range(0, 24, 3):
        assert not is_open(service, at(f"2026-11-28T{hour:02d}:00"))  # Saturday


def test_service_without_any_rows_is_never_open(org):
    service = factories.service(org, hours=[])
    assert not is_open(service, at("2026-11-23T12:00"))


def test_moments_in_other_time_zones_are_read_on_the_site_clock(org):
    service = factories.service(org, hours=[(MON, "09:00", "17:00")])
    # 17:30 UTC on Monday 2026-11-23 is 09:30 in Riverton (PST, UTC-8).
    assert is_open(service, at("2026-11-23T17:30", UTC))
    # 16:30 UTC is 08:30 in Riverton: not yet.
    assert not is_open(service, at("2026-11-23T16:30", UTC))


def test_spring_forward_day_uses_daylight_time_after_the_change(org):
    service = factories.service(org, hours=[(SAT, "22:00", "06:00")])
    # Sunday 2026-03-08: clocks jump from 02:00 to 03:00 (UTC-8 -> UTC-7).
    assert is_open(service, at("2026-03-08T10:30", UTC))  # 03:30 PDT
    assert is_open(service, at("2026-03-08T12:30", UTC))  # 05:30 PDT
    # 13:30 UTC is 06:30 PDT: closed (it would be 05:30 if PST were assumed).
    assert not is_open(service, at("2026-03-08T13:30", UTC))


def test_fall_back_day_uses_standard_time_after_the_change(org):
    service = factories.service(
        org, hours=[(SAT, "18:00", "01:00"), (SUN, "08:00", "12:00")]
    )
    # Sunday 2026-11-01: clocks go from 02:00 PDT back to 01:00 PST.
    assert is_open(service, at("2026-11-01T07:30", UTC))  # 00:30 PDT
    assert not is_open(service, at("2026-11-01T08:30", UTC))  # 01:30 PDT
    assert not is_open(service, at("2026-11-01T09:30", UTC))  # 01:30 PST, again
    # 15:30 UTC is 07:30 PST: closed (it would be 08:30 if PDT were assumed).
    assert not is_open(service, at("2026-11-01T15:30", UTC))
    assert is_open(service, at("2026-11-01T16:30", UTC))  # 08:30 PST


def test_valid_dates_limit_the_period_by_the_day_it_starts(org):
    service = factories.service(org, hours=[(FRI, "22:00", "02:00")])
    row = service.opening_hours.get()
    row.valid_to = datetime(2026, 11, 27).date()  # last Friday it runs
    row.save()
    service.refresh_from_db()
    # The Friday-night period that starts on its last valid day still ends Saturday.
    assert is_open(service, at("2026-11-28T01:00"))
    # A week later it no longer applies.
    assert not is_open(service, at("2026-12-04T23:00"))


def test_period_not_yet_valid_is_closed(org):
    service = factories.service(org, hours=[(MON, "09:00", "17:00")])
    service.opening_hours.update(valid_from=datetime(2026, 12, 1).date())
    assert not is_open(service, at("2026-11-23T10:00"))
    assert is_open(service, at("2026-12-07T10:00"))


def test_open_now_follows_the_clock(org):
    service = factories.service(
        org, title="Night line", hours=[(FRI, "22:00", "02:00")]
    )
    factories.service(org, title="Day office", hours=[(FRI, "09:00", "17:00")])
    with time_machine.travel(at("2026-11-28T01:00"), tick=False):
        assert service.is_open_now
        titles = set(ServicePage.objects.open_now().values_list("title", flat=True))
        assert titles == {"Night line"}
    with time_machine.travel(at("2026-11-27T10:00"), tick=False):
        assert not service.is_open_now
        titles = set(ServicePage.objects.open_now().values_list("title", flat=True))
        assert titles == {"Day office"}
