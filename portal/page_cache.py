"""A whole-page cache for anonymous visitors that can never serve a stale page.

Every cached page is stored with the current *generation*. Any change to
public content (publishing, unpublishing, moving or deleting a page, editing a
snippet, figures or site settings) starts a new generation, so the very next
request renders afresh. The generation is read once at the start of a request
and the page is stored with that generation, so a page rendered while an
editor publishes carries the old generation and is never served again.
The generation moves on both when the change is saved and again when its
transaction commits: a page rendered in between (new generation, old rows) is
left behind too.

Only what is known to be public is cached: Wagtail pages and views marked with
``@cache_public_page``. Never cached: anything but GET/HEAD 200 responses;
requests with a query string (an unbounded key space anyone could fill);
requests that carry a session or messages cookie (possibly logged in, or a
message waiting); responses to an authenticated user; responses that set a
cookie (a CSRF token was issued, so the page holds a form); responses marked
private/no-store/no-cache; responses that vary on anything but Cookie and
Accept-Language; confidential and account paths. The language the visitor
asked for is part of the key.

Each process also keeps the last pages it served (same rule: current
generation, not expired), so a hit fetches only the small counter from Redis.
If the cache is unreachable, pages are rendered uncached rather than failing.
"""

import logging
import secrets
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_vary_headers

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
CACHE_HEADER = "X-Page-Cache"
# Apps whose rows appear on public pages; a change to any of them clears the cache.
PUBLIC_CONTENT_APPS = frozenset(
    {
        "portal",
        "meetings",
        "resources",
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "wagtailredirects",
        "taggit",
    }
)
# Belt and braces: these never reach the cache even if a view is marked public.
NEVER_CACHED_PREFIXES = (
    "/admin/",
    "/workspace/",
    "/accounts/",
    "/meetings/feed/",
    "/meetings/call-ins/",
    "/referrals/",
    "/django-admin/",
)
PUBLIC_URL_NAMES = frozenset({"wagtail_serve"})
# A cached copy is shared by every anonymous visitor, so it may only depend on
# the headers that are part of the key (language) or that we refuse (cookies).
ALLOWED_VARY = frozenset({"cookie", "accept-language"})


def cache_public_page(view):
    """Mark a non-Wagtail view whose anonymous GET responses are the same for all."""
    view.page_cache_public = True
    return view


# --- Generation ---------------------------------------------------------------


def current_generation() -> int:
    return cache.get(GENERATION_KEY) or _start_generation()


def _start_generation() -> int:
    # A lost counter (eviction, Redis restart) must never restart at a number
    # already used, or pages stored under it would come back.
    fresh = secrets.randbits(48)
    cache.add(GENERATION_KEY, fresh, timeout=None)
    return cache.get(GENERATION_KEY, fresh)


def invalidate_public_pages(**_kwargs) -> None:
    """Start a new generation: every cached page becomes unreachable at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet: the next read starts a fresh one
        pass
    except Exception:
        logger.exception("Page cache could not be invalidated")


def invalidate_now_and_on_commit(**_kwargs) -> None:
    """Invalidate at once, and again once the change is visible to other requests."""
    invalidate_public_pages()
    connection = transaction.get_connection()
    # One callback per transaction is enough, however many rows it saves.
    # (Django drops callbacks of a rolled-back savepoint from this list.)
    pending = (entry[1] for entry in connection.run_on_commit)
    if connection.in_atomic_block and invalidate_public_pages not in pending:
        transaction.on_commit(invalidate_public_pages)


def _invalidate_on_public_change(sender, **_kwargs):
    # Confidential models of a public app say so (``public_content = False``).
    if sender._meta.app_label in PUBLIC_CONTENT_APPS and getattr(
        sender, "public_content", True
    ):
        invalidate_now_and_on_commit()


def connect_invalidation_signals() -> None:
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
    )

    post_save.connect(_invalidate_on_public_change, dispatch_uid="page-cache-save")
    post_delete.connect(_invalidate_on_public_change, dispatch_uid="page-cache-del")
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(
            invalidate_now_and_on_commit, dispatch_uid=f"page-cache-{id(signal)}"
        )


# --- Rules --------------------------------------------------------------------


def _request_may_use_cache(request) -> bool:
    bypass_cookies = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not any(name in request.COOKIES for name in bypass_cookies)
        and not request.path.startswith(NEVER_CACHED_PREFIXES)
    )


def _view_is_public(request) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return match.url_name in PUBLIC_URL_NAMES or getattr(
        match.func, "page_cache_public", False
    )


def _response_is_cacheable(request, response, language: str) -> bool:
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    vary = {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (user is not None and user.is_authenticated)
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
        and vary <= ALLOWED_VARY
        and response.get("Content-Language", language) == language
        and _view_is_public(request)
    )


# --- Middleware ---------------------------------------------------------------


def _cache_key(request, language: str) -> str:
    host = request.get_host()
    return f"page-cache:{request.method}:{language}:{host}:{request.path}"


def _pack(generation: int, response) -> tuple:
    """Generation, expiry, status, headers and body: small and quick to restore."""
    headers = dict(response.headers.items())
    expires_at = time.time() + settings.PAGE_CACHE_SECONDS
    return (generation, expires_at, response.status_code, headers, response.content)


def _unpack(packed) -> HttpResponse:
    _generation, _expires_at, status, headers, content = packed
    response = HttpResponse(content, status=status, headers=headers)
    response[CACHE_HEADER] = "hit"
    return response


class _RecentPages:
    """The last pages this process served from the shared cache, by key.

    Only the small generation counter then crosses the network on a hit; an
    entry is used only while its generation is current and it has not expired,
    exactly the rule for the shared copy.
    """

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, generation: int):
        with self.lock:
            packed = self.entries.get(key)
            if packed is None:
                return None
            if packed[0] != generation or packed[1] < time.time():
                del self.entries[key]
                return None
            self.entries.move_to_end(key)
            return packed

    def put(self, key: str, packed: tuple) -> None:
        with self.lock:
            self.entries[key] = packed
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_recent_pages = _RecentPages(size=256)


def _fetch(key: str, generation: int):
    packed = _recent_pages.get(key, generation)
    if packed is None:
        packed = cache.get(key)
        if packed is None or packed[0] != generation or packed[1] < time.time():
            return None
        _recent_pages.put(key, packed)
    return packed


class AnonymousPageCacheMiddleware:
    """Sits above the session middleware: a hit reads one counter, runs no SQL.

    Each entry carries the generation it was rendered under and is served only
    while that is still the current generation.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_may_use_cache(request):
            return self.get_response(request)
        language = translation.get_language_from_request(request)
        key = _cache_key(request, language)
        try:
            generation = current_generation()
            packed = _fetch(key, generation)
        except Exception:
            logger.exception("Page cache unreachable; rendering uncached")
            return self.get_response(request)
        if packed is not None:
            return _unpack(packed)
        response = self.get_response(request)
        # A shared copy must not be reused by a downstream cache for a visitor
        # who has a session.
        patch_vary_headers(response, ("Cookie",))
        if _response_is_cacheable(request, response, language):
            packed = _pack(generation, response)
            try:
                cache.set(key, packed, settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.exception("Page cache unreachable; page not stored")
            else:
                _recent_pages.put(key, packed)
                response[CACHE_HEADER] = "miss"
        return response
