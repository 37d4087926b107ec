"""Public directory reads: search with filters, and the rows a list shows.

Lists of services load in a fixed number of queries whatever their length:
one page of ids from the search, then the services with their rows prefetched
and their organizations in one query (``ServicePage.organization`` would
cost one query per service).
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch

from resources.filters import apply_filters
from resources.models import (
    OrganizationPage,
    ServiceAtLocation,
    ServiceCategory,
    ServiceLanguage,
    ServicePage,
)

RESULTS_PER_PAGE = 20


@dataclass
class SearchOutcome:
    page: Page
    services: list  # the page's services, hydrated, in result order


def services_search(*, filters: dict, page_number=1, per_page=RESULTS_PER_PAGE):
    """Listed services matching every filter; by relevance, or by name without words."""
    services = apply_filters(ServicePage.objects.listed(), filters)
    if filters["words"]:
        results = services.search(filters["words"])
    else:
        results = services.order_by("title", "pk")
    page = Paginator(results, per_page).get_page(page_number)
    return SearchOutcome(
        page=page, services=services_for_list(ids=[s.pk for s in page.object_list])
    )


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
