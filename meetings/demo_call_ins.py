"""Demo call-ins on Riverton's markets, built through the call-in services.

* Mill Creek, last month, held and closed: staff attendees and their
  replies, an agenda, three low-risk sellers invited (influentials,
  attempts, agreed plans), two attended and one did not, the closing report,
  outcomes, referrals to the Riverton Recovery Center (whose demo provider
  login is ``provider``) and to Second Chance Works, each moved on by the
  provider or the police; a follow-up activates the no-show's banked case.
* Harbor Heights, next month, scheduled: staff attendees awaiting replies
  and the one seller with an approved low-risk decision invited.

Every write goes through ``meetings.call_ins`` (checked, audited, notices
queued like any other call-in's; dev prints email on the console). Only the
dates the services stamp with "now" (check-in, referral steps, plan) are
moved back to the meeting's day afterwards, so the screens tell a believable
story; the audit log keeps the real times. A call-in whose title exists in
its market is left alone, so a second run adds nothing.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from agencies.choices import ActivationReason
from agencies.demo.markets import MARKETS
from agencies.demo.people import AGENCIES
from agencies.demo.subjects import SUBJECTS
from agencies.models import Agency, Market, Subject
from meetings.call_ins import invitations, meeting, outcomes, scheduling, staff
from meetings.choices import (
    AttemptMethod,
    Attendance,
    CallInStatus,
    FollowUpKind,
    OnSiteService,
    Reply,
)
from meetings.models import (
    CallIn,
    Invitee,
    Referral,
    ReferralStatusChange,
    StaffAttendee,
)
from portal.demo.pages import months_ago

HELD_TITLE = "Mill Creek follow-up call-in"
SCHEDULED_TITLE = "Harbor Heights call-in"
PROVIDER_ORGANIZATION = "riverton-recovery-center"  # resources.demo.build
JOBS_ORGANIZATION = "second-chance-works"

PLAN = {
    "if_absent": "Activate the banked case within a week and ask the county to file.",
    "if_dealing": "Activate the banked case on the next buy; no second warning.",
}

# seller key -> (attendance, came with, influentials, outcome, referrals)
# influentials: (name, relation, how to reach); referrals: (organization slug,
# service slug, share name, contact or "", steps as (by, status, days after
# the meeting)).
HELD_INVITEES = {
    "MC6": (
        Attendance.ATTENDED,
        "Her mother",
        [("Gloria Demo", "Mother", "Lives with her; home phone")],
        "Spoke about her two children; asked for treatment the same week.",
        [
            (
                PROVIDER_ORGANIZATION,
                "buprenorphine-same-day",
                True,
                "555-0142, evenings",
                [("provider", "first_contact", 1), ("provider", "engaged", 7)],
            ),
            (
                PROVIDER_ORGANIZATION,
                "peer-recovery-coaching",
                True,
                "555-0142, evenings",
                [
                    ("provider", "first_contact", 2),
                    ("provider", "engaged", 7),
                    ("provider", "completed", 25),
                ],
            ),
        ],
    ),
    "MC7": (
        Attendance.ATTENDED,
        "Pastor of Creek Road Baptist",
        [
            ("Rev. Alan Example", "Pastor", "Creek Road Baptist, Sundays"),
            ("Denise Sample", "Aunt", "Water St, ask at the laundromat"),
        ],
        "Wanted work more than treatment; took the job program's card.",
        [
            (
                PROVIDER_ORGANIZATION,
                "outpatient-counseling",
                False,
                "",
                [("provider", "declined", 9)],
            ),
            (
                PROVIDER_ORGANIZATION,
                "naloxone-and-test-strips",
                False,
                "",
                [("provider", "first_contact", 3), ("provider", "engaged", 6)],
            ),
            (
                JOBS_ORGANIZATION,
                "job-placement",
                True,
                "Through his pastor",
                [("police_member", "first_contact", 4)],
            ),
        ],
    ),
    "MC1": (Attendance.NO_SHOW, "", [("Coach Ray Placeholder", "Coach", "")], "", []),
}

HELD_STAFF = {
    "police_member": Reply.ACCEPTED,
    "county_lead": Reply.ACCEPTED,
    "probation_member": Reply.TENTATIVE,
    "recovery_lead": Reply.ACCEPTED,
    "community_lead": Reply.DECLINED,
}
SCHEDULED_STAFF = [
    "precinct5_member",
    "county_lead",
    "probation_member",
    "recovery_member",
    "community_lead",
]
AGENDA = [
    ("Precinct commander", "What the police know, and what happens next", 15),
    ("Harbor County Prosecuting Attorney", "The banked cases", 10),
    ("Mothers of Mill Creek", "What the neighborhood wants", 15),
    ("Riverton Recovery Center", "Help available tonight", 20),
]


def _user(username):
    return get_user_model().objects.get(username=username)


def _agency(key) -> Agency:
    return Agency.objects.get(name=AGENCIES[key][0])


def _subject(market, key) -> Subject:
    name = next(item["full_name"] for item in SUBJECTS if item["key"] == key)
    return Subject.objects.get(market=market, full_name=name)


def _service(organization_slug, service_slug):
    from resources.models import OrganizationPage, ServicePage

    organization = OrganizationPage.objects.get(slug=organization_slug)
    return ServicePage.objects.child_of(organization).get(slug=service_slug)


def _evening(day, hour=18):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def demo_ready() -> bool:
    """The workspace and directory demo parts this one builds on are there."""
    from resources.models import OrganizationPage

    return (
        Market.objects.filter(name=MARKETS["mill-creek"]["name"]).exists()
        and OrganizationPage.objects.filter(slug=PROVIDER_ORGANIZATION).exists()
        and get_user_model().objects.filter(username="provider").exists()
    )


@transaction.atomic
def ensure_held_call_in() -> CallIn | None:
    market = Market.objects.get(name=MARKETS["mill-creek"]["name"])
    if CallIn.objects.filter(market=market, title=HELD_TITLE).exists():
        return None
    lead, member = _user("police_lead"), _user("police_member")
    starts = _evening(months_ago(1))
    call_in = scheduling.call_in_create(
        by=lead,
        market=market,
        title=HELD_TITLE,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        location="Mill Creek Library, community room",
        agencies=[_agency(key) for key in ("county", "probation", "recovery", "jobs")]
        + [_agency("community")],
        services_on_site=[OnSiteService.CHILDCARE, OnSiteService.MEAL],
        logistics_notes="Doors at 17:30. Side entrance for invitees.",
        security_notes="Two plain-clothes officers in the lobby; no uniforms inside.",
    ).call_in
    for speaker, topic, minutes in AGENDA:
        staff.agenda_item_add(
            call_in=call_in, by=lead, speaker=speaker, topic=topic, minutes=minutes
        )
    for username in HELD_STAFF:
        staff.staff_attendee_add(call_in=call_in, user=_user(username), by=lead)
    scheduling.call_in_schedule(call_in=call_in, by=lead)
    for username, reply in HELD_STAFF.items():
        staff.staff_attendee_reply(call_in=call_in, by=_user(username), reply=reply)
    invitees = {}
    for key, (_attendance, _with, influentials, *_rest) in HELD_INVITEES.items():
        invitee, _warnings = invitations.invitee_add(
            call_in=call_in, subject=_subject(market, key), by=lead
        )
        for name, relation, reach in influentials:
            invitations.influential_add(
                invitee=invitee,
                by=member,
                name=name,
                relation=relation,
                how_to_reach=reach,
            )
        _attempts(invitee, starts, by=member)
        invitations.invitee_reply_record(
            invitee=invitee,
            by=member,
            reply=Reply.DECLINED if key == "MC1" else Reply.ACCEPTED,
        )
        invitations.follow_up_plan_agree(invitee=invitee, by=lead, **PLAN)
        invitees[key] = invitee
    meeting.call_in_mark_ready(call_in=call_in, by=lead)
    for key, (attendance, came_with, *_rest) in HELD_INVITEES.items():
        meeting.call_in_check_in(
            invitee=invitees[key], by=member, attendance=attendance, came_with=came_with
        )
    _outcomes(invitees, starts, by=member)
    meeting.closing_report_save(
        call_in=call_in,
        by=lead,
        what_was_said=(
            "The commander showed each person the evidence against them and "
            "explained the banked cases. Mothers of Mill Creek spoke for the "
            "neighborhood. Two of three invitees came; both accepted help."
        ),
        agencies_present=[
            _agency(key) for key in ("police", "county", "probation", "recovery")
        ],
    )
    meeting.call_in_close(call_in=call_in, by=lead)
    _no_show_follow_up(invitees["MC1"], starts, by=lead)
    _backdate_meeting(call_in, starts)
    return call_in


def _attempts(invitee, starts, *, by):
    for days_before, method, delivered, notes in (
        (21, AttemptMethod.LETTER, True, "Hand-delivered with the precinct's letter"),
        (14, AttemptMethod.HOME_VISIT, True, "Spoke at the door"),
        (10, AttemptMethod.PHONE, False, "No answer"),
    ):
        invitations.invitation_attempt_record(
            invitee=invitee,
            by=by,
            method=method,
            at=starts - timedelta(days=days_before),
            delivered=delivered,
            notes=notes,
        )


def _outcomes(invitees, starts, *, by):
    referred_at = starts + timedelta(hours=2)
    for key, (*_rest, outcome, referred) in HELD_INVITEES.items():
        invitee = invitees[key]
        if outcome:
            outcomes.invitee_outcome_record(invitee=invitee, by=by, outcome=outcome)
        for organization, service, share_name, contact, steps in referred:
            referral = outcomes.referral_create(
                invitee=invitee,
                service=_service(organization, service),
                by=by,
                share_name=share_name,
                share_contact=bool(contact),
                contact=contact,
            )
            for username, status, _days in steps:
                outcomes.referral_status_update(
                    referral=referral, by=_user(username), to_status=status
                )
            # The services stamped "now": put the steps on the meeting's timeline.
            Referral.objects.filter(pk=referral.pk).update(created_at=referred_at)
            history = referral.history.order_by("at", "pk").values_list("pk", flat=True)
            days = [0, *(day for _by, _status, day in steps)]
            for pk, day in zip(history, days, strict=True):
                ReferralStatusChange.objects.filter(pk=pk).update(
                    at=referred_at + timedelta(days=day)
                )


def _no_show_follow_up(invitee, starts, *, by):
    outcomes.follow_up_record(
        invitee=invitee,
        by=by,
        kind=FollowUpKind.OTHER,
        at=starts + timedelta(days=7),
        notes="Did not come and did not answer the follow-up letter: plan applied.",
        activate_case=invitee.subject.cases.get(),
        activation_reason=ActivationReason.NO_SHOW,
    )


def _backdate_meeting(call_in, starts):
    """Plans agreed a week before, check-in at the door (the services said "now")."""
    invitees = Invitee.objects.filter(call_in=call_in)
    invitees.update(
        plan_agreed_at=starts - timedelta(days=7),
        checked_in_at=starts + timedelta(minutes=10),
    )
    invitees.exclude(replied_at=None).update(replied_at=starts - timedelta(days=9))
    StaffAttendee.objects.filter(call_in=call_in).exclude(replied_at=None).update(
        replied_at=starts - timedelta(days=12)
    )


@transaction.atomic
def ensure_scheduled_call_in() -> CallIn | None:
    market = Market.objects.get(name=MARKETS["harbor-heights"]["name"])
    if CallIn.objects.filter(market=market, title=SCHEDULED_TITLE).exists():
        return None
    lead = _user("precinct5_lead")
    starts = _evening(months_ago(-1))
    call_in = scheduling.call_in_create(
        by=lead,
        market=market,
        title=SCHEDULED_TITLE,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        location="Harbor Street Church Hall, downstairs",
        agencies=[
            _agency(key)
            for key in ("county", "probation", "recovery", "community", "city")
        ],
        services_on_site=[OnSiteService.INTERPRETATION, OnSiteService.TRANSPORT],
        logistics_notes="Spanish and Tagalog interpreters booked.",
    ).call_in
    for username in SCHEDULED_STAFF:
        staff.staff_attendee_add(call_in=call_in, user=_user(username), by=lead)
    scheduling.call_in_schedule(call_in=call_in, by=lead)
    invitations.invitee_add(call_in=call_in, subject=_subject(market, "HH7"), by=lead)
    return call_in


def ensure_demo_call_ins() -> list[CallIn]:
    """Both call-ins, each whole or not at all; those that exist are left alone."""
    built = [ensure_held_call_in(), ensure_scheduled_call_in()]
    return [call_in for call_in in built if call_in is not None]


def call_ins_summary() -> str:
    """One line of counts for load_demo_data (the same on every run)."""
    statuses = dict(
        CallIn.objects.values_list("status").annotate(n=Count("pk")).order_by()
    )
    referrals = Referral.objects.count()
    return (
        f"Meetings: {sum(statuses.values())} call-ins "
        f"({statuses.get(CallInStatus.CLOSED, 0)} closed, "
        f"{statuses.get(CallInStatus.SCHEDULED, 0)} scheduled), "
        f"{Invitee.objects.count()} invitees, {referrals} referrals."
    )
