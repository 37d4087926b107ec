"""The HSDS 3.1 read-only endpoints: JSON in HSDS shapes, JSON errors, CORS for GET.

Ids in URLs and parameters are HSDS UUIDs (``hsds_id``), never Wagtail pks.
Only listed services (live, public, not defunct) and live organizations show.
"""

import uuid
from functools import wraps

from django.db.models import F
from django.db.models.functions import Length, Substr
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from resources.api import params, queries, serializers
from resources.api.pagination import envelope
from resources.api.params import ParamError
from resources.models import ServicePage, Taxonomy, TaxonomyTerm

HSDS_VERSION = "3.1"
HSDS_PROFILE = "https://docs.openreferral.org/en/latest/hsds/overview.html"


def json_response(data, status=200):
    response = JsonResponse(data, status=status, safe=False)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(status, code, detail, parameter=None):
    body = {"error": code, "detail": detail}
    if parameter:
        body["parameter"] = parameter
    return json_response(body, status=status)


def not_found(what):
    return error(404, "not_found", f"No {what} has this id.")


def hsds_endpoint(view):
    """GET only; a ParamError becomes a 400 naming the parameter."""

    @require_GET
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            if request.GET.get("format", "json").strip() not in ("", "json"):
                raise ParamError("format", "Only format=json is offered.")
            return view(request, *args, **kwargs)
        except ParamError as problem:
            return error(400, "bad_parameter", problem.message, problem.parameter)

    return wrapped


def _path_uuid(value):
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ParamError("id", "The id in the address must be a UUID.") from None


def _paging(query):
    return params.page_number(query), params.per_page(query)


def _page_of(results, number, size, *, search=False):
    """(total, pks of this page) for a queryset or Wagtail search results."""
    total = results.count()
    start = (number - 1) * size
    if search:
        return total, [obj.pk for obj in results[start : start + size]]
    return total, list(results.values_list("pk", flat=True)[start : start + size])


def _filtered_services(query):
    return queries.filter_services(
        queries.services(),
        term_id=params.uuid_value(query, "taxonomy_term_id"),
        taxonomy_id=params.uuid_value(query, "taxonomy_id"),
        organization_id=params.uuid_value(query, "organization_id"),
        after=params.modified_after(query),
    )


def _publisher(request):
    site = Site.find_for_request(request)
    return {
        "name": (site.site_name if site else "") or "DMI Portal",
        "url": request.build_absolute_uri("/"),
    }


@hsds_endpoint
def root(request):
    return json_response(
        {
            "version": HSDS_VERSION,
            "profile": HSDS_PROFILE,
            "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
            "publisher": _publisher(request),
        }
    )


@hsds_endpoint
def services_list(request):
    query = request.GET
    number, size = _paging(query)
    full = params.boolean(query, "full")
    words = params.search_words(query)
    results = queries.search_services(_filtered_services(query), words)
    total, ids = _page_of(results, number, size, search=bool(words))
    found = queries.hydrate_services(ids, full=full)
    orgs = queries.organizations_of(found)
    build = serializers.service_full if full else serializers.service_brief
    contents = [build(s, orgs[s.path]) for s in found if orgs[s.path]]
    return json_response(
        envelope(contents=contents, total=total, page_number=number, per_page=size)
    )


@hsds_endpoint
def service_detail(request, hsds_id):
    service = queries.service_by_hsds_id(_path_uuid(hsds_id))
    if service is None:
        return not_found("listed service")
    organization = queries.organizations_of([service])[service.path]
    return json_response(serializers.service_full(service, organization))


def _organizations_with_services_in(queryset, service_filter):
    parent_paths = service_filter.annotate(
        parent_path=Substr(F("path"), 1, Length("path") - ServicePage.steplen)
    ).values("parent_path")
    return queryset.filter(path__in=parent_paths)


@hsds_endpoint
def organizations_list(request):
    query = request.GET
    number, size = _paging(query)
    words = params.search_words(query)
    organizations = queries.organizations()
    term_id = params.uuid_value(query, "taxonomy_term_id")
    taxonomy_id = params.uuid_value(query, "taxonomy_id")
    if term_id or taxonomy_id:
        matching = queries.filter_services(
            queries.services(),
            term_id=term_id,
            taxonomy_id=taxonomy_id,
            organization_id=None,
            after=None,
        )
        organizations = _organizations_with_services_in(organizations, matching)
    if words:
        results = organizations.search(words)
    else:
        results = organizations.order_by("title", "pk")
    total, ids = _page_of(results, number, size, search=bool(words))
    by_pk = {o.pk: o for o in queries.organizations().filter(pk__in=ids)}
    contents = [serializers.organization_row(by_pk[pk]) for pk in ids if pk in by_pk]
    return json_response(
        envelope(contents=contents, total=total, page_number=number, per_page=size)
    )


