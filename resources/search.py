"""Public directory reads: search with filters, and the rows a list shows.

Lists of services load in a fixed number of queries whatever their length:
one page of ids from the search, then what the page shows of those services
(``resources.summaries``).

On PostgreSQL a search with words is ``resources.search_postgres``: the page
of ids and the total in one query over a narrow, trigger-kept table; without
words, the filters by name with the total in the same query. Elsewhere
(SQLite in development and tests) it is Wagtail's search.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connections, router
from django.db.models import Prefetch

from resources.filters import apply_filters
from resources.models import (
    ServiceAtLocation,
    ServiceCategory,
    ServiceLanguage,
    ServicePage,
)
from resources.search_postgres import KeywordSearch, PagedIds, by_name
from resources.summaries import attach_organizations, summaries
from resources.visibility import private_q

RESULTS_PER_PAGE = 20


@dataclass
class SearchOutcome:
    page: Page
    services: list  # the page's ServiceSummary rows, in result order


def services_search(
    *,
    filters: dict,
    page_number=1,
    per_page=RESULTS_PER_PAGE,
    private_paths=(),
    request=None,
    root=None,
):
    """Listed services matching every filter; by relevance, or by name without words.

    Returns the page and its ``ServiceSummary`` list. ``private_paths``: the
    restricted sections (``visibility.private_paths()``, read once by the
    caller); ``request`` makes the links relative; ``root``, a page above the
    services (the directory), makes them cheaper to work out.
    """
    hidden = private_q(private_paths)
    alias = router.db_for_read(ServicePage)
    postgresql = connections[alias].vendor == "postgresql"
    if postgresql:
        if filters["words"]:
            search = KeywordSearch(
                filters=filters,
                category_ids=filters.get("category_ids"),
                private_paths=private_paths,
                alias=alias,
            )
            fetch, count = search.fetch, search.count
        else:
            listed = ServicePage.objects.listed(private_q=hidden)
            fetch, count = by_name(apply_filters(listed, filters))
        number = _page_number(page_number)
        window = ((number - 1) * per_page, number * per_page)
        results = PagedIds(fetch=fetch, count=count, window=window)
        page = Paginator(results, per_page).get_page(page_number)
        ids = list(page.object_list)
    else:
        services = apply_filters(ServicePage.objects.listed(private_q=hidden), filters)
        if filters["words"]:
            results = services.search(filters["words"])
        else:
            results = services.order_by("title", "pk")
        page = Paginator(results, per_page).get_page(page_number)
        ids = [service.pk for service in page.object_list]
    found = {
        summary.pk: summary
        for summary in summaries(
            ids,
            private_q=hidden,
            request=request,
            postgresql=postgresql,
            root=root,
        )
    }
    return SearchOutcome(page=page, services=[found[pk] for pk in ids if pk in found])


def _page_number(value) -> int:
    """The page the Paginator will show for ``value``, if it is not past the end."""
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def services_for_list(*, ids=None, hsds_ids=None):
    """Listed services by pk or HSDS id, in the order given, rows prefetched."""
    services = ServicePage.objects.listed().with_verification()
    if ids is not None:
        services, order, key = services.filter(pk__in=ids), ids, "pk"
    else:
        services, order, key = (
            services.filter(hsds_id__in=hsds_ids),
            hsds_ids,
            "hsds_id",
        )
    found = {getattr(service, key): service for service in _with_rows(services)}
    ordered = [found[value] for value in order if value in found]
    attach_organizations(ordered)
    return ordered


def _with_rows(services):
    return services.prefetch_related(
        "opening_hours",
        "cost_options",
        "phones",
        "required_documents",
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related(
                "location", "location__neighborhood"
            ),
        ),
        Prefetch(
            "languages", queryset=ServiceLanguage.objects.select_related("language")
        ),
        Prefetch("categories", queryset=ServiceCategory.objects.select_related("term")),
    )
