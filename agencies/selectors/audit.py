"""Reads of the audit log, for auditors and administrators only.

The log is append-only, so an export can be pinned to the rows that existed
when it started (``id <= last id``): the row count audited before streaming
is then exactly the number of rows streamed, however long the download
takes and whatever is logged meanwhile.

Reading the log is not reading a confidential record: rows name objects by
type and id only, so auditors learn *that* someone opened case 12, never
what case 12 holds.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Max, Q, QuerySet

from agencies.models import AuditEntry
from agencies.permissions import can_read_audit_log

# What the list and the export show besides the row itself: the agency name.
AUDIT_RELATED = ("agency",)


def _day_start(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


def _filter_q(filters: dict) -> Q:
    """Cleaned filters (see ``AuditFilterForm``) as one condition; UTC days."""
    condition = Q()
    if filters.get("user"):
        condition &= Q(username__iexact=filters["user"])
    if filters.get("agency") is not None:
        condition &= Q(agency_id=filters["agency"].pk)
    for field in ("action", "object_type", "object_id", "outcome"):
        if filters.get(field):
            condition &= Q(**{field: filters[field]})
    if filters.get("ip"):
        condition &= Q(ip_address=filters["ip"])
    if filters.get("date_from"):
        condition &= Q(at__gte=_day_start(filters["date_from"]))
    if filters.get("date_to") and filters["date_to"] < datetime.date.max:
        # Inclusive: everything before the next UTC midnight.
        next_day = filters["date_to"] + datetime.timedelta(days=1)
        condition &= Q(at__lt=_day_start(next_day))
    return condition


def audit_entry_list(*, user, filters: dict) -> QuerySet:
    """Entries matching ``filters``, newest first; none for anyone else.

    One query for a page (agency joined), one for the paginator's count,
    whatever the page size.
    """
    if not can_read_audit_log(user):
        return AuditEntry.objects.none()
    return (
        AuditEntry.objects.filter(_filter_q(filters))
        .select_related(*AUDIT_RELATED)
        .order_by("-at", "-id")
    )


# The export reads plain tuples, not model instances: building 200,000
# AuditEntry objects (and their agencies) was most of an export's time.
EXPORT_FIELDS = (
    "at",
    "username",
    "user_id",
    "agency__name",
    "agency_id",
    "action",
    "object_type",
    "object_id",
    "ip_address",
    "user_agent",
    "outcome",
    "reason",
    "details",
)


def utc_display(at: datetime.datetime) -> str:
    """``AuditEntry.at_display`` for a bare timestamp (UTC, 1/100 s)."""
    at = at.astimezone(datetime.UTC)
    return at.strftime("%Y-%m-%d %H:%M:%S.") + f"{at.microsecond // 10000:02d} UTC"


@dataclass
class AuditExport:
    count: int
    entries: QuerySet

    def rows(self, *, chunk_size: int = 2000):
        """Tuples in ``EXPORT_FIELDS`` order, streamed (server-side cursor on PG)."""
        return self.entries.values_list(*EXPORT_FIELDS).iterator(chunk_size=chunk_size)


def audit_entry_export(*, user, filters: dict) -> AuditExport:
    """The rows an export will stream, pinned to the log as it is now."""
    entries = audit_entry_list(user=user, filters=filters)
    last_id = AuditEntry.objects.aggregate(last=Max("id"))["last"] or 0
    entries = entries.filter(id__lte=last_id)
    return AuditExport(count=entries.count(), entries=entries)
