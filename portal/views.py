"""Site-wide public views: search, robots.txt, error pages."""

import re
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
WORD = re.compile(r"\w+")


def search_terms(query: str) -> str:
    """Only the words of a query, lower-cased.

    SQLite FTS5 and PostgreSQL read quotes, stars, brackets and upper-case
    AND/OR/NOT/NEAR as operators; a stray quote is a syntax error (a 500).
    Visitors type words, so words are all that reach the database.
    """
    return " ".join(WORD.findall(query.lower()))


@require_GET
def search(request):
    """Full-text search over published public pages only."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    results = Page.objects.none()
    if terms:
        results = Page.objects.live().public().specific().search(terms)
    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return render(
        request,
        "portal/search.html",
        {
            "search_query": query,
            "results": page,
            "paginator": paginator,
            "page_query": urlencode({"q": query}),
            "search_trail": [(_("Search"), "")],
        },
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /workspace/",
        "Disallow: /meetings/feed/",
        "Disallow: /meetings/call-ins/",
        "Disallow: /referrals/",
        "Disallow: /accounts/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """A 500 page rendered without the request: no context processor, no database."""
    return HttpResponseServerError(loader.get_template("500.html").render())
