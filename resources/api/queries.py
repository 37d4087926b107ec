"""Public reads for the API, each in a fixed number of queries whatever the page size.

Every list is counted, sliced to one page of primary keys, then hydrated with
all nested rows prefetched; organizations come in one query by tree path
(``ServicePage.organization`` would cost one query per service).
"""

import math

from django.db.models import Prefetch, Q

from resources.api.params import ParamError
from resources.models import (
    Location,
    OrganizationPage,
    ServiceAtLocation,
    ServiceCategory,
    ServiceLanguage,
    ServicePage,
    ServiceVerification,
    Taxonomy,
    TaxonomyTerm,
)

EARTH_RADIUS_M = 6_371_008.8


def terms():
    return TaxonomyTerm.objects.select_related("taxonomy", "parent")


def organizations():
    return OrganizationPage.objects.live().public()


def organizations_hydrated():
    return organizations().prefetch_related("phones", "locations")


def services():
    return ServicePage.objects.listed()


def _with_brief_rows(queryset):
    return queryset.prefetch_related(
        Prefetch(
            "verifications",
            queryset=ServiceVerification.objects.order_by("-verified_at", "-pk"),
            to_attr="verification_list",
        )
    )


def _with_all_rows(queryset):
    return _with_brief_rows(queryset).prefetch_related(
        "phones",
        "opening_hours",
        "cost_options",
        "required_documents",
        "service_areas__neighborhood",
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location"),
        ),
        Prefetch(
            "languages", queryset=ServiceLanguage.objects.select_related("language")
        ),
        Prefetch(
            "categories",
            queryset=ServiceCategory.objects.select_related(
                "term__taxonomy", "term__parent"
            ),
        ),
    )


def hydrate_services(ids, *, full=False) -> list:
    """The services with these pks, in this order, rows prefetched."""
    queryset = ServicePage.objects.filter(pk__in=ids)
    queryset = _with_all_rows(queryset) if full else _with_brief_rows(queryset)
    by_pk = {service.pk: service for service in queryset}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def organizations_of(services_list, *, hydrated=False) -> dict:
    """Parent organization of each service, keyed by the service's tree path."""
    paths = {s.path[: -ServicePage.steplen] for s in services_list}
    base = organizations_hydrated() if hydrated else OrganizationPage.objects.all()
    found = {org.path: org for org in base.filter(path__in=paths)}
    return {s.path: found.get(s.path[: -ServicePage.steplen]) for s in services_list}


def service_by_hsds_id(hsds_id):
    found = hydrate_services(
        list(services().filter(hsds_id=hsds_id).values_list("pk", flat=True)),
        full=True,
    )
    return found[0] if found else None


# --- Filters shared by /services and /service_at_locations ------------------------


def filter_services(queryset, *, term_id, taxonomy_id, organization_id, after):
    """AND of the HSDS filters; an unknown id is the caller's mistake (400)."""
    if term_id:
        term = TaxonomyTerm.objects.filter(hsds_id=term_id).first()
        if term is None:
            raise ParamError("taxonomy_term_id", "No taxonomy term has this id.")
        queryset = queryset.in_category(term)
    if taxonomy_id:
        if not Taxonomy.objects.filter(hsds_id=taxonomy_id).exists():
            raise ParamError("taxonomy_id", "No taxonomy has this id.")
        rows = ServiceCategory.objects.filter(term__taxonomy__hsds_id=taxonomy_id)
        queryset = queryset.filter(id__in=rows.values("service_id"))
    if organization_id:
        organization = organizations().filter(hsds_id=organization_id).first()
        if organization is None:
            raise ParamError("organization_id", "No organization has this id.")
        queryset = queryset.child_of(organization)
    if after:
        queryset = queryset.filter(last_published_at__gte=after)
    return queryset


def search_services(queryset, words):
    """Relevance order with words, else by name; returns something sliceable."""
    if words:
        return queryset.search(words)
    return queryset.order_by("title", "pk")


def service_at_locations(*, service_ids_query, postcode, proximity):
    """Rows of listed services, optionally near a point or in a ZIP code."""
    rows = ServiceAtLocation.objects.filter(service_id__in=service_ids_query)
    if postcode:
        rows = rows.filter(location__postal_code__iexact=postcode)
    if proximity:
        latitude, longitude, metres = proximity
        rows = rows.filter(location__in=_locations_within(latitude, longitude, metres))
    return rows.order_by("service__title", "service_id", "sort_order", "pk")


def _locations_within(latitude, longitude, metres) -> list[int]:
    """Pks of geocoded locations within ``metres``: a box in SQL, then haversine."""
    lat_delta = math.degrees(metres / EARTH_RADIUS_M)
    cos_lat = max(math.cos(math.radians(latitude)), 1e-6)
    long_delta = min(180.0, math.degrees(metres / (EARTH_RADIUS_M * cos_lat)))
    box = Q(
        latitude__gte=latitude - lat_delta,
        latitude__lte=latitude + lat_delta,
        longitude__gte=longitude - long_delta,
        longitude__lte=longitude + long_delta,
    )
    candidates = Location.objects.filter(box).values_list("pk", "latitude", "longitude")
    return [
        pk
        for pk, lat, long in candidates
        if haversine_m(latitude, longitude, lat, long) <= metres
    ]


def haversine_m(lat1, long1, lat2, long2) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(long2 - long1)
    a = (
        math.sin(d_phi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def hydrate_service_at_locations(ids, *, full=False):
    rows = {
        row.pk: row
        for row in ServiceAtLocation.objects.filter(pk__in=ids).select_related(
            "location"
        )
    }
    ordered = [rows[pk] for pk in ids if pk in rows]
    service_list = hydrate_services(
        list(dict.fromkeys(row.service_id for row in ordered)), full=full
    )
    by_pk = {service.pk: service for service in service_list}
    return [(row, by_pk[row.service_id]) for row in ordered if row.service_id in by_pk]
