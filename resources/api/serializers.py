"""HSDS 3.1 objects as plain dicts, built from already-loaded model rows.

Flat ``*_row`` functions give one HSDS object without its children: they are
the CSV rows of the tabular export too, so the API and the export cannot
disagree. ``*_full`` functions nest the children. Nothing here queries the
database: callers prefetch (see ``resources.api.queries``). Empty values are
left out, because the HSDS schemas type fields as strings or numbers, not null.
"""

import uuid

from django.utils import timezone

from resources.choices import WEEKDAY_ICAL

# is_free has no HSDS field: it is published as a zero-amount cost option
# whose id is derived from the service id, so it round-trips as the same row.
FREE_OPTION_NAMESPACE = uuid.UUID("6f0d9c83-8f1e-4f6a-9b57-3c4c8ad1e0f2")
FREE_OPTION_LABEL = "Free"


def clean(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "")}


def _id(value):
    return str(value) if value else None


def _date(value):
    return value.isoformat() if value else None


def _time(value):
    return value.strftime("%H:%M") if value else None


def _number(value):
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def free_option_id(service_hsds_id) -> uuid.UUID:
    return uuid.uuid5(FREE_OPTION_NAMESPACE, str(service_hsds_id))


# --- Taxonomy -------------------------------------------------------------------


def taxonomy_row(taxonomy) -> dict:
    return clean(
        {
            "id": str(taxonomy.hsds_id),
            "name": taxonomy.name,
            "description": taxonomy.description or taxonomy.name,
            "uri": taxonomy.uri,
            "version": taxonomy.version,
        }
    )


def taxonomy_term_row(term) -> dict:
    """Needs ``taxonomy`` and ``parent`` selected with the term."""
    return clean(
        {
            "id": str(term.hsds_id),
            "code": term.code,
            "name": term.name,
            "description": term.description or term.name,
            "parent_id": _id(term.parent.hsds_id if term.parent_id else None),
            "taxonomy": term.taxonomy.name,
            "taxonomy_id": str(term.taxonomy.hsds_id),
            "term_uri": term.term_uri,
        }
    )


def taxonomy_term_full(term) -> dict:
    return {**taxonomy_term_row(term), "taxonomy_detail": taxonomy_row(term.taxonomy)}


# --- Organization and locations --------------------------------------------------


def organization_row(organization) -> dict:
    return clean(
        {
            "id": str(organization.hsds_id),
            "name": organization.title,
            "alternate_name": organization.alternate_name,
            "description": organization.description or organization.title,
            "email": organization.email,
            "website": organization.website,
            "legal_status": organization.legal_status,
        }
    )


def phone_row(phone, **owner) -> dict:
    return clean(
        {
            "id": str(phone.hsds_id),
            **{key: str(value) for key, value in owner.items()},
            "number": phone.number,
            "extension": phone.extension,
            "type": phone.type,
            "description": phone.description,
        }
    )


