"""After the meeting: outcomes, referrals to directory services, follow-ups.

A follow-up that activates a banked case goes through the workspace's own
``case_status_change`` (with its ``ActivationReason``), so the activation is
checked and audited exactly like one made from the case page.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.choices import ActivationReason, CaseStatus
from agencies.models import AuditAction
from agencies.permissions import can_change_case_status
from agencies.services.records import case_status_change
from meetings.call_ins.base import (
    audit,
    clean_text,
    locked,
    refuse_unless,
    require_invitee_access,
    require_status,
)
from meetings.call_ins.permissions import can_update_referral
from meetings.choices import Attendance, CallInStatus, FollowUpKind, ReferralStatus
from meetings.models import FollowUp, Invitee, Referral, ReferralStatusChange

AFTER_THE_MEETING = (CallInStatus.HELD, CallInStatus.CLOSED)

# Forward only; declined from any open step. Completed and declined are final.
REFERRAL_STEPS = [
    ReferralStatus.REFERRED,
    ReferralStatus.FIRST_CONTACT,
    ReferralStatus.ENGAGED,
    ReferralStatus.COMPLETED,
]
REFERRAL_FINAL = {ReferralStatus.COMPLETED, ReferralStatus.DECLINED}


def referral_moves(status: str) -> list[str]:
    """The statuses a referral may move to next."""
    if status in REFERRAL_FINAL:
        return []
    later = REFERRAL_STEPS[REFERRAL_STEPS.index(status) + 1 :]
    return [*later, ReferralStatus.DECLINED]


def _after_meeting(invitee, by):
    call_in = locked(invitee.call_in)
    invitee.call_in = call_in
    require_invitee_access(by, invitee)
    require_status(
        call_in, AFTER_THE_MEETING, _("Outcomes are recorded once the call-in is held.")
    )
    return call_in


@transaction.atomic
def invitee_outcome_record(*, invitee, by, outcome, request=None) -> Invitee:
    _after_meeting(invitee, by)
    invitee.outcome = clean_text(outcome, label=_("Outcome"), max_length=5000)
    invitee.save(update_fields=["outcome"])
    audit(by=by, obj=invitee, event="outcome_recorded", request=request)
    return invitee


@transaction.atomic
def referral_create(
    *,
    invitee,
    service,
    by,
    share_name=False,
    share_contact=False,
    contact="",
    request=None,
) -> Referral:
    """A service offered and accepted; ``share_*`` is what the person agreed to."""
    from resources.models import OrganizationPage, ServicePage

    _after_meeting(invitee, by)
    # What the public directory lists: live, public, not defunct.
    refuse_unless(
        service is not None
        and ServicePage.objects.listed().filter(pk=service.pk).exists(),
        _("Choose a service the directory lists."),
    )
    contact = clean_text(contact, label=_("Contact"), max_length=300, required=False)
    refuse_unless(
        share_contact or not contact,
        _("Leave the contact empty unless the person agreed to be contacted."),
    )
    refuse_unless(
        not share_contact or contact,
        _("Say how the provider may reach them."),
    )
    organization = OrganizationPage.objects.parent_of(service).first()
    referral = Referral.objects.create(
        invitee=invitee,
        service=service,
        service_title=service.title,
        organization=organization,
        share_name=bool(share_name),
        share_contact=bool(share_contact),
        contact=contact,
        created_by=by,
    )
    ReferralStatusChange.objects.create(
        referral=referral, to_status=referral.status, by=by
    )
    audit(
        by=by,
        obj=referral,
        event="referral_created",
        action=AuditAction.RECORD_CREATED,
        request=request,
        invitee_id=invitee.pk,
        service_id=service.pk,
    )
    return referral


@transaction.atomic
def referral_status_update(*, referral, by, to_status, request=None) -> Referral:
    """The provider (or a participant who sees the person) moves the referral on."""
    referral = (
        Referral.objects.select_for_update()
        .select_related("invitee__call_in", "invitee__subject")
        .get(pk=referral.pk)
    )
    refuse_unless(
        can_update_referral(by, referral),
        _("Only the provider or the call-in's agencies can update this referral."),
    )
    refuse_unless(
        to_status in referral_moves(referral.status),
        _("A referral that is “%(from)s” cannot become “%(to)s”.")
        % {
            "from": referral.get_status_display(),
            "to": ReferralStatus(to_status).label
            if to_status in ReferralStatus.values
            else to_status,
        },
    )
    ReferralStatusChange.objects.create(
        referral=referral, from_status=referral.status, to_status=to_status, by=by
    )
    referral.status = to_status
    referral.save(update_fields=["status", "updated_at"])
    audit(
        by=by,
        obj=referral,
        event="referral_status_changed",
        request=request,
        to=to_status,
    )
    return referral


def _check_activation(invitee, by, case, reason) -> None:
    refuse_unless(
        case.subject_id == invitee.subject_id,
        _("That case is not about this invitee."),
    )
    refuse_unless(
        case.status == CaseStatus.BANKED, _("Only a banked case can be activated.")
    )
    refuse_unless(
        can_change_case_status(by, case),
        _("Only the case's agency or a prosecutor lead can activate it."),
    )
    refuse_unless(
        reason in ActivationReason.values,
        _("Say why the case is activated: no-show or renewed dealing."),
    )
    refuse_unless(
        reason != ActivationReason.NO_SHOW or invitee.attendance == Attendance.NO_SHOW,
        _("Only a person recorded as not attending is a no-show."),
    )


@transaction.atomic
def follow_up_record(
    *,
    invitee,
    by,
    kind,
    at,
    notes="",
    activate_case=None,
    activation_reason="",
    request=None,
) -> FollowUp:
    """A new contact, an arrest or other news; optionally activate the banked case."""
    _after_meeting(invitee, by)
    refuse_unless(kind in FollowUpKind.values, _("Choose what happened."))
    refuse_unless(
        at is not None and timezone.is_aware(at) and at <= timezone.now(),
        _("Give when it happened (not in the future)."),
    )
    if activate_case is not None:
        _check_activation(invitee, by, activate_case, activation_reason)
    follow_up = FollowUp.objects.create(
        invitee=invitee,
        kind=kind,
        at=at,
        notes=(notes or "").strip(),
        by=by,
        activated_case=activate_case,
        activation_reason=activation_reason if activate_case is not None else "",
    )
    audit(
        by=by,
        obj=follow_up,
        event="follow_up_recorded",
        action=AuditAction.RECORD_CREATED,
        request=request,
        invitee_id=invitee.pk,
        kind=kind,
    )
    if activate_case is not None:
        case_status_change(
            case=activate_case,
            to_status=CaseStatus.ACTIVATED,
            by=by,
            activation_reason=activation_reason,
            comment="Call-in follow-up",
            request=request,
        )
    return follow_up
