"""Referral reads: what a provider's staff may see, and the agencies' own list.

Providers get ``ProviderReferral`` values, never model instances: a model
would lead a template to the invitee, the subject and the call-in. The
value carries the service, the status and its history, and the person's
name and contact only if they agreed to share them — never anything of the
criminal record (no subject id, no call-in, no case, no plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _

from meetings.call_ins.outcomes import referral_moves
from meetings.call_ins.permissions import referrals_for_provider_filter
from meetings.models import Referral, ReferralStatusChange

PROVIDER_PAGE_SIZE = 50


@dataclass(frozen=True)
class StatusStep:
    status: str
    label: str
    at: datetime


@dataclass(frozen=True)
class ProviderReferral:
    pk: int
    service_title: str
    status: str
    status_label: str
    referred_at: datetime
    person: str
    contact: str
    history: tuple[StatusStep, ...]
    next_statuses: tuple[str, ...]


def _for_provider(referral: Referral) -> ProviderReferral:
    name = referral.invitee.subject.full_name if referral.share_name else ""
    return ProviderReferral(
        pk=referral.pk,
        service_title=referral.service_title,
        status=referral.status,
        status_label=referral.get_status_display(),
        referred_at=referral.created_at,
        person=name or _("Person referred #%(number)s") % {"number": referral.pk},
        contact=referral.contact if referral.share_contact else "",
        history=tuple(
            StatusStep(step.to_status, step.get_to_status_display(), step.at)
            for step in referral.history.all()
        ),
        next_statuses=tuple(referral_moves(referral.status)),
    )


def _provider_queryset(user):
    condition = referrals_for_provider_filter(user)
    if condition is None:
        return None
    history = Prefetch(
        "history", queryset=ReferralStatusChange.objects.order_by("at", "pk")
    )
    # Only the subject's name is read, and only when shared (see _for_provider).
    return (
        Referral.objects.filter(condition)
        .select_related("invitee__subject")
        .only(
            "pk",
            "service_title",
            "status",
            "created_at",
            "share_name",
            "share_contact",
            "contact",
            "organization_id",
            "invitee__id",
            "invitee__subject__id",
            "invitee__subject__full_name",
        )
        .prefetch_related(history)
    )


def referrals_for_provider(
    *, user, status: str = "", page: int = 1, page_size: int = PROVIDER_PAGE_SIZE
) -> tuple[list[ProviderReferral], bool]:
    """One page of referrals to the user's organizations, newest first; two queries."""
    queryset = _provider_queryset(user)
    if queryset is None:
        return [], False
    if status:
        queryset = queryset.filter(status=status)
    start = (max(page, 1) - 1) * page_size
    rows = list(queryset.order_by("-created_at", "-pk")[start : start + page_size + 1])
    return [_for_provider(r) for r in rows[:page_size]], len(rows) > page_size


def provider_referral_get_or_404(*, user, pk) -> ProviderReferral:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    queryset = _provider_queryset(user)
    referral = queryset.filter(pk=pk).first() if queryset is not None else None
    if referral is None:
        raise Http404
    return _for_provider(referral)


def referrals_for_invitee(*, invitee) -> list[Referral]:
    """The agencies' view; the caller has checked ``can_see_invitee``."""
    return list(
        Referral.objects.filter(invitee=invitee)
        .select_related("service", "organization")
        .prefetch_related("history__by")
    )
