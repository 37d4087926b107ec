"""Check every row of an HSDS package before anything is written.

Types, required fields, enum values and references are checked for every
table; references must point at rows of the same package, except taxonomies
and terms, which may already be in the directory. Rows of tables the
directory does not hold become warnings, not errors.
"""

import uuid

from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.text import slugify

from resources.choices import WEEKDAY_ICAL, LocationType, PhoneType, ServiceStatus
from resources.hsds import tabular
from resources.hsds.problems import Problem
from resources.models import (
    Location,
    OrganizationPage,
    ServicePage,
    Taxonomy,
    TaxonomyTerm,
)

ENUMS = {
    ("service", "status"): set(ServiceStatus.values),
    ("location", "location_type"): set(LocationType.values),
    ("address", "address_type"): set(LocationType.values),
    ("phone", "type"): set(PhoneType.values),
    ("schedule", "freq"): {"WEEKLY"},
    ("schedule", "wkst"): set(WEEKDAY_ICAL.values()),
    ("schedule", "byday"): set(WEEKDAY_ICAL.values()),
}
NOT_HELD = ["program", "contact", "funding", "metadata", "meta_table_description"]
NOT_HELD += ["organization_identifier"]
LONGEST = {"name": 255, "alternate_name": 255, "code": 100, "number": 50}


