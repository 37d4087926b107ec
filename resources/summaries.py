"""What one search result shows, worked out once in Python; the template only prints.

A result shows what, where, when open, cost, how to apply, phones and when it
was last verified. Working that out in template tags per result (hours of
today, open now, places, phones falling back to the organization's) cost more
than the search itself at 20 results a page, so it is done here, once, with
the models' own rules (``OpeningHours.covers``, ``Location.one_line_address``,
``stale_since``).

On PostgreSQL the rows come in one raw query (``SUMMARY_SQL``): the page of
services with their hours and places as JSON arrays, their phones and their
organization's name and phones; built with the ORM, the same query cost more
to compose than to run. Elsewhere they come from the usual prefetches.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import connections, router
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Page

from resources.models import (
    Location,
    OpeningHours,
    OrganizationPage,
    ServiceAtLocation,
    ServicePage,
)
from resources.models.schedules import local_moment
from resources.models.service_page import stale_since

HOURS_FIELDS = ("day_of_week", "opens_at", "closes_at", "valid_from", "valid_to")
PLACE_FIELDS = ("name", "address_1", "address_2", "city", "state_province")


@dataclass
class ServiceSummary:
    pk: int
    hsds_id: object
    title: str
    url: str
    organization: str  # its name; "" if none
    status: str
    alert: str
    description: str
    is_free: bool
    fees_description: str
    application_process: str
    places: list  # [(address, or the place's name; neighborhood name or "")]
    hours_today: list  # ["09:00–12:00", ...]
    is_open_now: bool
    phones: list  # the service's numbers, else its organization's
    assured_at: datetime | None
    verification_due_from: datetime | None
    is_stale: bool


def summarize(service: dict, *, hours, places, phones, url, now) -> ServiceSummary:
    """``service``: the page's own values; ``hours``: OpeningHours rows;
    ``places``: (Location, neighborhood name) pairs; ``phones``: numbers."""
    today = local_moment(now).date()
    since = service["latest_verified_at"] or service["first_published_at"]
    return ServiceSummary(
        pk=service["pk"],
        hsds_id=service["hsds_id"],
        title=service["title"],
        url=url,
        organization=service["organization"] or "",
        status=service["status"],
        alert=service["alert"],
        description=service["description"],
        is_free=service["is_free"],
        fees_description=service["fees_description"],
        application_process=service["application_process"],
        places=[
            (place.one_line_address or place.name, neighborhood or "")
            for place, neighborhood in places
        ],
        hours_today=[
            row.describe_times()
            for row in hours
            if row.day_of_week == today.weekday() and _valid_on(row, today)
        ],
        is_open_now=any(row.covers(now) for row in hours),
        phones=phones,
        assured_at=service["latest_verified_at"],
        verification_due_from=since,
        is_stale=stale_since(since, now),
    )


def _valid_on(row, day) -> bool:
    return (row.valid_from is None or row.valid_from <= day) and (
        row.valid_to is None or row.valid_to >= day
    )


def summaries(ids, *, private_q, request, postgresql: bool, root=None) -> list:
    """Summaries of the listed services among ``ids``, in no particular order.

    ``private_q`` hides restricted sections (``visibility.private_q``).
    ``root`` is a page above them all (the directory page): their links are
    worked out from its URL instead of asking Wagtail for each.
    """
    if not ids:
        return []
    now = timezone.now()
    url = PageURLs(root, request)
    if postgresql:
        rows = _rows_in_one_query(ids)
    else:
        listed = ServicePage.objects.listed(private_q=private_q)
        rows = _rows_prefetched(listed.with_verification().filter(pk__in=ids))
    return [
        summarize(
            service,
            hours=hours,
            places=places,
            phones=phones,
            url=url(service["pk"], service["url_path"]),
            now=now,
        )
        for service, hours, places, phones in rows
    ]


SERVICE_VALUES = (
    "pk",
    "hsds_id",
    "title",
    "url_path",
    "status",
    "alert",
    "description",
    "is_free",
    "fees_description",
    "application_process",
    "first_published_at",
    "latest_verified_at",
)

# Everything a summary shows, for a page of services, in one round trip: the
# rows of each service as JSON, its organization (the parent page: the path
# without its last step) and that organization's phones. ``ids`` came from a
# query that checked the view restrictions; live and defunct are checked again.
SUMMARY_SQL = f"""
SELECT p.id, sp.hsds_id, p.title, p.url_path, sp.status, sp.alert,
    sp.description, sp.is_free, sp.fees_description, sp.application_process,
    p.first_published_at,
    (SELECT max(v.verified_at) FROM resources_serviceverification v
        WHERE v.service_id = p.id),
    org.title,
    (SELECT json_agg(json_build_object(
            'day_of_week', h.day_of_week, 'opens_at', h.opens_at,
            'closes_at', h.closes_at, 'valid_from', h.valid_from,
            'valid_to', h.valid_to) ORDER BY h.sort_order, h.id)
        FROM resources_openinghours h WHERE h.service_id = p.id),
    (SELECT json_agg(json_build_object(
            'name', l.name, 'address_1', l.address_1, 'address_2', l.address_2,
            'city', l.city, 'state_province', l.state_province,
            'postal_code', l.postal_code, 'neighborhood', n.title)
            ORDER BY sal.sort_order, sal.id)
        FROM resources_serviceatlocation sal
        JOIN resources_location l ON l.id = sal.location_id
        LEFT JOIN wagtailcore_page n ON n.id = l.neighborhood_id
        WHERE sal.service_id = p.id),
    (SELECT array_agg(ph.number ORDER BY ph.sort_order, ph.id)
        FROM resources_servicephone ph WHERE ph.service_id = p.id),
    (SELECT array_agg(op.number ORDER BY op.sort_order, op.id)
        FROM resources_organizationphone op WHERE op.organization_id = org.id)
