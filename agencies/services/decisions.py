"""Risk decisions: proposed, then approved by a police lead and a prosecutor lead.

An approved low-risk decision banks the subject's open cases for the
call-in; an approved high-risk decision marks them ready for the office
that will prosecute.
"""

from django.db import transaction
from django.utils import timezone

from agencies.audit import audit_record
from agencies.choices import CaseStatus, DecisionStatus, RiskTier
from agencies.models import AuditAction, RiskDecision
from agencies.permissions import approval_role
from agencies.services.records import WorkspaceError, case_status_change


@transaction.atomic
def decision_propose(*, subject, by, request=None, **fields) -> RiskDecision:
    if subject.decisions.filter(status=DecisionStatus.PROPOSED).exists():
        raise WorkspaceError("This subject already has a decision awaiting approval.")
    if fields.get("tier") == RiskTier.HIGH and not fields.get("prosecuting_office"):
        raise WorkspaceError("Say which office prosecutes a high-risk subject.")
    if fields.get("tier") == RiskTier.LOW:
        fields["prosecuting_office"] = ""
    decision = RiskDecision.objects.create(subject=subject, proposed_by=by, **fields)
    audit_record(
        action=AuditAction.DECISION_PROPOSED,
        request=request,
        user=by,
        obj=decision,
        details={"subject_id": subject.pk, "tier": decision.tier},
    )
    return decision


@transaction.atomic
def decision_approve(*, decision, by, rationale, request=None) -> RiskDecision:
    decision = RiskDecision.objects.select_for_update().get(pk=decision.pk)
    role = approval_role(by)
    if decision.status != DecisionStatus.PROPOSED:
        raise WorkspaceError("This decision is no longer awaiting approval.")
    if role is None:
        raise WorkspaceError("Only a police lead or a prosecutor lead can approve.")
    if not rationale.strip():
        raise WorkspaceError("Give the rationale for your approval.")
    now = timezone.now()
    if role == "police":
        if decision.police_approved_by_id:
            raise WorkspaceError("A police lead has already approved this decision.")
        decision.police_approved_by, decision.police_approved_at = by, now
        decision.police_rationale = rationale
    else:
        if decision.prosecutor_approved_by_id:
            raise WorkspaceError(
                "A prosecutor lead has already approved this decision."
            )
        decision.prosecutor_approved_by, decision.prosecutor_approved_at = by, now
        decision.prosecutor_rationale = rationale
    if decision.police_approved_by_id and decision.prosecutor_approved_by_id:
        decision.status = DecisionStatus.APPROVED
    decision.save()
    audit_record(
        action=AuditAction.DECISION_APPROVED,
        request=request,
        user=by,
        obj=decision,
        details={"role": role, "complete": decision.status == DecisionStatus.APPROVED},
    )
    if decision.status == DecisionStatus.APPROVED:
        _apply_to_cases(decision, by=by, request=request)
    return decision


def _apply_to_cases(decision, *, by, request) -> None:
    target = CaseStatus.BANKED if decision.tier == RiskTier.LOW else CaseStatus.READY
    for case in decision.subject.cases.filter(
        status__in=[CaseStatus.BUILDING, CaseStatus.READY]
    ):
        if case.status == CaseStatus.BUILDING:
            case_status_change(
                case=case,
                to_status=CaseStatus.READY,
                by=by,
                request=request,
                comment="Risk decision approved",
            )
        if target == CaseStatus.BANKED:
            case_status_change(
                case=case,
                to_status=CaseStatus.BANKED,
                by=by,
                request=request,
                comment="Low risk: banked for the call-in",
            )
