"""Private calendar feeds: a long random token per user, stored only as a hash.

The feed URL is the credential (a calendar app cannot sign in), so the
token is 256 random bits (``secrets.token_urlsafe(32)``), shown once, and
compared by its SHA-256 through a unique index — a lookup, not a string
comparison an attacker could time. Regenerating replaces the hash in place:
the old URL answers 404 from that moment.
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import AuditAction
from agencies.permissions import is_workspace_user
from meetings.calendar import call_in_feed_rows
from meetings.call_ins.base import audit, refuse_unless
from meetings.call_ins.selectors import call_ins_visible_to
from meetings.models import CalendarFeedToken
from meetings.models.call_ins import PUBLISHED_STATUSES

TOKEN_BYTES = 32
# token_urlsafe(32) is 43 characters; anything far from that is not a token.
TOKEN_LENGTHS = range(40, 50)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def calendar_feed_token_regenerate(*, user, request=None) -> str:
    """A new feed token for ``user`` (the old one stops at once); shown once."""
    refuse_unless(
        is_workspace_user(user), _("Only agency staff have a call-in calendar.")
    )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row, created = CalendarFeedToken.objects.update_or_create(
        user=user,
        defaults={"token_hash": token_hash(token), "created_at": timezone.now()},
    )
    audit(
        by=user,
        obj=row,
        event="calendar_feed_token_regenerated",
        action=AuditAction.RECORD_CREATED if created else AuditAction.RECORD_CHANGED,
        request=request,
    )
    return token


@transaction.atomic
def calendar_feed_token_revoke(*, user, request=None) -> bool:
    row = CalendarFeedToken.objects.filter(user=user).first()
    if row is None:
        return False
    audit(by=user, obj=row, event="calendar_feed_token_revoked", request=request)
    row.delete()
    return True


def calendar_feed_user(*, token: str):
    """The active user a token belongs to, or None (unknown, revoked, disabled)."""
    if not token or len(token) not in TOKEN_LENGTHS:
        return None
    row = (
        CalendarFeedToken.objects.select_related("user__membership__agency")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if row is None or not row.user.is_active:
        return None
    return row.user


def calendar_call_ins(*, user) -> QuerySet:
    """What a user's calendar shows: published call-ins their agency takes part in.

    Rows (``call_in_feed_rows``: named tuples, the times already ICS text),
    not models: one query, and a thousand rows cost a few milliseconds to read.
    """
    return call_in_feed_rows(
        call_ins_visible_to(user=user)
        .filter(status__in=PUBLISHED_STATUSES)
        .order_by("starts_at", "pk")
    )