@hsds_endpoint
def organization_detail(request, hsds_id):
    organization = (
        queries.organizations_hydrated().filter(hsds_id=_path_uuid(hsds_id)).first()
    )
    if organization is None:
        return not_found("organization")
    full = params.boolean(request.GET, "full_service")
    ids = list(
        queries.services()
        .child_of(organization)
        .order_by("title", "pk")
        .values_list("pk", flat=True)
    )
    found = queries.hydrate_services(ids, full=full)
    data = serializers.organization_full(organization, found)
    if full:
        data["services"] = [serializers.service_full(s, organization) for s in found]
    return json_response(data)


def _small_list_page(queryset, number, size, serialize):
    """One page of a list whose rows need no prefetching (taxonomies, terms)."""
    total = queryset.count()
    start = (number - 1) * size
    contents = [serialize(row) for row in queryset[start : start + size]]
    return json_response(
        envelope(contents=contents, total=total, page_number=number, per_page=size)
    )


@hsds_endpoint
def taxonomies_list(request):
    number, size = _paging(request.GET)
    words = params.search_words(request.GET)
    taxonomies = Taxonomy.objects.order_by("name", "pk")
    if words:
        taxonomies = taxonomies.filter(name__icontains=words)
    return _small_list_page(taxonomies, number, size, serializers.taxonomy_row)


@hsds_endpoint
def taxonomy_detail(request, hsds_id):
    taxonomy = Taxonomy.objects.filter(hsds_id=_path_uuid(hsds_id)).first()
    if taxonomy is None:
        return not_found("taxonomy")
    return json_response(serializers.taxonomy_row(taxonomy))


@hsds_endpoint
def taxonomy_terms_list(request):
    query = request.GET
    number, size = _paging(query)
    words = params.search_words(query)
    terms = queries.terms().order_by("taxonomy__name", "name", "pk")
    taxonomy_id = params.uuid_value(query, "taxonomy_id")
    if taxonomy_id:
        if not Taxonomy.objects.filter(hsds_id=taxonomy_id).exists():
            raise ParamError("taxonomy_id", "No taxonomy has this id.")
        terms = terms.filter(taxonomy__hsds_id=taxonomy_id)
    parent_id = params.uuid_value(query, "parent_id")
    if parent_id:
        if not TaxonomyTerm.objects.filter(hsds_id=parent_id).exists():
            raise ParamError("parent_id", "No taxonomy term has this id.")
        terms = terms.filter(parent__hsds_id=parent_id)
    if params.boolean(query, "top_only"):
        terms = terms.filter(parent__isnull=True)
    if words:
        terms = terms.filter(name__icontains=words)
    return _small_list_page(terms, number, size, serializers.taxonomy_term_full)


@hsds_endpoint
def taxonomy_term_detail(request, hsds_id):
    term = queries.terms().filter(hsds_id=_path_uuid(hsds_id)).first()
    if term is None:
        return not_found("taxonomy term")
    return json_response(serializers.taxonomy_term_full(term))


@hsds_endpoint
def service_at_locations_list(request):
    query = request.GET
    number, size = _paging(query)
    full = params.boolean(query, "full")
    words = params.search_words(query)
    matching = _filtered_services(query)
    if words:
        # Wagtail search results cannot be a subquery: take their pks.
        matching = [s.pk for s in matching.search(words)]
    else:
        matching = matching.values("pk")
    rows = queries.service_at_locations(
        service_ids_query=matching,
        postcode=params.postcode(query),
        proximity=params.proximity(query),
    )
    total, ids = _page_of(rows, number, size)
    pairs = queries.hydrate_service_at_locations(ids, full=full)
    orgs = queries.organizations_of([service for _row, service in pairs])
    build = (
        serializers.service_at_location_full
        if full
        else serializers.service_at_location_brief
    )
    contents = [build(row, s, orgs[s.path]) for row, s in pairs if orgs[s.path]]
    return json_response(
        envelope(contents=contents, total=total, page_number=number, per_page=size)
    )


@hsds_endpoint
def service_at_location_detail(request, hsds_id):
    ids = list(
        queries.service_at_locations(
            service_ids_query=queries.services().values("pk"),
            postcode="",
            proximity=None,
        )
        .filter(hsds_id=_path_uuid(hsds_id))
        .values_list("pk", flat=True)
    )
    pairs = queries.hydrate_service_at_locations(ids, full=True)
    if not pairs:
        return not_found("service at a listed location")
    row, service = pairs[0]
    organization = queries.organizations_of([service])[service.path]
    return json_response(
        serializers.service_at_location_full(row, service, organization)
    )
