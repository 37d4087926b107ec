"""Import an HSDS 3.1 package into the directory: validated first, all or nothing.

Idempotent by HSDS id: an organization or service with a known ``id`` is
updated, others are created under the ServiceDirectoryPage through Wagtail's
tree API and published (a new revision each). Rows keep their ids: an existing
row is updated in place (its pk reused), so a location keeps its services.
"""

import uuid
from collections import defaultdict
from datetime import datetime, time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_time
from django.utils.text import slugify

from portal.models import NeighborhoodPage
from resources.api.serializers import free_option_id
from resources.choices import WEEKDAY_ICAL
from resources.hsds import reader, validation
from resources.hsds.problems import ImportFailed, Problem
from resources.models import (
    CostOption,
    Language,
    Location,
    OpeningHours,
    OrganizationPage,
    OrganizationPhone,
    RequiredDocument,
    ServiceArea,
    ServiceAtLocation,
    ServiceCategory,
    ServiceDirectoryPage,
    ServiceLanguage,
    ServicePage,
    ServicePhone,
    ServiceVerification,
    Taxonomy,
    TaxonomyTerm,
)

DAY_NUMBER = {code: number for number, code in WEEKDAY_ICAL.items()}


def import_package(path, *, progress=None, dry_run=False) -> dict:
    """Validate then write; raises ImportFailed (nothing written) on any problem.

    Returns counts and the warnings (rows skipped on purpose).
    """
    tables = reader.read(path)
    problems, warnings = validation.validate(tables)
    directory = ServiceDirectoryPage.objects.first()
    if directory is None:
        problems.append(Problem(str(path), 0, "", "the site has no service directory"))
    if problems:
        raise ImportFailed(problems)
    importer = _Importer(tables, directory, progress, warnings)
    with transaction.atomic():
        importer.run()
        if dry_run:
            transaction.set_rollback(True)
    return {"counts": importer.counts, "warnings": warnings}


def _by(rows, column):
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.get(column)].append(row)
    return grouped


def _u(value):
    return uuid.UUID(value) if value else None


def _int(value):
    return int(float(value)) if value else None


def _float(value):
    return float(value) if value else None


