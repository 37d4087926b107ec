"""Who may see and do what with a call-in: built on ``agencies.permissions``.

* A call-in is seen by the staff of its participating agencies, and by
  nobody else (administrators and auditors included): 404 like a missing id.
* Invitees: every participant sees that invitee #n exists, their reply and
  attendance (the meeting needs the numbers), but the person's name and
  everything about them (influentials, attempts, plan, outcome, referrals)
  only if their agency may see the subject in the workspace (it owns the
  subject, or it was shared with it). A call-in must not become a side door
  around the subject's sharing: 28 CFR Part 23 need-to-know is decided per
  record, by the subject's owner, not by whoever hosts the meeting.
* The host agency's staff run the call-in (time, place, agencies, invitees,
  readiness, closing). Follow-up plans, which decide what happens to a
  banked case, are agreed by a police or prosecutor lead who sees the person.
* Service providers' staff (the directory organization's provider group) see
  only referrals to their own organization's services, and only what the
  person agreed to share; they update the referral's status.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from agencies.models import Subject
from agencies.permissions import agency_of, can_view, is_lead, visible
from meetings.models import CallIn, CallInAgency, Invitee, Referral, StaffAttendee
from resources.selectors import provider_organization_ids


def participating_filter(user) -> Q | None:
    """Q over CallIn for the user's agency, or None for a non-member."""
    agency = agency_of(user)
    if agency is None:
        return None
    return Q(
        Exists(CallInAgency.objects.filter(call_in_id=OuterRef("pk"), agency=agency))
    )


def participates(user, call_in: CallIn) -> bool:
    agency = agency_of(user)
    return (
        agency is not None
        and call_in.pk is not None
        and CallInAgency.objects.filter(call_in_id=call_in.pk, agency=agency).exists()
    )


def is_host(user, call_in: CallIn) -> bool:
    agency = agency_of(user)
    return agency is not None and agency.pk == call_in.host_agency_id


def can_manage(user, call_in: CallIn) -> bool:
    """Change time, place, agencies, attendees, invitees; mark ready; close."""
    return is_host(user, call_in)


def is_staff_attendee(user, call_in: CallIn) -> bool:
    """On the call-in's staff list: replies for themselves."""
    return StaffAttendee.objects.filter(call_in_id=call_in.pk, user_id=user.pk).exists()


def subject_visible_annotation(user):
    """Exists(...) over Invitee rows: may the user see the invitee's subject?"""
    return Exists(visible(Subject, user=user).filter(pk=OuterRef("subject_id")))


def can_see_invitee(user, invitee: Invitee) -> bool:
    """Name and details: a participant whose agency may see the subject."""
    return participates(user, invitee.call_in) and can_view(user, invitee.subject)


def can_agree_plan(user, invitee: Invitee) -> bool:
    agency = agency_of(user)
    return (
        agency is not None
        and (agency.is_police or agency.is_prosecutor)
        and is_lead(user)
        and can_see_invitee(user, invitee)
    )


# --- service providers -------------------------------------------------------


def referrals_for_provider_filter(user) -> Q | None:
    organization_ids = provider_organization_ids(user)
    if not organization_ids:
        return None
    return Q(organization_id__in=organization_ids)


def is_referral_provider(user, referral: Referral) -> bool:
    return referral.organization_id in provider_organization_ids(user)


def can_update_referral(user, referral: Referral) -> bool:
    return is_referral_provider(user, referral) or can_see_invitee(
        user, referral.invitee
    )
