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


AGENCY_FIELDS = ("name", "kind", "jurisdiction")


@transaction.atomic
def agency_update(*, agency, name, kind, jurisdiction="", by=None, request=None):
    """Rename or re-describe an agency; its group keeps following its name.

    A change of kind changes who may approve what (police lead, prosecutor
    lead), so every change is a permission change on the record, with the
    names of the fields that changed (never their text).
    """
    current = Agency.objects.select_for_update().get(pk=agency.pk)
    wanted = {"name": name, "kind": kind, "jurisdiction": jurisdiction}
    changed = [
        field for field in AGENCY_FIELDS if getattr(current, field) != wanted[field]
    ]
    if not changed:
        return current
    previous_kind = current.kind
    for field in changed:
        setattr(current, field, wanted[field])
    current.save(update_fields=changed)
    if "name" in changed:
        Group.objects.filter(pk=current.group_id).update(name=f"Agency: {name}"[:150])
    audit_record(
        action=AuditAction.PERMISSION_CHANGED,
        request=request,
        user=by,
        obj=current,
        details={
            "event": "agency_changed",
            "fields": changed,
            "kind": current.kind,
            "previous_kind": previous_kind,
        },
    )
    return current
