"""A whole-page cache for anonymous visitors that can never serve a stale page.

Every cached page is stored under the current *generation*. Any change to
public content (publishing, unpublishing, moving or deleting a page, editing a
snippet, figures or site settings) increments the generation, so the very next
request renders afresh. The generation is read once at the start of a request
and the page is stored under that generation, so a page rendered while an
editor publishes is stored under the old generation and never served again.

Never cached: anything but GET/HEAD 200 responses; requests that carry a
session cookie (possibly logged in); responses to an authenticated user;
responses that set a cookie (a CSRF token was issued or refreshed, so the page
holds a form); responses marked private/no-store; confidential and account
paths.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
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
# Confidential models in `meetings` (call-ins) do not appear publicly but a
# clear costs only one render per page, so no exclusion list is kept here.
NEVER_CACHED_PREFIXES = (
    "/admin/",
    "/workspace/",
    "/accounts/",
    "/django-admin/",
)


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY) or 1
    return generation


def invalidate_public_pages(**_kwargs) -> None:
    """Start a new generation: every cached page becomes unreachable at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 2, timeout=None)


def _invalidate_on_public_change(sender, **kwargs):
    if sender._meta.app_label in PUBLIC_CONTENT_APPS:
        invalidate_public_pages()


def connect_invalidation_signals() -> None:
    from wagtail.signals import page_published, page_slug_changed, page_unpublished

    post_save.connect(_invalidate_on_public_change, dispatch_uid="page-cache-save")
    post_delete.connect(_invalidate_on_public_change, dispatch_uid="page-cache-del")
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(invalidate_public_pages, dispatch_uid=f"page-cache-{signal}")


def _cache_key(request, generation: int) -> str:
    return f"page-cache:{generation}:{request.method}:{request.get_host()}:{request.get_full_path()}"


def _request_may_use_cache(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(NEVER_CACHED_PREFIXES)
    )


def _response_is_cacheable(request, response) -> bool:
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (user is not None and user.is_authenticated)
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_may_use_cache(request):
            return self.get_response(request)
        key = _cache_key(request, current_generation())
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        # Cached copies must never be shared with a visitor who has a session.
        patch_vary_headers(response, ("Cookie",))
        if _response_is_cacheable(request, response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
