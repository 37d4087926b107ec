"""Create, schedule, change and cancel call-ins; which agencies take part.

Changes that matter to the people expected there — time, place, cancellation
— raise the calendar ``sequence`` and email the staff attendees; other
changes (title, notes, services on site) do neither. Every write is audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from agencies.models import AuditAction, Membership
from agencies.permissions import agency_of, can_view
from meetings.call_ins import tasks
from meetings.call_ins.base import (
    WorkspaceError,
    audit,
    clean_text,
    locked,
    refuse_unless,
    require_manager,
    require_status,
    validation_message,
)
from meetings.call_ins.conflicts import Conflict, call_in_conflicts_for
from meetings.choices import CallInStatus, OnSiteService
from meetings.models import CallIn, CallInAgency, StaffAttendee
from meetings.models.call_ins import (
    OPEN_STATUSES,
    PUBLISHED_STATUSES,
    check_times,
    location_key,
)

MATERIAL_FIELDS = frozenset({"starts_at", "ends_at", "location"})
EDITABLE_FIELDS = frozenset(
    {
        "title",
        "starts_at",
        "ends_at",
        "location",
        "security_notes",
        "logistics_notes",
        "services_on_site",
        "services_on_site_notes",
    }
)


@dataclass
class Scheduled:
    """A call-in after a write, and the clashes the host should know about."""

    call_in: CallIn
    warnings: list[Conflict] = field(default_factory=list)


def _clean(values: dict) -> dict:
    cleaned = dict(values)
    if "title" in cleaned:
        cleaned["title"] = clean_text(
            cleaned["title"], label=_("Title"), max_length=200
        )
    if "location" in cleaned:
        cleaned["location"] = clean_text(
            cleaned["location"], label=_("Place"), max_length=300
        )
        cleaned["location_key"] = location_key(cleaned["location"])
    for name in ("security_notes", "logistics_notes"):
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip()
    if "services_on_site_notes" in cleaned:
        cleaned["services_on_site_notes"] = clean_text(
            cleaned["services_on_site_notes"],
            label=_("Services on site"),
            max_length=300,
            required=False,
        )
    if "services_on_site" in cleaned:
        codes = list(dict.fromkeys(cleaned["services_on_site"] or []))
        unknown = [code for code in codes if code not in OnSiteService.values]
        refuse_unless(
            not unknown,
            _("Unknown service on site: %(codes)s.") % {"codes": ", ".join(unknown)},
        )
        cleaned["services_on_site"] = codes
    return cleaned


def _check_times(starts_at, ends_at) -> None:
    try:
        check_times(starts_at, ends_at)
    except ValidationError as error:
        raise WorkspaceError(validation_message(error)) from None


@transaction.atomic
def call_in_create(
    *,
    by,
    market,
    title,
    starts_at,
    ends_at,
    location,
    agencies=(),
    request=None,
    **details,
) -> Scheduled:
    """A draft call-in hosted by ``by``'s agency; the host always takes part."""
    host = agency_of(by)
    refuse_unless(host is not None, _("Only agency staff can plan a call-in."))
    refuse_unless(can_view(by, market), _("Your agency cannot see this market."))
    unknown = set(details) - EDITABLE_FIELDS
    refuse_unless(not unknown, _("These details cannot be set here."))
    cleaned = _clean(
        {"title": title, "location": location, "starts_at": starts_at, **details}
    )
    _check_times(starts_at, ends_at)
    call_in = CallIn.objects.create(
        market=market, host_agency=host, ends_at=ends_at, created_by=by, **cleaned
    )
    CallInAgency.objects.create(call_in=call_in, agency=host, added_by=by)
    audit(
        by=by,
        obj=call_in,
        event="call_in_created",
        action=AuditAction.RECORD_CREATED,
        request=request,
        market_id=market.pk,
    )
    for agency in agencies:
        call_in_agency_add(call_in=call_in, agency=agency, by=by, request=request)
    return Scheduled(call_in, call_in_conflicts_for(call_in, viewer=by))


