"""Post a note (seen by the author's agency only) and amend one."""

from django.db import transaction

from agencies.audit import audit_record
from agencies.models import AuditAction, Case, CaseNote, Market, Subject
from agencies.permissions import agency_of
from agencies.services.grants import copy_view_grants, grant_view
from agencies.services.records import WorkspaceError


@transaction.atomic
def case_note_create(*, about, author, text, sensitivity, request=None) -> CaseNote:
    agency = agency_of(author)
    if agency is None:
        raise WorkspaceError("Only agency staff can write notes.")
    if not text.strip():
        raise WorkspaceError("A note needs some text.")
    target = {
        Market: "market",
        Subject: "subject",
        Case: "case",
    }[type(about)]
    note = CaseNote.objects.create(
        **{target: about},
        author=author,
        agency=agency,
        text=text,
        sensitivity=sensitivity,
    )
    grant_view(note, agency=agency)
    audit_record(
        action=AuditAction.RECORD_CREATED,
        request=request,
        user=author,
        obj=note,
        details={"about": about._meta.label_lower, "about_id": about.pk},
    )
    return note


@transaction.atomic
def case_note_amend(*, note, author, text, sensitivity=None, request=None) -> CaseNote:
    """A correction: a new note linked to the original, seen by the same readers."""
    agency = agency_of(author)
    if agency is None or agency.pk != note.agency_id:
        raise WorkspaceError("Only the note's own agency can amend it.")
    if not text.strip():
        raise WorkspaceError("An amendment needs some text.")
    original = note.amends or note
    amendment = CaseNote.objects.create(
        market=original.market,
        subject=original.subject,
        case=original.case,
        amends=original,
        author=author,
        agency=agency,
        text=text,
        sensitivity=sensitivity or original.sensitivity,
    )
    copy_view_grants(source=original, target=amendment)
    audit_record(
        action=AuditAction.NOTE_AMENDED,
        request=request,
        user=author,
        obj=amendment,
        details={"amends_id": original.pk},
    )
    return amendment
