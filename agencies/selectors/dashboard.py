"""What the workspace dashboard shows one person, in a bounded number of queries.

Each panel is a short, newest-or-most-urgent-first slice (``DASHBOARD_ROWS``)
read through ``agencies.permissions``; each full list lives on its own page.
"""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from agencies.choices import CaseStatus, DecisionStatus, ShareStatus
from agencies.models import Case, CaseNote, Market, RiskDecision, Share, Subject
from agencies.permissions import agency_of, is_lead, visible

DASHBOARD_ROWS = 10
NEWLY_SHARED_DAYS = 14


def markets_mine(*, user, limit: int = DASHBOARD_ROWS) -> list:
    """Markets my agency leads or is a partner in (and may see)."""
    agency = agency_of(user)
    partner = Market.partners.through.objects.filter(
        market_id=OuterRef("pk"), agency_id=agency.pk
    )
    return list(
        visible(Market, user=user)
        .filter(Q(lead_agency=agency) | Exists(partner))
        .select_related("lead_agency")
        .order_by("name", "pk")[:limit]
    )


def notes_newly_shared(*, user, limit: int = DASHBOARD_ROWS, days=NEWLY_SHARED_DAYS):
    """Active shares of notes with my agency (or me) in the last ``days`` days."""
    agency = agency_of(user)
    since = timezone.now() - datetime.timedelta(days=days)
    return list(
        Share.objects.filter(
            Q(agency=agency) | Q(user=user),
            status=ShareStatus.ACTIVE,
            note__isnull=False,
            decided_at__gte=since,
            note__in=visible(CaseNote, user=user).values("pk"),
        )
        .select_related("note__agency", "note__author", "requested_by")
        .order_by("-decided_at", "-pk")[:limit]
    )


def subjects_awaiting_decision(*, user, limit: int = DASHBOARD_ROWS) -> list:
    """Visible subjects with no approved risk decision, oldest first."""
    approved = RiskDecision.objects.filter(
        subject_id=OuterRef("pk"), status=DecisionStatus.APPROVED
    )
    return list(
        visible(Subject, user=user)
        .filter(~Exists(approved))
        .select_related("agency")
        .order_by("created_at", "pk")[:limit]
    )


def cases_banked_for_review(*, user, limit: int = DASHBOARD_ROWS) -> list:
    """Visible banked cases, oldest first: the ones a call-in is waiting on."""
    return list(
        visible(Case, user=user)
        .filter(status=CaseStatus.BANKED)
        .select_related("agency")
        .order_by("created_at", "pk")[:limit]
    )


def share_proposals_for_me(*, user, limit: int = DASHBOARD_ROWS) -> list:
    """Proposals to share my agency's records, for a lead to decide."""
    if not is_lead(user):
        return []
    agency = agency_of(user)
    return list(
        Share.objects.filter(status=ShareStatus.PROPOSED)
        .filter(
            Q(note__agency=agency)
            | Q(subject__agency=agency)
            | Q(case__agency=agency)
            | Q(market__lead_agency=agency)
        )
        .select_related(
            "note", "subject", "case", "market", "agency", "user", "requested_by"
        )
        .order_by("requested_at", "pk")[:limit]
    )


def dashboard_for(*, user) -> dict:
    return {
        "markets": markets_mine(user=user),
        "newly_shared": notes_newly_shared(user=user),
        "awaiting_decision": subjects_awaiting_decision(user=user),
        "banked_cases": cases_banked_for_review(user=user),
        "proposals": share_proposals_for_me(user=user),
        "rows": DASHBOARD_ROWS,
        "shared_days": NEWLY_SHARED_DAYS,
    }
