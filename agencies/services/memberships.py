"""Agencies and who works for them. Every change is audited."""

from django.contrib.auth.models import Group
from django.db import transaction

from agencies.audit import audit_record
from agencies.models import Agency, AuditAction, Membership


@transaction.atomic
def agency_create(*, name, kind, jurisdiction="", by=None, request=None) -> Agency:
    """An agency and its own group (named after it, so the admin shows who it is)."""
    group, _ = Group.objects.get_or_create(name=f"Agency: {name}"[:150])
    agency = Agency.objects.create(
        name=name, kind=kind, jurisdiction=jurisdiction, group=group
    )
    audit_record(
        action=AuditAction.PERMISSION_CHANGED,
        request=request,
        user=by,
        obj=agency,
        details={"event": "agency_created"},
    )
    return agency


@transaction.atomic
def membership_set(*, user, agency, role, by=None, request=None) -> Membership:
    """Join (or move to) ``agency`` with ``role``; leaving the old group at once."""
    previous = Membership.objects.select_related("agency").filter(user=user).first()
    if previous is not None and previous.agency_id != agency.pk:
        user.groups.remove(previous.agency.group)
    membership, _ = Membership.objects.update_or_create(
        user=user, defaults={"agency": agency, "role": role}
    )
    user.groups.add(agency.group)
    if hasattr(user, "_workspace_membership"):
        del user._workspace_membership
    audit_record(
        action=AuditAction.MEMBERSHIP_CHANGED,
        request=request,
        user=by,
        obj=membership,
        details={
            "member_id": user.pk,
            "agency_id": agency.pk,
            "role": role,
            "previous_agency_id": previous.agency_id if previous else None,
            "previous_role": previous.role if previous else None,
        },
    )
    return membership


@transaction.atomic
def membership_end(*, membership, by=None, request=None) -> None:
    user, agency = membership.user, membership.agency
    user.groups.remove(agency.group)
    audit_record(
        action=AuditAction.MEMBERSHIP_CHANGED,
        request=request,
        user=by,
        obj=membership,
        details={"member_id": user.pk, "agency_id": agency.pk, "event": "ended"},
    )
    membership.delete()
    if hasattr(user, "_workspace_membership"):
        del user._workspace_membership
