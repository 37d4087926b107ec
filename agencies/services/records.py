"""Create markets, subjects, buys and cases; partners of a market."""

from django.db import transaction

from agencies.audit import audit_record
from agencies.choices import CaseStatus
from agencies.models import (
    AuditAction,
    Case,
    CaseStatusChange,
    ControlledBuy,
    Market,
    Subject,
)
from agencies.permissions import agency_of
from agencies.services.grants import grant_view, revoke_view


class WorkspaceError(Exception):
    """A write the rules refuse; the message is shown to the user."""


def _require_agency(user):
    agency = agency_of(user)
    if agency is None:
        raise WorkspaceError("Only agency staff can record this.")
    return agency


@transaction.atomic
def market_create(*, by, request=None, partners=(), **fields) -> Market:
    """The creating user's agency leads; partners see the market at once."""
    agency = _require_agency(by)
    market = Market.objects.create(lead_agency=agency, created_by=by, **fields)
    grant_view(market, agency=agency)
    for partner in partners:
        market_partner_add(market=market, agency=partner, by=by, request=request)
    audit_record(
        action=AuditAction.RECORD_CREATED, request=request, user=by, obj=market
    )
    return market


# The key dates and the phase: what the lead agency keeps up to date.
MARKET_SCHEDULE_FIELDS = (
    "phase",
    "identified_on",
    "investigation_started_on",
    "call_in_on",
    "follow_up_ends_on",
)


@transaction.atomic
def market_schedule_update(*, market, by, request=None, **fields) -> Market:
    """Move a market to another phase or change its key dates (audited)."""
    unknown = set(fields) - set(MARKET_SCHEDULE_FIELDS)
    if unknown:
        raise ValueError(f"Not a schedule field: {sorted(unknown)}")
    changed = sorted(name for name in fields if getattr(market, name) != fields[name])
    if not changed:
        return market
    for name in changed:
        setattr(market, name, fields[name])
    market.save(update_fields=changed)
    audit_record(
        action=AuditAction.RECORD_CHANGED,
        request=request,
        user=by,
        obj=market,
        details={"fields": changed, "phase": market.phase},
    )
    return market


@transaction.atomic
def market_partner_add(
    *, market, agency, by, reason="Market partner", request=None
) -> None:
    if agency.pk == market.lead_agency_id:
        return
    market.partners.add(agency)
    if grant_view(market, agency=agency):
        audit_record(
            action=AuditAction.SHARED,
            request=request,
            user=by,
            obj=market,
            reason=reason,
            details={"agency_id": agency.pk},
        )


@transaction.atomic
def market_partner_remove(*, market, agency, by, reason, request=None) -> None:
    market.partners.remove(agency)
    if revoke_view(market, agency=agency):
        audit_record(
            action=AuditAction.SHARE_REVOKED,
            request=request,
            user=by,
            obj=market,
            reason=reason,
            details={"agency_id": agency.pk},
        )


@transaction.atomic
def subject_create(*, by, market, request=None, **fields) -> Subject:
    agency = _require_agency(by)
    subject = Subject.objects.create(
        market=market, agency=agency, created_by=by, **fields
    )
    grant_view(subject, agency=agency)
    audit_record(
        action=AuditAction.RECORD_CREATED, request=request, user=by, obj=subject
    )
    return subject


@transaction.atomic
def controlled_buy_create(*, by, subject, request=None, **fields) -> ControlledBuy:
    buy = ControlledBuy.objects.create(subject=subject, recorded_by=by, **fields)
    audit_record(
        action=AuditAction.RECORD_CREATED,
        request=request,
        user=by,
        obj=buy,
        details={"subject_id": subject.pk},
    )
    return buy


@transaction.atomic
def case_create(*, by, subject, title, request=None) -> Case:
    agency = _require_agency(by)
    case = Case.objects.create(
        subject=subject, agency=agency, title=title, created_by=by
    )
    CaseStatusChange.objects.create(case=case, to_status=case.status, changed_by=by)
    grant_view(case, agency=agency)
    audit_record(action=AuditAction.RECORD_CREATED, request=request, user=by, obj=case)
    return case


# Which moves a case may make. Activation needs a reason (no-show, renewed dealing).
CASE_TRANSITIONS = {
    CaseStatus.BUILDING: {CaseStatus.READY, CaseStatus.CLOSED},
    CaseStatus.READY: {CaseStatus.BANKED, CaseStatus.FILED, CaseStatus.BUILDING},
    CaseStatus.BANKED: {CaseStatus.ACTIVATED, CaseStatus.CLOSED},
    CaseStatus.ACTIVATED: {CaseStatus.FILED, CaseStatus.CLOSED},
    CaseStatus.FILED: {CaseStatus.CLOSED},
    CaseStatus.CLOSED: set(),
}


@transaction.atomic
def case_status_change(
    *, case, to_status, by, activation_reason="", comment="", request=None
) -> CaseStatusChange:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if to_status not in CASE_TRANSITIONS[case.status]:
        raise WorkspaceError(
            f"A {case.get_status_display().lower()} case cannot become "
            f"{CaseStatus(to_status).label.lower()}."
        )
    if to_status == CaseStatus.ACTIVATED and not activation_reason:
        raise WorkspaceError("Say why the banked case is activated.")
    if to_status != CaseStatus.ACTIVATED:
        activation_reason = ""
    change = CaseStatusChange.objects.create(
        case=case,
        from_status=case.status,
        to_status=to_status,
        activation_reason=activation_reason,
        comment=comment,
        changed_by=by,
    )
    Case.objects.filter(pk=case.pk).update(status=to_status)
    audit_record(
        action=AuditAction.CASE_STATUS_CHANGED,
        request=request,
        user=by,
        obj=case,
        reason=activation_reason,
        details={"from": change.from_status, "to": to_status},
    )
    return change