@transaction.atomic
def call_in_update(*, call_in, by, request=None, **changes) -> Scheduled:
    """Change details; a new time or place is a material change (see module)."""
    call_in = locked(call_in)
    require_manager(by, call_in)
    refuse_unless(
        set(changes) <= EDITABLE_FIELDS, _("These details cannot be changed here.")
    )
    require_status(
        call_in,
        (*OPEN_STATUSES, CallInStatus.HELD),
        _("A closed or cancelled call-in cannot be changed."),
    )
    cleaned = _clean(changes)
    changed = {
        name for name, value in cleaned.items() if getattr(call_in, name) != value
    }
    changed.discard("location_key")
    material = changed & MATERIAL_FIELDS
    refuse_unless(
        not material or call_in.status != CallInStatus.HELD,
        _("A call-in that was held keeps its time and place."),
    )
    _check_times(
        cleaned.get("starts_at", call_in.starts_at),
        cleaned.get("ends_at", call_in.ends_at),
    )
    if not changed:
        return Scheduled(call_in)
    for name, value in cleaned.items():
        setattr(call_in, name, value)
    if material:
        call_in.sequence += 1
    call_in.save()
    audit(
        by=by,
        obj=call_in,
        event="call_in_changed",
        request=request,
        fields=sorted(changed),
    )
    if material and call_in.status in PUBLISHED_STATUSES:
        kind = "rescheduled" if material - {"location"} else "moved"
        tasks.notice_on_commit(call_in, kind=kind)
        tasks.reminder_on_commit(call_in)
    warnings = call_in_conflicts_for(call_in, viewer=by) if material else []
    return Scheduled(call_in, warnings)


@transaction.atomic
def call_in_schedule(*, call_in, by, request=None) -> Scheduled:
    """Draft → scheduled: the staff attendees hear of it; its reminder is queued."""
    call_in = locked(call_in)
    require_manager(by, call_in)
    require_status(
        call_in, (CallInStatus.DRAFT,), _("Only a draft call-in can be scheduled.")
    )
    call_in.status = CallInStatus.SCHEDULED
    call_in.save(update_fields=["status", "updated_at"])
    audit(by=by, obj=call_in, event="call_in_scheduled", request=request)
    tasks.notice_on_commit(call_in, kind="scheduled")
    tasks.reminder_on_commit(call_in)
    return Scheduled(call_in, call_in_conflicts_for(call_in, viewer=by))


@transaction.atomic
def call_in_cancel(*, call_in, by, reason, request=None) -> CallIn:
    call_in = locked(call_in)
    require_manager(by, call_in)
    require_status(
        call_in, OPEN_STATUSES, _("Only a call-in still to come can be cancelled.")
    )
    reason = clean_text(reason, label=_("Reason"), max_length=300)
    was_published = call_in.status in PUBLISHED_STATUSES
    call_in.status = CallInStatus.CANCELLED
    call_in.cancelled_reason = reason
    call_in.sequence = F("sequence") + 1
    call_in.save(update_fields=["status", "cancelled_reason", "sequence", "updated_at"])
    call_in.refresh_from_db()
    # The reason may be about a person: it stays on the call-in, not in the log.
    audit(by=by, obj=call_in, event="call_in_cancelled", request=request)
    if was_published:
        tasks.notice_on_commit(call_in, kind="cancelled")
    return call_in


# --- participating agencies and staff ----------------------------------------


@transaction.atomic
def call_in_agency_add(*, call_in, agency, by, request=None) -> bool:
    """Let ``agency``'s staff see the call-in; False if they already do."""
    call_in = locked(call_in)
    require_manager(by, call_in)
    require_status(
        call_in,
        (*OPEN_STATUSES, CallInStatus.HELD),
        _("A closed or cancelled call-in keeps its agencies."),
    )
    _row, created = CallInAgency.objects.get_or_create(
        call_in=call_in, agency=agency, defaults={"added_by": by}
    )
    if created:
        audit(
            by=by,
            obj=call_in,
            event="call_in_agency_added",
            action=AuditAction.SHARED,
            request=request,
            reason="Call-in participant",
            agency_id=agency.pk,
        )
    return created


@transaction.atomic
def call_in_agency_remove(*, call_in, agency, by, request=None) -> None:
    """The agency stops seeing the call-in; its staff leave the attendee list."""
    call_in = locked(call_in)
    require_manager(by, call_in)
    refuse_unless(
        agency.pk != call_in.host_agency_id,
        _("The host agency always takes part in its call-in."),
    )
    require_status(
        call_in, OPEN_STATUSES, _("Agencies leave only a call-in still to come.")
    )
    members = Membership.objects.filter(agency=agency).values("user_id")
    StaffAttendee.objects.filter(call_in=call_in, user_id__in=members).delete()
    deleted, _rows = CallInAgency.objects.filter(
        call_in=call_in, agency=agency
    ).delete()
    if deleted:
        audit(
            by=by,
            obj=call_in,
            event="call_in_agency_removed",
            action=AuditAction.SHARE_REVOKED,
            request=request,
            reason="Call-in participant removed",
            agency_id=agency.pk,
        )
