"""The public directory as an HSDS 3.1 tabular data package and JSON.

What is exported is what the public sees: live organizations and listed
services (live, public, not defunct), with every taxonomy and term.

The zip holds ``datapackage.json``, one CSV per HSDS table, ``hsds.json`` (the
same tables as JSON, in the shape of HSDS's tabular.json: importable) and
``services.json`` (fully nested services, in the shape of service.json).
"""

import csv
import io
import json
import zipfile

from resources.api import queries
from resources.api import serializers as s
from resources.hsds import tabular
from resources.models import ServicePage, Taxonomy

CHUNK = 500  # services hydrated per batch: bounded memory and query count


def _listed_services():
    ids = list(queries.services().order_by("path").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        yield from queries.hydrate_services(ids[start : start + CHUNK], full=True)


def build(*, nested=True) -> tuple[dict, list]:
    """(tables: name -> rows as dicts, nested services) of the public directory."""
    tables = {table: [] for table in tabular.TABLES}
    for taxonomy in Taxonomy.objects.order_by("name", "pk"):
        tables["taxonomy"].append(s.taxonomy_row(taxonomy))
    for term in queries.terms().order_by("taxonomy__name", "code", "pk"):
        tables["taxonomy_term"].append(s.taxonomy_term_row(term))
    organizations = {}
    for org in queries.organizations_hydrated().order_by("path"):
        organizations[org.path] = org
        tables["organization"].append(s.organization_row(org))
        for phone in org.phones.all():
            tables["phone"].append(s.phone_row(phone, organization_id=org.hsds_id))
        for location in org.locations.all():
            tables["location"].append(s.location_row(location, org.hsds_id))
            for table, row in (
                ("address", s.address_row(location)),
                ("accessibility", s.accessibility_row(location)),
            ):
                if row:
                    tables[table].append(row)
    services_nested = []
    for service in _listed_services():
        org = organizations.get(service.path[: -ServicePage.steplen])
        if org is None:  # under an unpublished organization: not public
            continue
        _service_rows(tables, service, org)
        if nested:
            services_nested.append(s.service_full(service, org))
    return tables, services_nested


def _service_rows(tables, service, org):
    sid = service.hsds_id
    tables["service"].append(s.service_row(service, org.hsds_id))
    tables["attribute"] += [s.attribute_row(c, sid) for c in service.categories.all()]
    tables["language"] += [s.language_row(row, sid) for row in service.languages.all()]
    tables["cost_option"] += s.cost_option_rows(service)
    tables["required_document"] += [
        s.required_document_row(row, sid) for row in service.required_documents.all()
    ]
    tables["service_area"] += [
        s.service_area_row(row, sid) for row in service.service_areas.all()
    ]
    tables["phone"] += [s.phone_row(p, service_id=sid) for p in service.phones.all()]
    tables["schedule"] += [
        s.schedule_row(row, sid) for row in service.opening_hours.all()
    ]
    tables["service_at_location"] += [
        s.service_at_location_row(row, sid)
        for row in service.service_at_locations.all()
    ]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def csv_text(table: str, rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=tabular.columns(table), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def tabular_json(tables: dict) -> dict:
    return {table: rows for table, rows in tables.items() if rows}


def write_zip(target, *, title="DMI Portal service directory", built=None) -> dict:
    """Write the package to ``target`` (a path or a binary file); returns counts.

    ``built`` is what ``build()`` returned, when the caller needs the tables
    for another form too (the download's JSON): the directory is read once.
    """
    tables, services_nested = built if built is not None else build()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "datapackage.json", json.dumps(tabular.datapackage(title), indent=2)
        )
        for table, rows in tables.items():
            archive.writestr(tabular.file_name(table), csv_text(table, rows))
        archive.writestr("hsds.json", json.dumps(tabular_json(tables), indent=1))
        archive.writestr("services.json", json.dumps(services_nested, indent=1))
    return {table: len(rows) for table, rows in tables.items() if rows}


def counts_line(counts: dict) -> str:
    return ", ".join(f"{count} {table}" for table, count in counts.items())


__all__ = ["build", "csv_text", "tabular_json", "write_zip"]
