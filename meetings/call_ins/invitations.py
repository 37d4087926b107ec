"""Invite low-risk sellers, reach them and their influentials, agree the plan.

Who may be invited: a subject of the call-in's market whose latest approved
risk decision is low (their case is banked for the call-in), and whom the
host's staff may see. Everything written here is about a person, so it is
written only by participants who may see that person (``can_see_invitee``).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.choices import DecisionStatus, RiskTier
from agencies.models import AuditAction
from agencies.permissions import can_view
from meetings.call_ins.base import (
    audit,
    clean_text,
    locked,
    refuse_unless,
    require_invitee_access,
    require_manager,
    require_status,
)
from meetings.call_ins.conflicts import Conflict, call_in_conflicts
from meetings.call_ins.meeting import readiness_lost
from meetings.call_ins.permissions import can_agree_plan
from meetings.choices import AttemptMethod, Reply
from meetings.models import Influential, InvitationAttempt, Invitee
from meetings.models.call_ins import OPEN_STATUSES

NOT_BEFORE_THE_MEETING = gettext_lazy(
    "Invitations close once the call-in is held or cancelled."
)


def latest_approved_tier(subject) -> str | None:
    decision = (
        subject.decisions.filter(status=DecisionStatus.APPROVED)
        .order_by("-proposed_at", "-pk")
        .first()
    )
    return decision.tier if decision is not None else None


@transaction.atomic
def invitee_add(
    *, call_in, subject, by, request=None
) -> tuple[Invitee, list[Conflict]]:
    call_in = locked(call_in)
    require_manager(by, call_in)
    require_status(call_in, OPEN_STATUSES, str(NOT_BEFORE_THE_MEETING))
    refuse_unless(can_view(by, subject), _("Your agency cannot see this person."))
    refuse_unless(
        subject.market_id == call_in.market_id,
        _("Only people of the call-in's market can be invited."),
    )
    refuse_unless(
        latest_approved_tier(subject) == RiskTier.LOW,
        _("Only people with an approved low-risk decision can be invited."),
    )
    refuse_unless(
        not Invitee.objects.filter(call_in=call_in, subject=subject).exists(),
        _("This person is already invited."),
    )
    number = (call_in.invitees.aggregate(top=Max("number"))["top"] or 0) + 1
    invitee = Invitee.objects.create(
        call_in=call_in, subject=subject, number=number, added_by=by
    )
    audit(
        by=by,
        obj=invitee,
        event="invitee_added",
        action=AuditAction.RECORD_CREATED,
        request=request,
        call_in_id=call_in.pk,
        subject_id=subject.pk,
    )
    readiness_lost(call_in, by=by, request=request)
    warnings = call_in_conflicts(
        starts_at=call_in.starts_at,
        ends_at=call_in.ends_at,
        subject_ids=[subject.pk],
        exclude_id=call_in.pk,
        viewer=by,
    )
    return invitee, warnings


@transaction.atomic
def invitee_remove(*, invitee, by, request=None) -> None:
    call_in = locked(invitee.call_in)
    require_manager(by, call_in)
    require_status(call_in, OPEN_STATUSES, str(NOT_BEFORE_THE_MEETING))
    audit(
        by=by,
        obj=call_in,
        event="invitee_removed",
        request=request,
        invitee_id=invitee.pk,
        subject_id=invitee.subject_id,
    )
    invitee.delete()


def _open_invitee(invitee, by):
    """Lock the call-in; refuse unless it is to come and ``by`` sees the person."""
    call_in = locked(invitee.call_in)
    invitee.call_in = call_in
    require_invitee_access(by, invitee)
    require_status(call_in, OPEN_STATUSES, str(NOT_BEFORE_THE_MEETING))
    return call_in


@transaction.atomic
def invitee_reply_record(*, invitee, by, reply, request=None) -> Invitee:
    _open_invitee(invitee, by)
    refuse_unless(reply in Reply.values, _("Choose a reply."))
    invitee.reply = reply
    invitee.replied_at = None if reply == Reply.AWAITING else timezone.now()
    invitee.save(update_fields=["reply", "replied_at"])
    audit(by=by, obj=invitee, event="invitee_reply", request=request, reply=reply)
    return invitee


@transaction.atomic
def influential_add(
    *, invitee, by, name, relation, how_to_reach="", request=None
) -> Influential:
    _open_invitee(invitee, by)
    influential = Influential.objects.create(
        invitee=invitee,
        name=clean_text(name, label=_("Name"), max_length=200),
        relation=clean_text(relation, label=_("Relation"), max_length=100),
        how_to_reach=clean_text(
            how_to_reach, label=_("How to reach them"), max_length=300, required=False
        ),
        added_by=by,
    )
    audit(
        by=by,
        obj=influential,
        event="influential_added",
        action=AuditAction.RECORD_CREATED,
        request=request,
        invitee_id=invitee.pk,
    )
    return influential


@transaction.atomic
def influential_remove(*, influential, by, request=None) -> None:
    _open_invitee(influential.invitee, by)
    audit(
        by=by,
        obj=influential.invitee,
        event="influential_removed",
        request=request,
        influential_id=influential.pk,
    )
    influential.delete()


@transaction.atomic
def invitation_attempt_record(
    *, invitee, by, method, at, delivered, notes="", request=None
) -> InvitationAttempt:
    """A letter, home visit or call: when, by whom, delivered or not."""
    _open_invitee(invitee, by)
    refuse_unless(method in AttemptMethod.values, _("Choose letter, visit or phone."))
    refuse_unless(at is not None and timezone.is_aware(at), _("Give when it happened."))
    refuse_unless(at <= timezone.now(), _("An attempt cannot be in the future."))
    attempt = InvitationAttempt.objects.create(
        invitee=invitee,
        method=method,
        at=at,
        by=by,
        delivered=bool(delivered),
        notes=clean_text(notes, label=_("Notes"), max_length=300, required=False),
    )
    audit(
        by=by,
        obj=attempt,
        event="invitation_attempt",
        action=AuditAction.RECORD_CREATED,
        request=request,
        invitee_id=invitee.pk,
        method=method,
        delivered=attempt.delivered,
    )
    return attempt


@transaction.atomic
def follow_up_plan_agree(
    *, invitee, by, if_absent, if_dealing, request=None
) -> Invitee:
    """What happens if they stay away, and if they keep dealing (RAND).

    Agreed by a police or prosecutor lead who may see the person; agreeing
    again replaces the plan (the audit log keeps who and when).
    """
    call_in = _open_invitee(invitee, by)
    refuse_unless(
        can_agree_plan(by, invitee),
        _("A police or prosecutor lead agrees the follow-up plan."),
    )
    invitee.plan_if_absent = clean_text(
        if_absent, label=_("If they do not attend"), max_length=5000
    )
    invitee.plan_if_dealing = clean_text(
        if_dealing, label=_("If they keep dealing"), max_length=5000
    )
    invitee.plan_agreed_at = timezone.now()
    invitee.plan_agreed_by = by
    invitee.save(
        update_fields=[
            "plan_if_absent",
            "plan_if_dealing",
            "plan_agreed_at",
            "plan_agreed_by",
        ]
    )
    audit(
        by=by,
        obj=invitee,
        event="follow_up_plan_agreed",
        request=request,
        call_in_id=call_in.pk,
    )
    return invitee
