"""Public directory reads: search with filters, and the rows a list shows.

Lists of services load in a fixed number of queries whatever their length:
one page of ids from the search, then the services with their rows prefetched
and their organizations in one query (``ServicePage.organization`` would
cost one query per service).

On PostgreSQL the search is ``resources.search_postgres``: the page of ids
and the total in one query over a narrow GIN-indexed copy of the search
vectors. Elsewhere (SQLite in development and tests) it is Wagtail's search.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connections, router
from django.db.models import Prefetch

from resources.filters import apply_filters
from resources.models import (
    OrganizationPage,
    ServiceAtLocation,
    ServiceCategory,
    ServiceLanguage,
    ServicePage,
)
from resources.search_postgres import PagedIds, ranked_ids

RESULTS_PER_PAGE = 20


@dataclass
class SearchOutcome:
    page: Page
    services: list  # the page's services, hydrated, in result order


def services_search(
    *, filters: dict, page_number=1, per_page=RESULTS_PER_PAGE, private_q=None
):
    """Listed services matching every filter; by relevance, or by name without words.

    ``private_q`` (``Page.objects.private_q()``) saves reading the view
    restrictions again when the caller already has them.
    """
    services = apply_filters(ServicePage.objects.listed(private_q=private_q), filters)
    if _on_postgresql():
        rows, matching = ranked_ids(services, filters["words"])
        number = _page_number(page_number)
        window = ((number - 1) * per_page, number * per_page)
        results = PagedIds(rows, matching=matching, window=window)
        page = Paginator(results, per_page).get_page(page_number)
        ids = list(page.object_list)
    else:
        if filters["words"]:
            results = services.search(filters["words"])
        else:
            results = services.order_by("title", "pk")
        page = Paginator(results, per_page).get_page(page_number)
        ids = [service.pk for service in page.object_list]
    return SearchOutcome(
        page=page, services=services_for_summary(ids=ids, private_q=private_q)
    )


def _on_postgresql() -> bool:
    return connections[router.db_for_read(ServicePage)].vendor == "postgresql"


def _page_number(value) -> int:
    """The page the Paginator will show for ``value``, if it is not past the end."""
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def services_for_summary(*, ids, private_q=None):
    """Listed services by pk, in that order, with what a result summary shows.

    A summary shows places, today's hours, phones and the verification date:
    four prefetches and the organizations, nothing it does not show.
    """
    services = (
        ServicePage.objects.listed(private_q=private_q)
        .with_verification()
        .filter(pk__in=ids)
        .prefetch_related(
            "opening_hours",
            "phones",
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related(
                    "location", "location__neighborhood"
                ),
            ),
        )
    )
    found = {service.pk: service for service in services}
    ordered = [found[pk] for pk in ids if pk in found]
    attach_organizations(ordered)
    return ordered


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


def attach_organizations(services) -> None:
    """Set each service's ``organization`` from one query over the parents."""
    parent_paths = {service.path[: -service.steplen] for service in services}
    if not parent_paths:
        return
    organizations = {
        org.path: org
        for org in OrganizationPage.objects.filter(
            path__in=parent_paths
        ).prefetch_related("phones")
    }
    for service in services:
        # ``organization`` is a cached_property: filling its slot skips the query.
        service.__dict__["organization"] = organizations.get(
            service.path[: -service.steplen]
        )
