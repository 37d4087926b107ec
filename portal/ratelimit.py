"""Rate limits for public forms, shared by every worker through the cache.

A fixed window per (group, client): ``"5/10m"`` allows five hits per ten
minutes. The counter lives in the default cache (Redis in production), so
every gunicorn worker and instance counts together. Keys are hashed: no
address is stored in clear. If the cache is down the form stays open (logged)
rather than failing for everyone.

Use ``rate_limited("group", rate=...)`` on a view, or call
``rate_limit_exceeded`` + ``too_many_requests`` from a page's ``serve()``
(VolunteerFormPage does; the directory's "report an error" form can too).
Sign-in and password reset are limited by allauth's own limits
(``ACCOUNT_RATE_LIMITS``), which render the same ``429.html``.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import re
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.shortcuts import render

from portal.client_address import client_ip as trusted_client_ip

logger = logging.getLogger(__name__)

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE_PATTERN = re.compile(r"^(\d+)/(\d*)([smhd])$")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """``"5/10m"`` → 5 per 600 seconds; ``"30/m"`` → 30 per 60 seconds."""
        match = RATE_PATTERN.match(text.strip())
        if not match:
            raise ValueError(f"Rate {text!r} is not like '5/10m' or '30/h'.")
        count, multiple, unit = match.groups()
        return cls(int(count), int(multiple or 1) * UNITS[unit])


def client_ip(request) -> str:
    """The caller's address as a rate-limit key ("unknown" if not a valid IP)."""
    return trusted_client_ip(request) or "unknown"


def _window(rate: Rate, now: float) -> tuple[int, int]:
    """The current window's number and the seconds until it closes."""
    window = int(now // rate.seconds)
    return window, math.ceil((window + 1) * rate.seconds - now)


def hit(*, group: str, key: str, rate: Rate) -> bool:
    """Count one hit; True while the limit is not exceeded."""
    window, remaining = _window(rate, time.time())
    digest = hashlib.sha256(f"{group}:{key}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{group}:{window}:{digest}"
    try:
        added = cache.add(cache_key, 1, remaining + 1)
        count = 1 if added else cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this hit opens it again
        cache.add(cache_key, 1, remaining + 1)
        count = 1
    except Exception:
        logger.exception("Rate-limit cache unreachable; request allowed")
        return True
    return count <= rate.count


def rate_limit_exceeded(
    request, *, group: str, rate: str, key: str | None = None, methods=("POST",)
) -> bool:
    """True if this request goes over ``rate`` for ``group``. Keyed by client IP
    unless ``key`` is given. Only ``methods`` count (by default: sending a form,
    not reading it)."""
    if request.method not in methods:
        return False
    parsed = Rate.parse(rate)
    allowed = hit(group=group, key=key or client_ip(request), rate=parsed)
    if not allowed:
        request.rate_limit_retry_after = _window(parsed, time.time())[1]
        logger.warning("Rate limit %s exceeded for %s", group, client_ip(request))
    return not allowed


def too_many_requests(request):
    """The friendly 429 page, with Retry-After when known."""
    retry_after = getattr(request, "rate_limit_retry_after", None)
    context = {"retry_minutes": math.ceil(retry_after / 60) if retry_after else None}
    response = render(request, "429.html", context, status=429)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def rate_limited(group: str, *, rate: str, methods=("POST",)):
    """Decorator for a function view: answer 429 once ``rate`` is exceeded."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if rate_limit_exceeded(request, group=group, rate=rate, methods=methods):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