class _Importer:
    def __init__(self, tables, directory, progress, warnings):
        self.t = {name: tables.get(name, []) for name in reader.tabular.TABLES}
        self.directory = directory
        self.progress = progress
        self.warnings = warnings
        self.counts = defaultdict(int)
        self.neighborhoods = {p.title: p for p in NeighborhoodPage.objects.all()}
        # Rows grouped by a column, and terms and locations by HSDS id, each
        # worked out once: per service, regrouping every table cost 0.3 s
        # (47 minutes at 10,000 services) and the lookups a query per row.
        self._groups = {}
        self._terms = {}
        self._locations = {}

    def by(self, table, column) -> dict:
        """``table``'s rows grouped by ``column`` (computed once)."""
        key = (table, column)
        if key not in self._groups:
            self._groups[key] = _by(self.t[table], column)
        return self._groups[key]

    def term_by_id(self, hsds_id):
        if hsds_id not in self._terms:
            self._terms[hsds_id] = TaxonomyTerm.objects.get(hsds_id=hsds_id)
        return self._terms[hsds_id]

    def location_by_id(self, hsds_id):
        if hsds_id not in self._locations:
            self._locations[hsds_id] = Location.objects.get(hsds_id=hsds_id)
        return self._locations[hsds_id]

    def run(self):
        total = len(self.t["organization"]) + len(self.t["service"])
        if self.progress:
            self.progress.start(total)
        self.taxonomies()
        self.terms()
        for row in self.t["organization"]:
            self.organization(row)
            self.step()
        services_of = self.by("service", "organization_id")
        for org_id, rows in services_of.items():
            parent = OrganizationPage.objects.get(hsds_id=org_id)
            for row in rows:
                self.service(row, parent)
                self.step()
        if self.progress:
            self.progress.finish()

    def step(self):
        if self.progress:
            self.progress.advance()

    def _count(self, kind, created):
        self.counts[f"{kind} {'created' if created else 'updated'}"] += 1

    # --- Taxonomies ---------------------------------------------------------
    def taxonomies(self):
        for row in self.t["taxonomy"]:
            _obj, created = Taxonomy.objects.update_or_create(
                hsds_id=_u(row.get("id")),
                defaults={
                    "name": row.get("name"),
                    "description": row.get("description"),
                    "uri": row.get("uri"),
                    "version": row.get("version"),
                },
            )
            self._count("taxonomy", created)

    def terms(self):
        pending = list(self.t["taxonomy_term"])
        placed = {
            str(v) for v in TaxonomyTerm.objects.values_list("hsds_id", flat=True)
        }
        while pending:
            ready = [
                r
                for r in pending
                if not r.get("parent_id") or r.get("parent_id") in placed
            ]
            if not ready:  # a cycle: validation cannot see it cheaply, refuse here
                row = pending[0]
                raise ImportFailed(
                    [Problem(row.file, row.number, "parent_id", "terms form a cycle")]
                )
            for row in ready:
                self.term(row)
                placed.add(row.get("id"))
                pending.remove(row)

    def term(self, row):
        _obj, created = TaxonomyTerm.objects.update_or_create(
            hsds_id=_u(row.get("id")),
            defaults={
                "taxonomy": Taxonomy.objects.get(hsds_id=row.get("taxonomy_id")),
                "parent": TaxonomyTerm.objects.filter(
                    hsds_id=_u(row.get("parent_id"))
                ).first()
                if row.get("parent_id")
                else None,
                "code": row.get("code") or slugify(row.get("name"))[:100],
                "name": row.get("name"),
                "description": row.get("description"),
                "term_uri": row.get("term_uri"),
            },
        )
        self._count("taxonomy_term", created)

    # --- Pages ----------------------------------------------------------------
    def _page(self, model, row):
        page = model.objects.filter(hsds_id=_u(row.get("id"))).first()
        return (page or model(hsds_id=_u(row.get("id")))), page is None

    def _save(self, page, parent, created):
        if created:
            page.slug = _free_slug(parent, page.title)
            parent.add_child(instance=page)
        page.save_revision().publish()

    def organization(self, row):
        org, created = self._page(OrganizationPage, row)
        org.title = row.get("name")
        org.alternate_name = row.get("alternate_name")
        org.description = row.get("description")
        org.email = row.get("email")
        org.website = row.get("website")
        org.legal_status = row.get("legal_status")
        oid = row.get("id")
        phones = self.by("phone", "organization_id").get(oid, [])
        org.phones = _rows(org, "phones", OrganizationPhone, phones, _phone_fields)
        addresses = {k: v[-1] for k, v in self.by("address", "location_id").items()}
        access = {k: v[-1] for k, v in self.by("accessibility", "location_id").items()}
        org.locations = _rows(
            org,
            "locations",
            Location,
            self.by("location", "organization_id").get(oid, []),
            lambda r, old: _location_fields(r, old, addresses, access),
        )
        self._save(org, self.directory, created)
        self._count("organization", created)

    def service(self, row, parent):
        page, created = self._page(ServicePage, row)
        if not created and page.get_parent().pk != parent.pk:
            page.move(parent, pos="last-child")
            page = ServicePage.objects.get(pk=page.pk)
        for field in ServiceFields:
            setattr(page, field, row.get(field))
        page.title = row.get("name")
        page.website = row.get("url")
        page.minimum_age = _int(row.get("minimum_age"))
        page.maximum_age = _int(row.get("maximum_age"))
        sid = row.get("id")
        self._service_rows(page, sid)
        self._save(page, parent, created)
        self._verification(page, row)
        self._count("service", created)

    def _service_rows(self, page, sid):
        rows = {t: self.by(t, "service_id").get(sid, []) for t in SERVICE_TABLES}
        free = str(free_option_id(sid))
        options = [r for r in rows["cost_option"] if r.get("id") != free]
        # is_free: our own free option, or only zero-amount options from elsewhere.
        page.is_free = any(r.get("id") == free for r in rows["cost_option"]) or (
            bool(options) and all(_float(r.get("amount")) == 0 for r in options)
        )
        page.cost_options = _rows(
            page, "cost_options", CostOption, options, _cost_fields
        )
        page.required_documents = _rows(
            page,
            "required_documents",
            RequiredDocument,
            rows["required_document"],
            lambda r, old: {"document": r.get("document"), "uri": r.get("uri")},
        )
        page.phones = _rows(page, "phones", ServicePhone, rows["phone"], _phone_fields)
        page.opening_hours = _rows(
            page, "opening_hours", OpeningHours, rows["schedule"], _hours_fields
        )
        page.languages = _rows(
            page, "languages", ServiceLanguage, rows["language"], _language_fields
        )
        page.categories = _rows(
            page,
            "categories",
            ServiceCategory,
            self.by("attribute", "link_id").get(sid, []),
            lambda r, old: {"term": self.term_by_id(r.get("taxonomy_term_id"))},
        )
        areas = []
        for r in rows["service_area"]:
            if r.get("name") in self.neighborhoods:
                areas.append(r)
            else:
                self.warnings.append(
                    Problem(
                        r.file,
                        r.number,
                        "name",
                        "no neighborhood page has this name: not imported",
                    )
                )
        page.service_areas = _rows(
            page,
            "service_areas",
            ServiceArea,
            areas,
            lambda r, old: {"neighborhood": self.neighborhoods[r.get("name")]},
        )
        page.service_at_locations = _rows(
            page,
            "service_at_locations",
            ServiceAtLocation,
            rows["service_at_location"],
            lambda r, old: {
                "location": self.location_by_id(r.get("location_id")),
                "description": r.get("description"),
            },
        )

    def _verification(self, page, row):
        day = parse_date(row.get("assured_date") or "")
        if day is None:
            return
        latest = page.verifications.first()
        email = row.get("assurer_email")
        if (
            latest
            and timezone.localdate(latest.verified_at) == day
            and latest.assurer_email == email
        ):
            return
        ServiceVerification.objects.create(
            service=page,
            verified_at=timezone.make_aware(datetime.combine(day, time(12))),
            assurer_email=email,
            note="HSDS import",
        )


