"""Share a record with another agency (or one user), propose a share, revoke.

28 CFR Part 23: each share states the need to know; every share, proposal,
decision and revocation is in the audit log with its recipient and reason.
Sharing a note shares its amendments; revoking takes them back too.
"""

from django.db import transaction
from django.utils import timezone

from agencies.audit import audit_record
from agencies.choices import ShareStatus
from agencies.models import AuditAction, CaseNote, Share
from agencies.permissions import can_propose_share, can_share, owner_agency_id
from agencies.services.grants import grant_view, revoke_view
from agencies.services.records import WorkspaceError

RECORD_FIELD = {
    "market": "market",
    "subject": "subject",
    "case": "case",
    "casenote": "note",
}


def _share_fields(record) -> dict:
    return {RECORD_FIELD[record._meta.model_name]: record}


def _together(record) -> list:
    """The record and, for a note, its amendments."""
    if isinstance(record, CaseNote):
        return [record, *record.amendments.all()]
    return [record]


def _details(share) -> dict:
    return {
        "agency_id": share.agency_id,
        "user_id": share.user_id,
        "share_id": share.pk,
    }


def _check_recipient(record, agency, user) -> None:
    if (agency is None) == (user is None):
        raise WorkspaceError("Share with one agency or one person.")
    if agency is not None and agency.pk == owner_agency_id(record):
        raise WorkspaceError("The owning agency already sees this record.")


def _active_share_exists(record, agency, user) -> bool:
    return Share.objects.filter(
        **_share_fields(record), agency=agency, user=user, status=ShareStatus.ACTIVE
    ).exists()


@transaction.atomic
def record_share(*, record, by, reason, agency=None, user=None, request=None) -> Share:
    if not can_share(by, record):
        raise WorkspaceError("Only a lead of the owning agency can share this record.")
    if not reason.strip():
        raise WorkspaceError("Give the reason this agency needs to know.")
    _check_recipient(record, agency, user)
    if _active_share_exists(record, agency, user):
        raise WorkspaceError("This record is already shared with them.")
    share = Share.objects.create(
        **_share_fields(record),
        agency=agency,
        user=user,
        reason=reason,
        requested_by=by,
        decided_by=by,
        decided_at=timezone.now(),
    )
    _grant(share, by=by, request=request)
    return share


def _grant(share, *, by, request) -> None:
    for item in _together(share.record):
        grant_view(item, agency=share.agency, user=share.user)
    audit_record(
        action=AuditAction.SHARED,
        request=request,
        user=by,
        obj=share.record,
        reason=share.reason,
        details=_details(share),
    )


@transaction.atomic
def share_propose(*, record, by, reason, agency=None, user=None, request=None) -> Share:
    if not can_propose_share(by, record):
        raise WorkspaceError("Only staff of the owning agency can propose a share.")
    if not reason.strip():
        raise WorkspaceError("Give the reason this agency needs to know.")
    _check_recipient(record, agency, user)
    share = Share.objects.create(
        **_share_fields(record),
        agency=agency,
        user=user,
        reason=reason,
        requested_by=by,
        status=ShareStatus.PROPOSED,
    )
    audit_record(
        action=AuditAction.SHARE_PROPOSED,
        request=request,
        user=by,
        obj=record,
        reason=reason,
        details=_details(share),
    )
    return share


@transaction.atomic
def share_decide(*, share, by, approve: bool, request=None) -> Share:
    share = Share.objects.select_for_update().get(pk=share.pk)
    if share.status != ShareStatus.PROPOSED:
        raise WorkspaceError("This proposal has already been decided.")
    if not can_share(by, share.record):
        raise WorkspaceError("Only a lead of the owning agency can decide.")
    share.decided_by, share.decided_at = by, timezone.now()
    if approve:
        if _active_share_exists(share.record, share.agency, share.user):
            raise WorkspaceError("This record is already shared with them.")
        share.status = ShareStatus.ACTIVE
        share.save()
        _grant(share, by=by, request=request)
    else:
        share.status = ShareStatus.DECLINED
        share.save()
        audit_record(
            action=AuditAction.SHARE_DECLINED,
            request=request,
            user=by,
            obj=share.record,
            reason=share.reason,
            details=_details(share),
        )
    return share


@transaction.atomic
def share_revoke(*, share, by, reason, request=None) -> Share:
    share = Share.objects.select_for_update().get(pk=share.pk)
    if share.status != ShareStatus.ACTIVE:
        raise WorkspaceError("Only an active share can be revoked.")
    if not can_share(by, share.record):
        raise WorkspaceError("Only a lead of the owning agency can revoke a share.")
    if not reason.strip():
        raise WorkspaceError("Give the reason for revoking.")
    share.status = ShareStatus.REVOKED
    share.revoked_by, share.revoked_at, share.revoke_reason = by, timezone.now(), reason
    share.save()
    for item in _together(share.record):
        revoke_view(item, agency=share.agency, user=share.user)
    audit_record(
        action=AuditAction.SHARE_REVOKED,
        request=request,
        user=by,
        obj=share.record,
        reason=reason,
        details=_details(share),
    )
    return share
