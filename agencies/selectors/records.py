"""Permission-aware reads of markets, subjects and cases for the record screens.

Every row comes from ``agencies.permissions.visible`` (or
``get_visible_or_404``); nothing here decides who sees what. Lists are
annotated in SQL so that a page costs the same number of queries whatever
its size: one count, one page of rows, and at most one prefetch.

A record the viewer may open can point at one they may not (a case shared
with an agency that does not see its subject, a subject whose market is not
theirs): each such link is annotated ``*_visible`` and the templates show
the name only when it is true.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from agencies.choices import CaseStatus, DecisionStatus
from agencies.models import (
    Agency,
    Case,
    CaseStatusChange,
    Market,
    RiskDecision,
    Subject,
)
from agencies.permissions import (
    approval_role,
    can_change,
    can_change_case_status,
    can_propose_decision,
    can_share,
    get_visible_or_404,
    visible,
)

# How many of a market's subjects its page lists (the full list is filterable).
MARKET_SUBJECTS_SHOWN = 50
CASE_REVIEW = "review"  # the cases list's "banked cases due for review"


def paginate(queryset, *, page, per_page) -> Page:
    """One page (out-of-range numbers fall back to the nearest page)."""
    return Paginator(queryset, per_page).get_page(page)


def _visible_exists(model, *, user, field: str):
    """SQL: may the viewer open the ``model`` row that ``field`` points at?"""
    return Exists(visible(model, user=user).filter(pk=OuterRef(field)))


# --- markets -----------------------------------------------------------------


def market_list(*, user, phase: str = "") -> QuerySet:
    markets = visible(Market, user=user).select_related("lead_agency")
    if phase:
        markets = markets.filter(phase=phase)
    return markets.prefetch_related(
        Prefetch("partners", queryset=Agency.objects.order_by("name"))
    ).order_by("name", "pk")


def market_detail(*, user, pk) -> dict:
    market = get_visible_or_404(
        Market,
        user=user,
        pk=pk,
        queryset=Market.objects.select_related("lead_agency", "neighborhood"),
    )
    subjects = list(subject_list(user=user, market=market)[: MARKET_SUBJECTS_SHOWN + 1])
    return {
        "market": market,
        "partners": list(market.partners.order_by("name")),
        "subjects": subjects[:MARKET_SUBJECTS_SHOWN],
        "more_subjects": len(subjects) > MARKET_SUBJECTS_SHOWN,
        "can_edit": can_change(user, market),
        "can_manage_partners": can_share(user, market),
        "neighborhood_live": bool(market.neighborhood and market.neighborhood.live),
    }


# --- subjects ----------------------------------------------------------------


def _latest_approved_tier():
    approved = RiskDecision.objects.filter(
        subject_id=OuterRef("pk"), status=DecisionStatus.APPROVED
    ).order_by("-proposed_at", "-pk")
    return Subquery(approved.values("tier")[:1])


def subject_list(*, user, market=None, decision: str = "", search: str = ""):
    """Visible subjects, annotated for the list.

    ``decided_tier`` (latest approved decision), ``awaiting_approval`` (a
    proposal waits for its leads), ``market_visible``.

    ``decision``: "awaiting" (no approved decision yet, as on the dashboard),
    or a tier ("high", "low") of the latest approved decision.
    """
    pending = RiskDecision.objects.filter(
        subject_id=OuterRef("pk"), status=DecisionStatus.PROPOSED
    )
    subjects = (
        visible(Subject, user=user)
        .select_related("market", "agency")
        .annotate(
            decided_tier=_latest_approved_tier(),
            awaiting_approval=Exists(pending),
            market_visible=_visible_exists(Market, user=user, field="market_id"),
        )
    )
    if market is not None:
        subjects = subjects.filter(market=market)
    if decision == "awaiting":
        subjects = subjects.filter(decided_tier__isnull=True)
    elif decision:
        subjects = subjects.filter(decided_tier=decision)
    search = search.strip()
    if search:
        subjects = subjects.filter(
            Q(full_name__icontains=search) | Q(aliases__icontains=search)
        )
    return subjects.order_by("full_name", "pk")


def _decision_rows(subject, *, user) -> list:
    """The subject's decisions, each with ``can_approve`` for this viewer."""
    role = approval_role(user)
    decisions = list(
        subject.decisions.select_related(
            "proposed_by", "police_approved_by", "prosecutor_approved_by"
        ).order_by("-proposed_at", "-pk")
    )
    for decision in decisions:
        side_open = (
            decision.police_approved_by_id is None
            if role == "police"
            else decision.prosecutor_approved_by_id is None
        )
        decision.can_approve = (
            role is not None
            and decision.status == DecisionStatus.PROPOSED
            and side_open
        )
    return decisions


def subject_detail(*, user, pk) -> dict:
    subject = get_visible_or_404(
        Subject,
        user=user,
        pk=pk,
        queryset=Subject.objects.select_related("market", "agency", "created_by"),
    )
    decisions = _decision_rows(subject, user=user)
    owner = can_change(user, subject)
    return {
        "subject": subject,
        "market_visible": visible(Market, user=user)
        .filter(pk=subject.market_id)
        .exists(),
        "buys": list(subject.buys.select_related("recorded_by")),
        "decisions": decisions,
        "pending_decision": any(d.status == DecisionStatus.PROPOSED for d in decisions),
        "cases": list(
            visible(Case, user=user)
            .filter(subject=subject)
            .select_related("agency")
            .order_by("created_at", "pk")
        ),
        "can_add_buy": owner,
        "can_open_case": owner,
        "can_propose_decision": can_propose_decision(user, subject),
    }


# --- cases -------------------------------------------------------------------


def _last_status_change():
    changes = CaseStatusChange.objects.filter(case_id=OuterRef("pk")).order_by(
        "-changed_at", "-pk"
    )
    return Subquery(changes.values("changed_at")[:1])


def case_list(*, user, status: str = "") -> QuerySet:
    """Visible cases, newest first, with ``status_changed_at`` and ``subject_visible``.

    ``status="review"``: banked cases, the longest-waiting first (oldest
    status change), the ones a call-in or an activation is waiting on.
    """
    cases = (
        visible(Case, user=user)
        .select_related("subject", "agency")
        .annotate(
            status_changed_at=_last_status_change(),
            subject_visible=_visible_exists(Subject, user=user, field="subject_id"),
        )
    )
    if status == CASE_REVIEW:
        return cases.filter(status=CaseStatus.BANKED).order_by(
            "status_changed_at", "pk"
        )
    if status:
        cases = cases.filter(status=status)
    return cases.order_by("-created_at", "-pk")


def case_detail(*, user, pk) -> dict:
    case = get_visible_or_404(
        Case,
        user=user,
        pk=pk,
        queryset=Case.objects.select_related("subject", "agency", "created_by"),
    )
    return {
        "case": case,
        "subject_visible": visible(Subject, user=user)
        .filter(pk=case.subject_id)
        .exists(),
        "history": list(case.history.select_related("changed_by")),
        "can_change_status": can_change_case_status(user, case),
    }