ServiceFields = [
    "alternate_name",
    "description",
    "status",
    "alert",
    "email",
    "application_process",
    "eligibility_description",
    "fees_description",
    "interpretation_services",
    "wait_time",
]
SERVICE_TABLES = [
    "cost_option",
    "required_document",
    "phone",
    "schedule",
    "language",
    "service_area",
    "service_at_location",
]


def _rows(page, relation, model, rows, fields_for):
    """Child rows in file order; existing ones (same hsds_id) keep their pk."""
    existing = {}
    if page.pk:
        existing = {str(obj.hsds_id): obj for obj in getattr(page, relation).all()}
    objects = []
    for order, row in enumerate(rows):
        old = existing.get(row.get("id"))
        obj = model(hsds_id=_u(row.get("id")), sort_order=order, **fields_for(row, old))
        if old is not None:
            obj.pk = old.pk
        objects.append(obj)
    return objects


def _phone_fields(row, old):
    return {
        "number": row.get("number"),
        "extension": _int(row.get("extension")),
        "type": row.get("type") or "voice",
        "description": row.get("description"),
    }


def _location_fields(row, old, addresses, access):
    address = addresses.get(row.get("id"))
    accessibility = access.get(row.get("id"))
    fields = {
        "name": row.get("name") or row.get("id"),
        "location_type": row.get("location_type"),
        "description": row.get("description"),
        "transportation": row.get("transportation"),
        "latitude": _float(row.get("latitude")),
        "longitude": _float(row.get("longitude")),
        "address_hsds_id": _u(address.get("id"))
        if address
        else (old.address_hsds_id if old else uuid.uuid4()),
        "accessibility_hsds_id": _u(accessibility.get("id"))
        if accessibility
        else (old.accessibility_hsds_id if old else uuid.uuid4()),
        "accessibility_details": accessibility.get("details") if accessibility else "",
    }
    for column in ("address_1", "address_2", "city", "state_province", "postal_code"):
        fields[column] = address.get(column) if address else ""
    fields["country"] = (address.get("country") if address else "") or "US"
    if old is not None:
        fields["neighborhood"] = old.neighborhood
    return fields


def _cost_fields(row, old):
    return {
        "option": row.get("option"),
        "amount": Decimal(row.get("amount")) if row.get("amount") else None,
        "currency": row.get("currency") or "USD",
        "amount_description": row.get("amount_description"),
        "valid_from": parse_date(row.get("valid_from") or ""),
        "valid_to": parse_date(row.get("valid_to") or ""),
    }


def _hours_fields(row, old):
    return {
        "day_of_week": DAY_NUMBER[row.get("byday")],
        "opens_at": parse_time(row.get("opens_at")),
        "closes_at": parse_time(row.get("closes_at")),
        "valid_from": parse_date(row.get("valid_from") or ""),
        "valid_to": parse_date(row.get("valid_to") or ""),
        "notes": row.get("notes"),
    }


def _language_fields(row, old):
    code = row.get("code") or slugify(row.get("name"))[:8]
    language, _created = Language.objects.get_or_create(
        code=code, defaults={"name": row.get("name") or code}
    )
    return {"language": language, "note": row.get("note")}


def _free_slug(parent, title):
    taken = set(parent.get_children().values_list("slug", flat=True))
    base = slugify(title)[:240] or "item"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
