"""From draft to closed: who may invite, the readiness rule, check-in, closing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agencies.choices import RiskTier
from agencies.models import AuditEntry
from agencies.services.records import WorkspaceError
from meetings.call_ins import invitations, meeting, scheduling, staff
from meetings.call_ins.selectors import subjects_invitable
from meetings.choices import CallInStatus
from meetings.models import CallIn
from tests import workspace
from tests.meetings import call_in_builders as build

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(team):
    return workspace.market(team, partners=("county",))


@pytest.fixture
def sellers(team, market):
    return [
        build.seller(team, market, full_name=name)
        for name in ("Ann Seller", "Bo Seller", "Cy Seller")
    ]


@pytest.fixture
def scheduled(team, market):
    call_in = build.call_in(team, market)
    return scheduling.call_in_schedule(call_in=call_in, by=team.police_lead).call_in


def events(obj):
    return list(
        AuditEntry.objects.filter(
            object_type=obj._meta.label_lower, object_id=str(obj.pk)
        )
        .order_by("pk")
        .values_list("details__event", flat=True)
    )


class TestCreating:
    def test_a_new_call_in_is_a_draft_hosted_by_its_creators_agency(self, team, market):
        call_in = build.call_in(team, market)
        assert call_in.status == CallInStatus.DRAFT
        assert call_in.host_agency == team.agencies["police"]
        assert set(call_in.agencies.values_list("pk", flat=True)) == {
            team.agencies["police"].pk,
            team.agencies["county"].pk,
        }
        assert events(call_in) == ["call_in_created", "call_in_agency_added"]

    @pytest.mark.parametrize(
        "change, message",
        [
            ({"hours": -1}, "end after it starts"),
            ({"hours": 0}, "end after it starts"),
            ({"hours": 13}, "at most 12 hours"),
            ({"title": "  "}, "Title is required"),
            ({"location": ""}, "Place is required"),
            ({"services_on_site": ["massage"]}, "Unknown service on site"),
        ],
    )
    def test_bad_input_is_refused_and_nothing_is_saved(
        self, team, market, change, message
    ):
        with pytest.raises(WorkspaceError, match=message):
            build.call_in(team, market, **change)
        assert not CallIn.objects.exists()

    def test_naive_times_are_refused(self, team, market):
        starts_at = build.evening().replace(tzinfo=None)
        with pytest.raises(WorkspaceError, match="time zone"):
            build.call_in(team, market, starts_at=starts_at)

    def test_an_agency_that_cannot_see_the_market_cannot_plan_there(self, team, market):
        with pytest.raises(WorkspaceError, match="market"):
            build.call_in(team, market, by="federal_prosecutor", agencies=())
        with pytest.raises(WorkspaceError, match="agency staff"):
            build.call_in(team, market, by="administrator", agencies=())


class TestInviting:
    def test_low_risk_sellers_of_the_market_are_numbered(
        self, team, scheduled, sellers
    ):
        invitees = [build.invite(team, scheduled, s) for s in sellers]
        assert [i.number for i in invitees] == [1, 2, 3]
        assert events(invitees[0]) == ["invitee_added"]

    def test_a_high_risk_seller_cannot_be_invited(self, team, market, scheduled):
        seller = build.seller(team, market, tier=RiskTier.HIGH)
        with pytest.raises(WorkspaceError, match="low-risk"):
            build.invite(team, scheduled, seller)

    def test_a_seller_without_an_approved_decision_cannot_be_invited(
        self, team, market, scheduled
    ):
        seller = workspace.subject(team, market)
        with pytest.raises(WorkspaceError, match="low-risk"):
            build.invite(team, scheduled, seller)

    def test_a_seller_of_another_market_cannot_be_invited(self, team, scheduled):
        other = workspace.market(team, name="Mill Creek")
        seller = build.seller(team, other)
        with pytest.raises(WorkspaceError, match="market"):
            build.invite(team, scheduled, seller)

    def test_the_invitable_are_the_low_risk_sellers_not_yet_invited(
        self, team, market, scheduled, sellers
    ):
        build.seller(team, market, full_name="High Risk", tier=RiskTier.HIGH)
        workspace.subject(team, market, full_name="Undecided")
        build.invite(team, scheduled, sellers[0])
        invitable = subjects_invitable(user=team.police_lead, call_in=scheduled)
        assert sorted(s.full_name for s in invitable) == ["Bo Seller", "Cy Seller"]
        assert not subjects_invitable(user=team.county_member, call_in=scheduled)

    def test_nobody_is_invited_twice(self, team, scheduled, sellers):
        build.invite(team, scheduled, sellers[0])
        with pytest.raises(WorkspaceError, match="already invited"):
            build.invite(team, scheduled, sellers[0])

    def test_only_the_host_invites(self, team, scheduled, sellers):
        build.share(team, sellers[0], "county")
        with pytest.raises(WorkspaceError, match="host agency"):
            build.invite(team, scheduled, sellers[0], by="county_prosecutor")

    def test_attempts_influentials_and_replies_are_recorded(
        self, team, scheduled, sellers
    ):
        invitee = build.invite(team, scheduled, sellers[0])
        invitations.influential_add(
            invitee=invitee, by=team.police_officer, name="Mae", relation="aunt"
        )
        attempt = invitations.invitation_attempt_record(
            invitee=invitee,
            by=team.police_officer,
            method="home_visit",
            at=timezone.now() - timedelta(hours=1),
            delivered=True,
        )
        invitations.invitee_reply_record(
            invitee=invitee, by=team.police_officer, reply="accepted"
        )
        invitee.refresh_from_db()
        assert invitee.reply == "accepted" and invitee.replied_at is not None
        assert attempt.by == team.police_officer and attempt.delivered
        assert events(invitee) == ["invitee_added", "invitee_reply"]
        assert events(attempt) == ["invitation_attempt"]

    def test_a_participant_who_cannot_see_the_person_records_nothing(
        self, team, scheduled, sellers
    ):
        invitee = build.invite(team, scheduled, sellers[0])
        with pytest.raises(WorkspaceError, match="cannot see"):
            invitations.invitation_attempt_record(
                invitee=invitee,
                by=team.county_member,
                method="letter",
                at=timezone.now(),
                delivered=False,
            )
        assert not invitee.attempts.exists()

    def test_an_attempt_in_the_future_is_refused(self, team, scheduled, sellers):
        invitee = build.invite(team, scheduled, sellers[0])
        with pytest.raises(WorkspaceError, match="future"):
            invitations.invitation_attempt_record(
                invitee=invitee,
                by=team.police_officer,
                method="phone",
                at=timezone.now() + timedelta(days=1),
                delivered=True,
            )


class TestReadiness:
    def test_ready_is_refused_naming_every_invitee_without_a_plan(
        self, team, scheduled, sellers
    ):
        first, second, third = (build.invite(team, scheduled, s) for s in sellers)
        build.agree_plan(team, second)
        with pytest.raises(WorkspaceError) as refused:
            meeting.call_in_mark_ready(call_in=scheduled, by=team.police_lead)
        assert "Ann Seller" in str(refused.value)
        assert "Cy Seller" in str(refused.value)
        assert "Bo Seller" not in str(refused.value)
        scheduled.refresh_from_db()
        assert scheduled.status == CallInStatus.SCHEDULED

    def test_ready_needs_at_least_one_invitee(self, team, scheduled):
        with pytest.raises(WorkspaceError, match="at least one"):
            meeting.call_in_mark_ready(call_in=scheduled, by=team.police_lead)

    def test_every_plan_agreed_makes_it_ready(self, team, market, sellers):
        call_in, _invitees = build.ready_call_in(team, market, sellers)
        assert call_in.status == CallInStatus.READY
        assert "call_in_ready" in events(call_in)

    def test_a_new_invitee_without_a_plan_takes_readiness_away(
        self, team, market, sellers
    ):
        call_in, _invitees = build.ready_call_in(team, market, sellers[:2])
        build.invite(team, call_in, sellers[2])
        call_in.refresh_from_db()
        assert call_in.status == CallInStatus.SCHEDULED
        assert events(call_in)[-1] == "call_in_readiness_lost"

    @pytest.mark.parametrize("person", ["police_officer", "county_member"])
    def test_only_a_police_or_prosecutor_lead_agrees_a_plan(
        self, team, scheduled, sellers, person
    ):
        build.share(team, sellers[0], "county")
        invitee = build.invite(team, scheduled, sellers[0])
        with pytest.raises(WorkspaceError, match="lead"):
            build.agree_plan(team, invitee, by=person)
        build.agree_plan(team, invitee, by="county_prosecutor")
        invitee.refresh_from_db()
        assert invitee.plan_agreed_by == team.county_prosecutor

    def test_a_draft_is_not_marked_ready(self, team, market):
        with pytest.raises(WorkspaceError, match="scheduled"):
            meeting.call_in_mark_ready(
                call_in=build.call_in(team, market), by=team.police_lead
            )


class TestMeetingAndClosing:
    def test_check_in_needs_a_ready_call_in(self, team, scheduled, sellers):
        invitee = build.invite(team, scheduled, sellers[0])
        with pytest.raises(WorkspaceError, match="ready first"):
            meeting.call_in_check_in(
                invitee=invitee, by=team.police_officer, attendance="attended"
            )

    def test_the_first_check_in_opens_the_meeting(self, team, market, sellers):
        call_in, invitees = build.ready_call_in(team, market, sellers[:2])
        meeting.call_in_check_in(
            invitee=invitees[0],
            by=team.police_officer,
            attendance="attended",
            came_with="mother",
        )
        call_in.refresh_from_db()
        invitees[0].refresh_from_db()
        assert call_in.status == CallInStatus.HELD
        assert invitees[0].came_with == "mother"
        assert invitees[0].checked_in_by == team.police_officer
        assert events(invitees[0])[-1] == "check_in"

    def test_a_no_show_came_with_nobody(self, team, market, sellers):
        _call_in, invitees = build.ready_call_in(team, market, sellers[:1])
        with pytest.raises(WorkspaceError, match="attended"):
            meeting.call_in_check_in(
                invitee=invitees[0],
                by=team.police_officer,
                attendance="no_show",
                came_with="brother",
            )

    def test_closing_needs_the_report_and_every_attendance(self, team, market, sellers):
        call_in, invitees = build.ready_call_in(team, market, sellers)
        meeting.call_in_check_in(
            invitee=invitees[0], by=team.police_officer, attendance="attended"
        )
        with pytest.raises(WorkspaceError, match="closing report"):
            meeting.call_in_close(call_in=call_in, by=team.police_lead)
        meeting.closing_report_save(
            call_in=call_in,
            by=team.police_lead,
            what_was_said="The dealing stops now; help is here.",
            agencies_present=[team.agencies["police"], team.agencies["county"]],
        )
        with pytest.raises(WorkspaceError) as refused:
            meeting.call_in_close(call_in=call_in, by=team.police_lead)
        assert "Bo Seller" in str(refused.value) and "Cy Seller" in str(refused.value)
        for invitee, attendance in zip(
            invitees[1:], ["attended", "no_show"], strict=True
        ):
            meeting.call_in_check_in(
                invitee=invitee,
                by=team.police_officer,
                attendance=attendance,
                came_with="grandmother" if attendance == "attended" else "",
            )
        call_in = meeting.call_in_close(call_in=call_in, by=team.police_lead)
        assert call_in.status == CallInStatus.CLOSED
        report = call_in.closing_report
        assert (report.invited_count, report.attended_count) == (3, 2)
        assert (report.no_show_count, report.accompanied_count) == (1, 1)
        closed = AuditEntry.objects.filter(details__event="call_in_closed").get()
        assert closed.details["attended"] == 2

    def test_agencies_present_must_take_part(self, team, market, sellers):
        call_in, _invitees = build.held_call_in(team, market, sellers[:1])
        with pytest.raises(WorkspaceError, match="participating"):
            meeting.closing_report_save(
                call_in=call_in,
                by=team.police_lead,
                what_was_said="Said",
                agencies_present=[team.agencies["federal"]],
            )

    def test_a_held_call_in_keeps_its_time_and_place(self, team, market, sellers):
        call_in, _invitees = build.held_call_in(team, market, sellers[:1])
        with pytest.raises(WorkspaceError, match="held"):
            scheduling.call_in_update(
                call_in=call_in, by=team.police_lead, location="Elsewhere"
            )
        with pytest.raises(WorkspaceError, match="still to come"):
            scheduling.call_in_cancel(call_in=call_in, by=team.police_lead, reason="x")
        scheduling.call_in_update(
            call_in=call_in, by=team.police_lead, logistics_notes="Chairs: 40"
        )

    def test_a_cancelled_call_in_changes_no_more(self, team, scheduled):
        scheduling.call_in_cancel(call_in=scheduled, by=team.police_lead, reason="x")
        with pytest.raises(WorkspaceError, match="cancelled"):
            scheduling.call_in_update(call_in=scheduled, by=team.police_lead, title="Y")
        with pytest.raises(WorkspaceError):
            scheduling.call_in_schedule(call_in=scheduled, by=team.police_lead)


class TestStaff:
    def test_only_staff_of_participating_agencies_are_expected(self, team, scheduled):
        with pytest.raises(WorkspaceError, match="agency"):
            staff.staff_attendee_add(
                call_in=scheduled, user=team.federal_member, by=team.police_lead
            )

    def test_staff_reply_for_themselves(self, team, scheduled):
        staff.staff_attendee_add(
            call_in=scheduled, user=team.county_member, by=team.police_lead
        )
        attendee = staff.staff_attendee_reply(
            call_in=scheduled, by=team.county_member, reply="tentative"
        )
        assert attendee.reply == "tentative" and attendee.replied_at is not None
        with pytest.raises(WorkspaceError, match="staff list"):
            staff.staff_attendee_reply(
                call_in=scheduled, by=team.county_prosecutor, reply="accepted"
            )

    def test_removing_an_agency_takes_its_staff_off_the_list(self, team, scheduled):
        staff.staff_attendee_add(
            call_in=scheduled, user=team.county_member, by=team.police_lead
        )
        scheduling.call_in_agency_remove(
            call_in=scheduled, agency=team.agencies["county"], by=team.police_lead
        )
        assert not scheduled.staff_attendees.exists()

    def test_the_agenda_keeps_its_order(self, team, scheduled):
        staff.agenda_item_add(
            call_in=scheduled,
            by=team.police_lead,
            speaker="Chief",
            topic="Why",
            minutes=5,
        )
        staff.agenda_item_add(
            call_in=scheduled,
            by=team.police_lead,
            speaker="Mother",
            topic="Hope",
            minutes=7,
        )
        assert [i.topic for i in scheduled.agenda_items.all()] == ["Why", "Hope"]
        with pytest.raises(WorkspaceError, match="whole number"):
            staff.agenda_item_add(
                call_in=scheduled,
                by=team.police_lead,
                speaker="X",
                topic="Y",
                minutes=0,
            )
