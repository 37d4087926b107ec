"""Reads for the 28 CFR Part 23 retention review (an administrators' tool).

The review is run by an administrator on the server (``manage.py
retention_review``), not through the workspace, so these reads are not
filtered per user. They still keep names out of their answers: a listing row
carries the record's type, id, market id and the subject's initials only.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.db import router
from django.db.models import Q
from django.db.models.deletion import Collector

from agencies.models import (
    AuditEntry,
    Case,
    CaseNote,
    CaseStatusChange,
    ControlledBuy,
    RiskDecision,
    Share,
    Subject,
)
from agencies.permissions import GRANT_MODELS

WORD = re.compile(r"[^\W_]+")

# "subject:12" / "case:7" on the command line.
RETAINED_KINDS = {"subject": Subject, "case": Case}

# What a purge summary counts; any other model a purge removes is in "other".
SUMMARY_KEYS = {
    Case: "cases",
    CaseNote: "notes",
    ControlledBuy: "buys",
    RiskDecision: "decisions",
    Share: "shares",
    CaseStatusChange: "history",
}
GRANT_TABLES = {grant for pair in GRANT_MODELS.values() for grant in pair}


@dataclass(frozen=True)
class DueRecord:
    kind: str
    id: int
    market_id: int
    initials: str
    created_at: datetime.datetime
    validated_at: datetime.datetime | None
    review_due: datetime.date


def initials_of(full_name: str) -> str:
    """``"Darnell O'Neil Example"`` → ``"D.O.E."``: letters only, never the name."""
    letters = [
        match.group(0).upper()
        for word in full_name.split()
        if (match := re.search(r"[^\W\d_]", word))
    ]
    return "".join(f"{letter}." for letter in letters)


def retention_due(*, on: datetime.date) -> list[DueRecord]:
    """Subjects and cases whose review is due on or before ``on`` (two queries)."""
    subjects = Subject.objects.filter(review_due__lte=on).values_list(
        "pk", "market_id", "full_name", "created_at", "validated_at", "review_due"
    )
    cases = Case.objects.filter(review_due__lte=on).values_list(
        "pk",
        "subject__market_id",
        "subject__full_name",
        "created_at",
        "validated_at",
        "review_due",
    )
    rows = [
        DueRecord(kind, pk, market_id, initials_of(name), created, validated, due)
        for kind, queryset in (("subject", subjects), ("case", cases))
        for pk, market_id, name, created, validated, due in queryset
    ]
    rows.sort(key=lambda row: (row.review_due, row.kind != "subject", row.id))
    return rows


def retained_record_get(*, kind: str, pk: int) -> Subject | Case:
    """The subject or case named on the command line; DoesNotExist if there is none."""
    if kind == "case":
        return Case.objects.select_related("subject").get(pk=pk)
    return RETAINED_KINDS[kind].objects.get(pk=pk)


def subject_of(record: Subject | Case) -> Subject:
    return record if isinstance(record, Subject) else record.subject


def purge_summary(per_model: Counter) -> dict:
    """Counts by label (``{"agencies.Case": 2, ...}``) → the audit entry's details."""
    details = dict.fromkeys(SUMMARY_KEYS.values(), 0)
    details["grants"] = 0
    other = {}
    for label, count in per_model.items():
        model = _model_by_label(label)
        if model in SUMMARY_KEYS:
            details[SUMMARY_KEYS[model]] += count
        elif model in GRANT_TABLES or label.startswith("guardian."):
            details["grants"] += count
        elif model not in RETAINED_KINDS.values() and count:
            other[label] = count
    details["other"] = other
    return details


def _model_by_label(label: str):
    return apps.get_model(label)


def purge_preview(*, record: Subject | Case) -> dict:
    """What purging ``record`` would remove, counted as the audit entry counts it.

    It asks Django's deletion collector, the same code the purge itself runs,
    so the preview and the purge cannot disagree about the cascades. It deletes
    nothing.
    """
    collector = Collector(using=router.db_for_write(type(record)))
    collector.collect([record])
    per_model = Counter()
    for model, instances in collector.data.items():
        per_model[model._meta.label] += len(instances)
    for queryset in collector.fast_deletes:
        per_model[queryset.model._meta.label] += queryset.count()
    return purge_summary(per_model)


def name_mentions(*, subject: Subject, limit: int = 20) -> dict:
    """Rows a purge of ``subject`` would NOT remove whose free text names them.

    Notes on the market and reasons written into the audit log are kept by
    design; if they name the person, the operator must know before purging.
    Searches the full name, each alias and each word of the full name (a
    surname alone is a mention), skipping words under three letters that would
    match almost every row. Returns up to ``limit`` note and audit entry ids
    each and their totals (never the text).
    """
    words = [w for w in WORD.findall(subject.full_name) if len(w) >= 3]
    terms = {t for t in [*subject_names(subject), *words] if len(t) >= 3}
    if not terms:
        return {"notes": [], "notes_total": 0, "audit": [], "audit_total": 0}
    text_has_name, reason_has_name = Q(), Q()
    for term in sorted(terms):
        text_has_name |= Q(text__icontains=term)
        reason_has_name |= Q(reason__icontains=term)
    notes = (
        CaseNote.objects.filter(text_has_name)
        .exclude(Q(subject=subject) | Q(case__subject=subject))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    audit = (
        AuditEntry.objects.filter(reason_has_name)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return {
        "notes": list(notes[:limit]),
        "notes_total": notes.count(),
        "audit": list(audit[:limit]),
        "audit_total": audit.count(),
    }


def subject_names(subject: Subject) -> list[str]:
    """The full name and each alias, as typed (blank ones dropped)."""
    names = [subject.full_name, *subject.aliases.split(",")]
    return [name.strip() for name in names if name.strip()]
