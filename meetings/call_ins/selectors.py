"""Permission-aware reads of call-ins, invitees and figures.

Every function asks ``meetings.call_ins.permissions`` (built on the
workspace's permission layer) and loads what a screen shows in a fixed
number of queries, however many call-ins or invitees there are.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from agencies.choices import RiskTier
from agencies.models import Market, RiskDecision, Subject
from agencies.permissions import visible
from meetings.call_ins.permissions import (
    participating_filter,
    subject_visible_annotation,
)
from meetings.choices import Attendance, CallInStatus, ReferralStatus
from meetings.models import CallIn, Invitee


def call_ins_visible_to(*, user) -> QuerySet[CallIn]:
    """Every call-in of the user's agency's; none for anyone without an agency."""
    condition = participating_filter(user)
    if condition is None:
        return CallIn.objects.none()
    return CallIn.objects.filter(condition)


def call_in_get_or_404(*, user, pk, queryset: QuerySet | None = None) -> CallIn:
    """The call-in, or Http404 exactly as if it did not exist."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    condition = participating_filter(user)
    base = queryset if queryset is not None else CallIn.objects.all()
    call_in = None if condition is None else base.filter(condition, pk=pk).first()
    if call_in is None:
        raise Http404
    return call_in


def invitee_label(invitee: Invitee, *, name_visible: bool) -> str:
    if name_visible:
        return invitee.subject.full_name
    return _("Invitee #%(number)s") % {"number": invitee.number}


@dataclass(frozen=True)
class InviteeRow:
    """One invitee as the viewer may see them: the name only if allowed."""

    invitee: Invitee
    number: int
    label: str
    details_visible: bool


def invitees_for_call_in(*, user, call_in: CallIn) -> list[InviteeRow]:
    """The call-in's invitees in one query; ``call_in`` must be visible to ``user``."""
    invitees = (
        Invitee.objects.filter(call_in=call_in)
        .select_related("subject")
        .annotate(subject_visible=subject_visible_annotation(user))
        .order_by("number")
    )
    return [
        InviteeRow(
            invitee=invitee,
            number=invitee.number,
            label=invitee_label(invitee, name_visible=invitee.subject_visible),
            details_visible=invitee.subject_visible,
        )
        for invitee in invitees
    ]


def invitee_get_or_404(*, user, pk, queryset: QuerySet | None = None) -> Invitee:
    """An invitee whose call-in and subject the user may both see, else 404."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    condition = participating_filter(user)
    if condition is None:
        raise Http404
    base = queryset if queryset is not None else Invitee.objects.all()
    invitee = (
        base.select_related("call_in", "subject")
        .filter(pk=pk, call_in__in=CallIn.objects.filter(condition))
        .filter(subject__in=visible(Subject, user=user))
        .first()
    )
    if invitee is None:
        raise Http404
    return invitee


def subjects_invitable(*, user, call_in: CallIn) -> QuerySet[Subject]:
    """Subjects of the market the user sees whose approved decision is low risk.

    Only the latest approved decision counts: a later high-risk decision
    takes a person out of the call-in.
    """
    latest_tier = (
        RiskDecision.objects.filter(subject=OuterRef("pk"), status="approved")
        .order_by("-proposed_at", "-pk")
        .values("tier")[:1]
    )
    return (
        visible(Subject, user=user)
        .filter(market_id=call_in.market_id)
        .annotate(latest_tier=Subquery(latest_tier))
        .filter(latest_tier=RiskTier.LOW)
        .exclude(call_in_invitations__call_in=call_in)
    )


def _figures_query(market_ids):
    counted = Invitee.objects.filter(call_in__market_id__in=market_ids).exclude(
        call_in__status__in=[CallInStatus.CANCELLED, CallInStatus.DRAFT]
    )
    # People, not invitations: someone invited to two call-ins of a market,
    # or referred twice, is one person.
    person = "subject_id"
    return (
        counted.values("call_in__market_id")
        .annotate(
            invited=Count(person, distinct=True),
            attended=Count(
                person, filter=Q(attendance=Attendance.ATTENDED), distinct=True
            ),
            referred=Count(person, filter=Q(referrals__isnull=False), distinct=True),
            engaged=Count(
                person,
                filter=Q(
                    referrals__status__in=[
                        ReferralStatus.ENGAGED,
                        ReferralStatus.COMPLETED,
                    ]
                ),
                distinct=True,
            ),
            activated=Count(
                person,
                filter=Q(follow_ups__activated_case__isnull=False),
                distinct=True,
            ),
        )
        .order_by()
    )


FIGURE_NAMES = ("invited", "attended", "referred", "engaged", "activated")


def market_call_in_figures(*, user, market_ids) -> dict[int, dict[str, int]]:
    """People invited, attended, referred, engaged, activated per visible market.

    One query for any number of markets; markets the user may not see are
    left out (counts of people are still about people). Each figure counts
    people, not rows: two referrals of one person are one person referred.
    """
    allowed = list(
        visible(Market, user=user)
        .filter(pk__in=market_ids)
        .values_list("pk", flat=True)
    )
    figures = {pk: dict.fromkeys(FIGURE_NAMES, 0) for pk in allowed}
    if not allowed:
        return figures
    for row in _figures_query(allowed):
        figures[row["call_in__market_id"]] = {name: row[name] for name in FIGURE_NAMES}
    return figures