def location_row(location, organization_hsds_id) -> dict:
    return clean(
        {
            "id": str(location.hsds_id),
            "location_type": location.location_type,
            "organization_id": str(organization_hsds_id),
            "name": location.name,
            "description": location.description,
            "transportation": location.transportation,
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
    )


def address_row(location):
    """The HSDS address, or None: it needs street, city, state and ZIP."""
    required = [
        location.address_1,
        location.city,
        location.state_province,
        location.postal_code,
    ]
    if not all(required):
        return None
    return clean(
        {
            "id": str(location.address_hsds_id),
            "location_id": str(location.hsds_id),
            "address_1": location.address_1,
            "address_2": location.address_2,
            "city": location.city,
            "state_province": location.state_province,
            "postal_code": location.postal_code,
            "country": location.country,
            "address_type": location.location_type,
        }
    )


def accessibility_row(location):
    if not location.accessibility_details:
        return None
    return {
        "id": str(location.accessibility_hsds_id),
        "location_id": str(location.hsds_id),
        "details": location.accessibility_details,
    }


def location_full(location, organization_hsds_id) -> dict:
    address = address_row(location)
    accessibility = accessibility_row(location)
    return {
        **location_row(location, organization_hsds_id),
        "addresses": [address] if address else [],
        "accessibility": [accessibility] if accessibility else [],
        "phones": [],
        "languages": [],
        "schedules": [],
        "contacts": [],
    }


def organization_full(organization, services=()) -> dict:
    """Needs ``phones`` and ``locations`` prefetched; ``services`` are listed ones."""
    org_id = organization.hsds_id
    return {
        **organization_row(organization),
        "phones": [
            phone_row(p, organization_id=org_id) for p in organization.phones.all()
        ],
        "locations": [
            location_full(loc, org_id) for loc in organization.locations.all()
        ],
        "services": [service_row(s, org_id) for s in services],
        "contacts": [],
        "funding": [],
        "programs": [],
        "organization_identifiers": [],
    }


# --- Service and its rows -------------------------------------------------------


def latest_verification(service):
    """From the ``verification_list`` prefetch (newest first)."""
    rows = getattr(service, "verification_list", None)
    if rows is None:
        return service.latest_verification
    return rows[0] if rows else None


def service_row(service, organization_hsds_id) -> dict:
    verification = latest_verification(service)
    return clean(
        {
            "id": str(service.hsds_id),
            "organization_id": _id(organization_hsds_id),
            "name": service.title,
            "alternate_name": service.alternate_name,
            "description": service.description,
            "url": service.website,
            "email": service.email,
            "status": service.status,
            "interpretation_services": service.interpretation_services,
            "application_process": service.application_process,
            "fees_description": service.fees_description,
            "wait_time": service.wait_time,
            "eligibility_description": service.eligibility_description,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": _date(timezone.localdate(verification.verified_at))
            if verification
            else None,
            "assurer_email": verification.assurer_email if verification else None,
            "alert": service.alert,
            "last_modified": service.last_published_at.isoformat()
            if service.last_published_at
            else None,
        }
    )


def attribute_row(category, service_hsds_id) -> dict:
    return {
        "id": str(category.hsds_id),
        "link_id": str(service_hsds_id),
        "taxonomy_term_id": str(category.term.hsds_id),
        "link_type": "service_category",
        "link_entity": "service",
    }


def language_row(row, service_hsds_id) -> dict:
    return clean(
        {
            "id": str(row.hsds_id),
            "service_id": str(service_hsds_id),
            "name": row.language.name,
            "code": row.language.code,
            "note": row.note,
        }
    )


def cost_option_rows(service) -> list[dict]:
    rows = [
        clean(
            {
                "id": str(option.hsds_id),
                "service_id": str(service.hsds_id),
                "valid_from": _date(option.valid_from),
                "valid_to": _date(option.valid_to),
                "option": option.option,
                "currency": option.currency,
                "amount": _number(option.amount),
                "amount_description": option.amount_description,
            }
        )
        for option in service.cost_options.all()
    ]
    if service.is_free:
        rows.insert(
            0,
            {
                "id": str(free_option_id(service.hsds_id)),
                "service_id": str(service.hsds_id),
                "option": FREE_OPTION_LABEL,
                "amount": 0,
            },
        )
    return rows


def required_document_row(row, service_hsds_id) -> dict:
    return clean(
        {
            "id": str(row.hsds_id),
            "service_id": str(service_hsds_id),
            "document": row.document,
            "uri": row.uri,
        }
    )


def service_area_row(row, service_hsds_id) -> dict:
    return {
        "id": str(row.hsds_id),
        "service_id": str(service_hsds_id),
        "name": row.neighborhood.title,
        "extent_type": "other",
        "description": "DMI neighborhood",
    }


def schedule_row(row, service_hsds_id) -> dict:
    """A weekly period as an RFC 5545-style HSDS schedule."""
    return clean(
        {
            "id": str(row.hsds_id),
            "service_id": str(service_hsds_id),
            "valid_from": _date(row.valid_from),
            "valid_to": _date(row.valid_to),
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": WEEKDAY_ICAL[row.day_of_week],
            "opens_at": _time(row.opens_at),
            "closes_at": _time(row.closes_at),
            "notes": row.notes,
        }
    )


def service_at_location_row(row, service_hsds_id) -> dict:
    return clean(
        {
            "id": str(row.hsds_id),
            "service_id": str(service_hsds_id),
            "location_id": str(row.location.hsds_id),
            "description": row.description,
        }
    )


def service_full(service, organization) -> dict:
    """One fully nested service; every relation must be prefetched."""
    sid, org_id = service.hsds_id, organization.hsds_id
    return {
        **service_row(service, org_id),
        "organization": organization_row(organization),
        "phones": [phone_row(p, service_id=sid) for p in service.phones.all()],
        "schedules": [schedule_row(h, sid) for h in service.opening_hours.all()],
        "service_areas": [
            service_area_row(a, sid) for a in service.service_areas.all()
        ],
        "service_at_locations": [
            {
                **service_at_location_row(row, sid),
                "location": location_full(row.location, org_id),
            }
            for row in service.service_at_locations.all()
        ],
        "languages": [language_row(row, sid) for row in service.languages.all()],
        "cost_options": cost_option_rows(service),
        "required_documents": [
            required_document_row(d, sid) for d in service.required_documents.all()
        ],
        "attributes": [
            {**attribute_row(c, sid), "taxonomy_term": taxonomy_term_row(c.term)}
            for c in service.categories.all()
        ],
        "contacts": [],
        "funding": [],
        "capacities": [],
        "additional_urls": [],
    }


def service_brief(service, organization) -> dict:
    """A list item: the service's one-to-one fields and its organization."""
    return {
        **service_row(service, organization.hsds_id),
        "organization": organization_row(organization),
    }


def service_at_location_brief(row, service, organization) -> dict:
    address = address_row(row.location)
    return {
        **service_at_location_row(row, service.hsds_id),
        "service": service_row(service, organization.hsds_id),
        "location": {
            **location_row(row.location, organization.hsds_id),
            "addresses": [address] if address else [],
        },
    }


def service_at_location_full(row, service, organization) -> dict:
    return {
        **service_at_location_row(row, service.hsds_id),
        "service": service_full(service, organization),
        "location": location_full(row.location, organization.hsds_id),
        "schedules": [],
        "phones": [],
        "contacts": [],
        "service_areas": [],
    }
