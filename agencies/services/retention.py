"""28 CFR Part 23 retention: keep a subject or case five more years, or purge it.

A purge removes the person's records and everything about them (cases and
their history, buys, decisions, notes and amendments, shares, grants) in one
transaction, then writes one audit entry that names the record by type and
id only, with counts of what went and who did it. Earlier audit entries
already name records by type and id, so they stay; nothing else of the
person does.
"""

from __future__ import annotations

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import ProtectedError, Q, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.models import GroupObjectPermission, UserObjectPermission

from agencies.audit import audit_record
from agencies.models import AuditAction, AuditEntry, Case, CaseNote, Subject
from agencies.models.retention import review_date_from
from agencies.selectors.retention import WORD, purge_summary, subject_names
from agencies.services.records import WorkspaceError

REASON_MAX = Subject._meta.get_field("validation_reason").max_length


def _require_active_user(user, *, role: str) -> None:
    if user is None or not user.is_authenticated or not user.is_active:
        raise WorkspaceError(_("The %(role)s must be an active user.") % {"role": role})


def _clean_reason(reason: str, *, missing: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise WorkspaceError(missing)
    if len(reason) > REASON_MAX:
        raise WorkspaceError(
            _("Keep the reason to %(max)d characters.") % {"max": REASON_MAX}
        )
    return reason


def purge_reason_clean(*, record: Subject | Case, reason: str) -> str:
    """The purge reason, stripped; refused if blank, too long or naming the person.

    The command checks it before asking for confirmation, and the purge again.
    """
    reason = _clean_reason(reason, missing=_("Give the reason for the purge."))
    _refuse_names(reason, record if isinstance(record, Subject) else record.subject)
    return reason


def _refuse_names(reason: str, subject: Subject) -> None:
    """A purge reason stays in the audit log for good: it must not name the person."""
    words = set(WORD.findall(reason.casefold()))
    for name in subject_names(subject):
        if any(
            len(part) >= 2 and part in words for part in WORD.findall(name.casefold())
        ):
            raise WorkspaceError(
                _(
                    "Do not name the person in the reason: it stays in the audit "
                    "log after the purge. Say why, not who."
                )
            )


@transaction.atomic
def record_validate(*, record: Subject | Case, reviewer, reason: str):
    """The reviewer confirms the record is still needed: review again in five years."""
    if not isinstance(record, (Subject, Case)):
        raise TypeError("Only subjects and cases are reviewed for retention.")
    _require_active_user(reviewer, role=_("reviewer"))
    reason = _clean_reason(reason, missing=_("Give the reason to keep this record."))
    record = type(record).objects.select_for_update().get(pk=record.pk)
    previous_due = record.review_due
    record.validated_at = timezone.now()
    record.validated_by = reviewer
    record.validation_reason = reason
    record.review_due = review_date_from(timezone.localdate())
    record.save(
        update_fields=[
            "validated_at",
            "validated_by",
            "validation_reason",
            "review_due",
        ]
    )
    # The reason is kept on the record (and goes with it if it is ever
    # purged); the audit log gets dates only, never free text about a person.
    audit_record(
        action=AuditAction.RETENTION_VALIDATED,
        user=reviewer,
        obj=record,
        details={
            "review_due": record.review_due.isoformat(),
            "previous_review_due": previous_due.isoformat(),
        },
    )
    return record


@transaction.atomic
def subject_purge(*, subject: Subject, by, reason: str) -> AuditEntry:
    """Remove the subject and everything about them; one audit entry says what went."""
    _require_active_user(by, role=_("person purging"))
    subject = _locked(Subject, subject.pk)
    reason = purge_reason_clean(record=subject, reason=reason)
    case_ids = list(Case.objects.filter(subject=subject).values_list("pk", flat=True))
    note_ids = _note_ids(Q(subject=subject) | Q(case__subject=subject))
    return _purge(
        subject,
        by=by,
        reason=reason,
        related={Subject: [subject.pk], Case: case_ids, CaseNote: note_ids},
    )


@transaction.atomic
def case_purge(*, case: Case, by, reason: str) -> AuditEntry:
    """Remove one case, its history, its notes and their shares; the subject stays."""
    _require_active_user(by, role=_("person purging"))
    case = _locked(Case, case.pk)
    reason = purge_reason_clean(record=case, reason=reason)
    note_ids = _note_ids(Q(case=case))
    return _purge(
        case, by=by, reason=reason, related={Case: [case.pk], CaseNote: note_ids}
    )


def _locked(model, pk):
    """Lock the row so nothing new is attached to it while it is being purged."""
    try:
        return model.objects.select_for_update().get(pk=pk)
    except model.DoesNotExist:
        raise WorkspaceError(_("This record no longer exists.")) from None


def _note_ids(about: Q) -> list[int]:
    # Amendments carry the same subject/case as the note they correct.
    return list(CaseNote.objects.filter(about).values_list("pk", flat=True))


def _purge(record, *, by, reason: str, related: dict) -> AuditEntry:
    model, record_id = type(record), record.pk
    per_model = Counter(_generic_grants_delete(related))
    try:
        _total, deleted = record.delete()
    except (ProtectedError, RestrictedError) as error:
        blockers = sorted({obj._meta.label for obj in error.protected_objects})
        raise WorkspaceError(
            _("Cannot purge: other records still depend on it (%(models)s).")
            % {"models": ", ".join(blockers)}
        ) from None
    per_model.update(deleted)
    return audit_record(
        action=AuditAction.RECORD_PURGED,
        user=by,
        # Only the type and id survive; the instance itself is gone.
        obj=model(pk=record_id),
        reason=reason,
        details=purge_summary(per_model),
    )


def _generic_grants_delete(related: dict) -> dict:
    """Remove any grant in guardian's generic tables too.

    The workspace grants through the direct foreign-key tables, which cascade;
    a row written to the generic tables by other code would not, and would
    keep a grant to an id the database may hand out again.
    """
    counts = Counter()
    for model, ids in related.items():
        if not ids:
            continue
        content_type = ContentType.objects.get_for_model(model)
        object_pks = [str(pk) for pk in ids]
        for table in (UserObjectPermission, GroupObjectPermission):
            deleted, _by_model = table.objects.filter(
                content_type=content_type, object_pk__in=object_pks
            ).delete()
            counts[table._meta.label] += deleted
    return counts
