"""schema.org JSON-LD for a service page (``Service`` with its provider).

The data goes in a ``<script type="application/ld+json">`` block: browsers do
not execute it, so the Content-Security-Policy needs no exception. Like
Django's ``json_script``, ``<``, ``>`` and ``&`` are written as ``\\u003C``…
so a ``</script>`` inside a description cannot end the block early.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from resources.choices import WEEKDAY_SCHEMA_ORG

JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _drop_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _address(location) -> dict:
    return _drop_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(
                part for part in (location.address_1, location.address_2) if part
            ),
            "addressLocality": location.city,
            "addressRegion": location.state_province,
            "postalCode": location.postal_code,
            "addressCountry": location.country,
        }
    )


def _provider(organization, request) -> dict | None:
    if organization is None:
        return None
    return _drop_empty(
        {
            "@type": "Organization",
            "name": organization.title,
            "url": organization.website or organization.get_full_url(request),
            "email": organization.email,
            "telephone": next((p.number for p in organization.phones.all()), None),
        }
    )


def _hours(service) -> list[dict]:
    return [
        _drop_empty(
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": WEEKDAY_SCHEMA_ORG[row.day_of_week],
                "opens": row.opens_at.strftime("%H:%M:%S"),
                "closes": row.closes_at.strftime("%H:%M:%S"),
                "validFrom": row.valid_from,
                "validThrough": row.valid_to,
            }
        )
        for row in service.opening_hours.all()
    ]


def _offers(service) -> list[dict]:
    if service.is_free:
        return [{"@type": "Offer", "price": "0", "priceCurrency": "USD"}]
    return [
        _drop_empty(
            {
                "@type": "Offer",
                "name": option.option,
                "price": str(option.amount) if option.amount is not None else None,
                "priceCurrency": option.currency,
                "description": option.amount_description,
            }
        )
        for option in service.cost_options.all()
    ]


def service_jsonld(service, request) -> dict:
    """The schema.org description of one service (rows may be prefetched)."""
    places = [
        _drop_empty(
            {
                "@type": "Place",
                "name": sal.location.name,
                "address": _address(sal.location) if sal.location.has_address else None,
                "latitude": sal.location.latitude,
                "longitude": sal.location.longitude,
            }
        )
        for sal in service.service_at_locations.all()
    ]
    areas = [
        {"@type": "Place", "name": area.neighborhood.title}
        for area in service.service_areas.all()
    ]
    return _drop_empty(
        {
            "@context": "https://schema.org",
            "@type": "Service",
            "@id": f"urn:uuid:{service.hsds_id}",
            "name": service.title,
            "alternateName": service.alternate_name,
            "description": service.description,
            "url": service.get_full_url(request),
            "provider": _provider(service.organization, request),
            "serviceType": [c.term.name for c in service.categories.all()],
            "availableLanguage": [
                {
                    "@type": "Language",
                    "name": row.language.name,
                    "alternateName": row.language.code,
                }
                for row in service.languages.all()
            ],
            "areaServed": areas,
            "availableChannel": _drop_empty(
                {
                    "@type": "ServiceChannel",
                    "serviceUrl": service.website or None,
                    "servicePhone": next(
                        (
                            {"@type": "ContactPoint", "telephone": p.number}
                            for p in service.phones.all()
                        ),
                        None,
                    ),
                    "serviceLocation": places,
                }
            ),
            "hoursAvailable": _hours(service),
            "offers": _offers(service),
            "dateModified": service.last_modified,
        }
    )


def jsonld_script(data: dict) -> str:
    """A CSP-safe, HTML-safe ``<script type="application/ld+json">`` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # Safe: the three characters that could end or open markup are escaped.
    escaped = mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308
    return format_html('<script type="application/ld+json">{}</script>', escaped)