FROM wagtailcore_page p
JOIN resources_servicepage sp ON sp.page_ptr_id = p.id
LEFT JOIN wagtailcore_page org ON org.path = left(p.path, -{ServicePage.steplen})
WHERE p.id = ANY(%s) AND p.live AND sp.status <> 'defunct'
"""  # noqa: S608 (no input in the text: the step length is a class constant)


def _rows_in_one_query(ids):
    with connections[router.db_for_read(ServicePage)].cursor() as cursor:
        cursor.execute(SUMMARY_SQL, [list(ids)])
        rows = cursor.fetchall()
    for row in rows:
        *values, organization, hours, places, phones, organization_phones = row
        service = dict(zip(SERVICE_VALUES, values, strict=True))
        service["organization"] = organization
        yield (
            service,
            [_Hours(json) for json in hours or ()],
            [(_Place(json), json["neighborhood"]) for json in places or ()],
            phones or organization_phones or [],
        )


class _Hours:
    """An opening period from JSON, with ``OpeningHours``' own rules.

    Not an unsaved model: creating one runs every field default (a fresh
    uuid4 for ``hsds_id``), several times the cost of the rules themselves.
    The methods are the model's functions, so there is one "open now".
    """

    is_24_hours = OpeningHours.is_24_hours
    ends_next_day = OpeningHours.ends_next_day
    describe_times = OpeningHours.describe_times
    covers = OpeningHours.covers

    def __init__(self, json):
        self.day_of_week = json["day_of_week"]
        self.opens_at = time.fromisoformat(json["opens_at"])
        self.closes_at = time.fromisoformat(json["closes_at"])
        self.valid_from = json["valid_from"] and date.fromisoformat(json["valid_from"])
        self.valid_to = json["valid_to"] and date.fromisoformat(json["valid_to"])


class _Place:
    """A location from JSON, with ``Location``'s own address line (see _Hours)."""

    one_line_address = Location.one_line_address

    def __init__(self, json):
        for name in (*PLACE_FIELDS, "postal_code"):
            setattr(self, name, json[name] or "")


def _rows_prefetched(services):
    pages = list(
        services.prefetch_related(
            "opening_hours",
            "phones",
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related(
                    "location__neighborhood"
                ),
            ),
        )
    )
    attach_organizations(pages)
    for page in pages:
        organization = page.organization
        values = {name: getattr(page, name, None) for name in SERVICE_VALUES}
        values["organization"] = organization.title if organization else ""
        phones = [phone.number for phone in page.phones.all()]
        if not phones and organization is not None:
            phones = [phone.number for phone in organization.phones.all()]
        places = [
            (
                sal.location,
                sal.location.neighborhood and sal.location.neighborhood.title,
            )
            for sal in page.service_at_locations.all()
        ]
        yield values, list(page.opening_hours.all()), places, phones


class PageURLs:
    """Links to pages below ``root`` as ``{% pageurl %}`` gives them.

    Wagtail's URL of a page is its site's root URL plus its ``url_path`` past
    the site root, so below ``root`` it is ``root``'s URL plus the rest of the
    ``url_path``: one lookup for the page, not one per result. Without a
    root, or for a page elsewhere, Wagtail works it out.
    """

    def __init__(self, root, request):
        self.request = request
        self.prefix = root.url_path if root is not None else None
        self.base = root.get_url(request) if root is not None else None

    def __call__(self, pk: int, url_path: str) -> str:
        if self.base and url_path.startswith(self.prefix):
            return self.base + url_path[len(self.prefix) :]
        return Page(pk=pk, url_path=url_path).get_url(self.request)


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
