"""Reads about signed-in sessions, for administrators."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from agencies.accounts.session_services import RECORD_TOUCH_SECONDS
from agencies.models import UserSession


def user_sessions_active(*, user, now: datetime.datetime | None = None):
    """Sessions of ``user`` still within both limits, most recently used first.

    A session nobody ended (the browser was simply closed) drops out of this
    list once its clocks have run out; ``last_activity`` is kept to the minute,
    hence the slack.
    """
    now = now or timezone.now()
    idle = datetime.timedelta(
        seconds=settings.SESSION_IDLE_TIMEOUT_SECONDS + RECORD_TOUCH_SECONDS
    )
    absolute = datetime.timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS)
    return UserSession.objects.filter(
        user=user, last_activity__gt=now - idle, started_at__gt=now - absolute
    ).order_by("-last_activity", "-id")
