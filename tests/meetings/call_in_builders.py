"""Builders for call-in tests, on top of ``tests.workspace`` (the ``team`` fixture).

The police (3rd precinct) lead the Eastgate market with the county
prosecutor as partner; the police host call-ins; sellers are owned by the
police and shared with another agency only when a test says so.
"""

from datetime import timedelta

from django.utils import timezone

from agencies.choices import RiskTier
from agencies.services import sharing
from agencies.services.decisions import decision_approve, decision_propose
from meetings.call_ins import invitations, meeting, scheduling
from tests import workspace


def evening(days=10, hour=18):
    """A round local hour ``days`` from now (never touching "now")."""
    local = timezone.localtime() + timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


def seller(team, market, *, full_name="Darnell Example", tier=RiskTier.LOW, case=True):
    """A subject of ``market`` with a banked case and an approved ``tier`` decision."""
    subject = workspace.subject(team, market, full_name=full_name)
    if case:
        workspace.case(team, subject)
    fields = {"tier": tier, "rationale": "Reviewed by both leads"}
    if tier == RiskTier.HIGH:
        fields["prosecuting_office"] = "county"
    decision = decision_propose(subject=subject, by=team.police_officer, **fields)
    decision_approve(decision=decision, by=team.police_lead, rationale="Agreed")
    decision_approve(decision=decision, by=team.county_prosecutor, rationale="Agreed")
    return subject


def share(team, record, agency_key):
    return sharing.record_share(
        record=record,
        by=team.police_lead,
        agency=team.agencies[agency_key],
        reason="Call-in planning",
    )


def call_in(
    team,
    market,
    *,
    by="police_lead",
    agencies=("county",),
    starts_at=None,
    hours=2,
    location="Eastgate Community Center, Room 2",
    title="Eastgate call-in",
    **details,
):
    starts_at = starts_at or evening()
    return scheduling.call_in_create(
        by=team.people[by],
        market=market,
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        location=location,
        agencies=[team.agencies[key] for key in agencies],
        **details,
    ).call_in


def invite(team, the_call_in, subject, *, by="police_lead"):
    invitee, _warnings = invitations.invitee_add(
        call_in=the_call_in, subject=subject, by=team.people[by]
    )
    return invitee


def agree_plan(team, invitee, *, by="police_lead"):
    return invitations.follow_up_plan_agree(
        invitee=invitee,
        by=team.people[by],
        if_absent="Activate the banked case within a week.",
        if_dealing="Activate the banked case and file it.",
    )


def ready_call_in(team, market, subjects, **kwargs):
    """A scheduled call-in with every subject invited, every plan agreed, ready."""
    the_call_in = call_in(team, market, **kwargs)
    scheduling.call_in_schedule(call_in=the_call_in, by=team.police_lead)
    invitees = [invite(team, the_call_in, subject) for subject in subjects]
    for invitee in invitees:
        agree_plan(team, invitee)
    the_call_in = meeting.call_in_mark_ready(call_in=the_call_in, by=team.police_lead)
    return the_call_in, invitees


def held_call_in(team, market, subjects, *, attendance=None, **kwargs):
    """A ready call-in with everyone checked in (``attendance`` per invitee)."""
    the_call_in, invitees = ready_call_in(team, market, subjects, **kwargs)
    for index, invitee in enumerate(invitees):
        meeting.call_in_check_in(
            invitee=invitee,
            by=team.police_officer,
            attendance=(attendance or {}).get(index, "attended"),
        )
    the_call_in.refresh_from_db()
    for invitee in invitees:
        invitee.refresh_from_db()
    return the_call_in, invitees