def validate(tables: dict) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) for the whole package."""
    problems, warnings = [], []
    ids = {}
    for table, rows in tables.items():
        ids[table] = _check_rows(table, rows, problems)
    for table in NOT_HELD:
        for row in tables.get(table, []):
            warnings.append(Problem(row.file, row.number, "", "not imported"))
    _check_references(tables, ids, problems, warnings)
    _check_owners(tables, problems)
    _check_unique_names(tables, problems)
    return problems, warnings


def _check_unique_names(tables, problems):
    """Taxonomy names and term codes (per taxonomy) are unique in the directory."""
    held = {str(h): n for h, n in Taxonomy.objects.values_list("hsds_id", "name")}
    seen = {}
    for row in tables.get("taxonomy", []):
        owner = seen.setdefault(row.get("name"), row.get("id"))
        clash = [h for h, n in held.items() if n == row.get("name")]
        if owner != row.get("id") or (clash and clash[0] != row.get("id")):
            problems.append(
                Problem(row.file, row.number, "name", "another taxonomy has this name")
            )
    held_codes = {
        (str(t), c): str(h)
        for h, t, c in TaxonomyTerm.objects.values_list(
            "hsds_id", "taxonomy__hsds_id", "code"
        )
    }
    seen = {}
    for row in tables.get("taxonomy_term", []):
        key = (row.get("taxonomy_id"), row.get("code") or slugify(row.get("name")))
        owner = seen.setdefault(key, row.get("id"))
        if owner != row.get("id") or held_codes.get(key, row.get("id")) != row.get(
            "id"
        ):
            problems.append(
                Problem(
                    row.file,
                    row.number,
                    "code",
                    "another term of the taxonomy has this code",
                )
            )


def _check_rows(table, rows, problems) -> set:
    seen = set()
    required = tabular.required(table)
    for row in rows:
        for column in required:
            if not row.get(column):
                problems.append(Problem(row.file, row.number, column, "is required"))
        for column, value in row.values.items():
            if value:
                message = _value_problem(table, column, value)
                if message:
                    problems.append(Problem(row.file, row.number, column, message))
        if row.get("id") in seen:
            problems.append(Problem(row.file, row.number, "id", "duplicate id"))
        seen.add(row.get("id"))
    return seen


def _value_problem(table, column, value):
    if column == "id" or column.endswith("_id"):
        try:
            uuid.UUID(value)
        except ValueError:
            return f"{value!r} is not a UUID"
    kind = tabular.field_type(column)
    if kind == "number":
        try:
            float(value)
        except ValueError:
            return f"{value!r} is not a number"
    if kind == "date" and _parse(parse_date, value) is None:
        return f"{value!r} is not a date (YYYY-MM-DD)"
    if kind == "datetime" and _parse(parse_datetime, value) is None:
        return f"{value!r} is not a date-time"
    if column in ("opens_at", "closes_at") and _parse(parse_time, value) is None:
        return f"{value!r} is not a time (HH:MM)"
    allowed = ENUMS.get((table, column))
    if allowed and value not in allowed:
        return f"{value!r} is not one of: {', '.join(sorted(allowed))}"
    if column in LONGEST and len(value) > LONGEST[column]:
        return f"longer than {LONGEST[column]} characters"
    return None


def _parse(parser, value):
    try:
        return parser(value)
    except ValueError:
        return None


# (table, column, target table, also look in this model, required)
REFERENCES = [
    ("service", "organization_id", "organization", None, True),
    ("location", "organization_id", "organization", None, True),
    ("address", "location_id", "location", None, True),
    ("accessibility", "location_id", "location", None, True),
    ("service_at_location", "service_id", "service", None, True),
    ("service_at_location", "location_id", "location", None, True),
    ("attribute", "link_id", "service", None, True),
    ("attribute", "taxonomy_term_id", "taxonomy_term", TaxonomyTerm, True),
    ("taxonomy_term", "taxonomy_id", "taxonomy", Taxonomy, True),
    ("taxonomy_term", "parent_id", "taxonomy_term", TaxonomyTerm, False),
    ("cost_option", "service_id", "service", None, True),
    ("required_document", "service_id", "service", None, True),
    ("service_area", "service_id", "service", None, True),
    ("language", "service_id", "service", None, True),
    ("schedule", "service_id", "service", None, True),
    ("phone", "organization_id", "organization", None, False),
    ("phone", "service_id", "service", None, False),
]


def _check_references(tables, ids, problems, warnings):
    for table, column, target, model, needed in REFERENCES:
        rows = tables.get(table, [])
        wanted = {r.get(column) for r in rows if r.get(column)}
        known = set(ids.get(target, set()))
        if model is not None and wanted - known:
            known |= {
                str(value)
                for value in model.objects.filter(
                    hsds_id__in=_uuids(wanted - known)
                ).values_list("hsds_id", flat=True)
            }
        for row in rows:
            value = row.get(column)
            if not value:
                if needed and column not in tabular.required(table):
                    problems.append(
                        Problem(row.file, row.number, column, "is required here")
                    )
            elif value not in known and _is_uuid(value):
                problems.append(
                    Problem(row.file, row.number, column, f"no {target} has id {value}")
                )
    for row in tables.get("phone", []):
        if not (row.get("organization_id") or row.get("service_id")):
            warnings.append(
                Problem(
                    row.file,
                    row.number,
                    "",
                    "phone of neither an organization nor a service: not imported",
                )
            )
    for row in tables.get("attribute", []):
        if row.get("link_entity") and row.get("link_entity") != "service":
            problems.append(
                Problem(row.file, row.number, "link_entity", "only 'service' is held")
            )
    for row in tables.get("language", []):
        if len(row.get("code")) > 8:
            problems.append(Problem(row.file, row.number, "code", "longer than 8"))
        if not (row.get("code") or row.get("name")):
            problems.append(
                Problem(row.file, row.number, "code", "code or name needed")
            )
    for row in tables.get("schedule", []):
        for column in ("byday", "opens_at", "closes_at"):
            if not row.get(column):
                problems.append(
                    Problem(
                        row.file, row.number, column, "is required for weekly hours"
                    )
                )
    _one_per_location(tables, "address", problems)
    _one_per_location(tables, "accessibility", problems)


def _one_per_location(tables, table, problems):
    seen = set()
    for row in tables.get(table, []):
        if row.get("location_id") in seen:
            problems.append(
                Problem(
                    row.file,
                    row.number,
                    "location_id",
                    f"only one {table} per location is held",
                )
            )
        seen.add(row.get("location_id"))


def _check_owners(tables, problems):
    """Ids already in the directory must keep their kind and their parent."""
    orgs = {r.get("id"): r for r in tables.get("organization", [])}
    services = {r.get("id"): r for r in tables.get("service", [])}
    locations = {r.get("id"): r for r in tables.get("location", [])}
    for rows, model in ((orgs, ServicePage), (services, OrganizationPage)):
        clash = model.objects.filter(hsds_id__in=_uuids(rows)).values_list(
            "hsds_id", flat=True
        )
        for value in clash:
            row = rows[str(value)]
            problems.append(
                Problem(row.file, row.number, "id", f"is a {model.__name__} already")
            )
    existing = Location.objects.filter(hsds_id__in=_uuids(locations)).values_list(
        "hsds_id", "organization__hsds_id"
    )
    for location_id, org_id in existing:
        row = locations[str(location_id)]
        if row.get("organization_id") != str(org_id):
            problems.append(
                Problem(
                    row.file,
                    row.number,
                    "organization_id",
                    "this location belongs to another organization already",
                )
            )
    for row in tables.get("service_at_location", []):
        service, location = (
            services.get(row.get("service_id")),
            locations.get(row.get("location_id")),
        )
        if (
            service
            and location
            and (service.get("organization_id") != location.get("organization_id"))
        ):
            problems.append(
                Problem(
                    row.file,
                    row.number,
                    "location_id",
                    "the location belongs to another organization than the service",
                )
            )


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _uuids(values):
    return [v for v in values if _is_uuid(v)]
