"""Clashes: same place, staff member or invited person at an overlapping time."""

from datetime import timedelta

import pytest

from agencies.permissions import agency_of
from meetings.call_ins import scheduling, staff
from meetings.call_ins.conflicts import call_in_conflicts, call_in_conflicts_for
from meetings.models import CallIn
from tests import workspace
from tests.meetings import call_in_builders as build

pytestmark = pytest.mark.django_db

PLACE = "Eastgate Community Center, Room 2"


@pytest.fixture
def market(team):
    return workspace.market(team, partners=("county",))


@pytest.fixture
def booked(team, market):
    """18:00–20:00 at the community center, one officer expected."""
    call_in = build.call_in(team, market, title="First call-in", location=PLACE)
    staff.staff_attendee_add(
        call_in=call_in, user=team.police_officer, by=team.police_lead
    )
    return call_in


def check(team, booked, *, start_shift=timedelta(0), hours=2, **kwargs):
    starts_at = booked.starts_at + start_shift
    return call_in_conflicts(
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        viewer=team.police_lead,
        **kwargs,
    )


def test_the_same_place_clashes_whatever_the_case_and_spacing(team, booked):
    [conflict] = check(
        team,
        booked,
        start_shift=timedelta(hours=1),
        location="  eastgate community CENTER,   room 2",
    )
    assert conflict.kind == "location"
    assert conflict.call_in_id == booked.pk
    assert "The place is already booked" in conflict.message
    assert "“First call-in”" in conflict.message


def test_another_place_does_not_clash(team, booked):
    assert check(team, booked, location="Harbor Library") == []


def test_the_same_staff_member_clashes(team, booked):
    [conflict] = check(
        team,
        booked,
        start_shift=timedelta(minutes=-90),
        staff_user_ids=[team.police_officer.pk],
    )
    assert conflict.kind == "staff"
    assert "police_officer is already expected at “First call-in”" in conflict.message


def test_a_staff_member_who_declined_is_free(team, booked):
    staff.staff_attendee_reply(call_in=booked, by=team.police_officer, reply="declined")
    assert check(team, booked, staff_user_ids=[team.police_officer.pk]) == []


def test_the_same_invited_person_clashes(team, market, booked):
    seller = build.seller(team, market, full_name="Zebulon Quixotica")
    build.invite(team, booked, seller)
    [conflict] = check(team, booked, subject_ids=[seller.pk])
    assert conflict.kind == "invitee"
    assert "Zebulon Quixotica is already invited" in conflict.message
    # A viewer who may not see the person reads a number, not the name.
    [hidden] = call_in_conflicts(
        starts_at=booked.starts_at,
        ends_at=booked.ends_at,
        subject_ids=[seller.pk],
        viewer=team.county_member,
    )
    assert "Zebulon" not in hidden.message
    assert "Invitee #1" in hidden.message


@pytest.mark.parametrize(
    "shift, hours",
    [
        (timedelta(hours=2), 2),  # starts exactly when the booked one ends
        (timedelta(hours=-3), 3),  # ends exactly when the booked one starts
    ],
)
def test_touching_is_not_overlapping(team, booked, shift, hours):
    assert (
        check(
            team,
            booked,
            start_shift=shift,
            hours=hours,
            location=PLACE,
            staff_user_ids=[team.police_officer.pk],
        )
        == []
    )


@pytest.mark.parametrize(
    "shift, hours",
    [
        (timedelta(hours=2) - timedelta(minutes=1), 2),
        (timedelta(hours=-3) + timedelta(minutes=1), 3),
        (timedelta(minutes=30), 1),  # inside
        (timedelta(hours=-1), 4),  # around
    ],
)
def test_a_minute_of_overlap_clashes(team, booked, shift, hours):
    kinds = [
        c.kind
        for c in check(
            team,
            booked,
            start_shift=shift,
            hours=hours,
            location=PLACE,
            staff_user_ids=[team.police_officer.pk],
        )
    ]
    assert kinds == ["location", "staff"]


def test_a_cancelled_call_in_never_clashes(team, booked):
    scheduling.call_in_cancel(call_in=booked, by=team.police_lead, reason="Venue lost")
    assert (
        check(team, booked, location=PLACE, staff_user_ids=[team.police_officer.pk])
        == []
    )


def test_a_call_in_does_not_clash_with_itself(team, booked):
    assert call_in_conflicts_for(booked, viewer=team.police_lead) == []


def test_a_clash_the_viewer_may_not_see_is_not_named(team, booked):
    other_market = workspace.market(team, lead="federal", partners=(), name="Harbor")
    starts_at = booked.starts_at + timedelta(minutes=30)
    result = build.call_in(
        team,
        other_market,
        by="federal_prosecutor",
        agencies=(),
        starts_at=starts_at,
        location=PLACE.upper(),
        title="Federal call-in",
    )
    [conflict] = call_in_conflicts_for(result, viewer=team.federal_prosecutor)
    assert "First call-in" not in conflict.message
    assert "another call-in on" in conflict.message


def test_creating_and_rescheduling_return_the_warnings(team, market, booked):
    starts_at = booked.starts_at + timedelta(days=1)
    result = scheduling.call_in_create(
        by=team.police_lead,
        market=market,
        title="Second",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        location=PLACE,
    )
    assert result.warnings == []
    moved = scheduling.call_in_update(
        call_in=result.call_in,
        by=team.police_lead,
        starts_at=booked.starts_at,
        ends_at=booked.ends_at,
    )
    assert [w.kind for w in moved.warnings] == ["location"]
    # Adding a booked officer warns too.
    _attendee, warnings = staff.staff_attendee_add(
        call_in=result.call_in, user=team.police_officer, by=team.police_lead
    )
    assert [w.kind for w in warnings] == ["staff"]


def test_at_most_three_queries_however_many_call_ins(
    team, market, booked, django_assert_num_queries
):
    seller = build.seller(team, market)
    build.invite(team, booked, seller)
    kwargs = {
        "location": PLACE,
        "staff_user_ids": [team.police_officer.pk],
        "subject_ids": [seller.pk],
    }
    agency_of(team.police_lead)  # the viewer's membership, cached per user
    with django_assert_num_queries(3):
        few = check(team, booked, **kwargs)
    # 80 more call-ins at the same place, every three hours: one overlaps.
    CallIn.objects.bulk_create(
        [
            CallIn(
                market=market,
                host_agency=team.agencies["police"],
                title=f"Call-in {n}",
                starts_at=booked.starts_at + timedelta(hours=3 * n + 1),
                ends_at=booked.starts_at + timedelta(hours=3 * n + 3),
                location=PLACE,
                location_key=booked.location_key,
                status="scheduled",
            )
            for n in range(-40, 40)
        ]
    )
    with django_assert_num_queries(3):
        many = check(team, booked, **kwargs)
    assert [c.kind for c in few] == ["location", "staff", "invitee"]
    assert [c.kind for c in many] == ["location", "location", "staff", "invitee"]
    # A free slot (the usual case) costs one query.
    with django_assert_num_queries(1):
        free = check(team, booked, start_shift=timedelta(hours=3), hours=1, **kwargs)
    assert free == []
