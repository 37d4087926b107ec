"""schema.org JSON-LD on a service page: parses, has the keys, cannot break out."""

import json
import re

import pytest
from django.test import RequestFactory

from resources.jsonld import jsonld_script, service_jsonld
from resources.models import CostOption
from tests import factories

pytestmark = pytest.mark.django_db
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld_of(html):
    blocks = SCRIPT.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_service_page_carries_a_schema_org_service(client, org, neighborhood):
    service = factories.service(
        org,
        title="Job club",
        is_free=True,
        languages=("en", "es"),
        hours=[(0, "09:00", "17:00"), (4, "22:00", "02:00")],
        neighborhoods=[neighborhood],
    )
    data = jsonld_of(client.get(service.get_url()).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Service"
    assert data["name"] == "Job club"
    assert data["description"] == "Job club for anyone who asks."
    assert data["url"].endswith(service.get_url())
    assert data["provider"] == {
        "@type": "Organization",
        "name": "Riverton Recovery Center",
        "url": data["provider"]["url"],
        "email": "contact@provider.example.org",
        "telephone": "555-0100",
    }
    assert data["hoursAvailable"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "09:00:00",
            "closes": "17:00:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Friday",
            "opens": "22:00:00",
            "closes": "02:00:00",
        },
    ]
    assert [lang["name"] for lang in data["availableLanguage"]] == [
        "English",
        "Spanish",
    ]
    assert data["areaServed"] == [{"@type": "Place", "name": "Eastgate"}]
    assert data["offers"] == [{"@type": "Offer", "price": "0", "priceCurrency": "USD"}]


def test_offers_list_the_prices_of_a_paid_service(org):
    service = factories.service(org, title="Driving lessons")
    service.cost_options.add(CostOption(option="Per lesson", amount="25.00"))
    service.save()
    data = service_jsonld(service, RequestFactory().get("/"))
    assert data["offers"] == [
        {
            "@type": "Offer",
            "name": "Per lesson",
            "price": "25.00",
            "priceCurrency": "USD",
        }
    ]


def test_closing_script_tag_in_a_description_cannot_end_the_block(org):
    service = factories.service(
        org, title="Tricky", description='</script><script>alert("x")</script> & more'
    )
    html = str(jsonld_script(service_jsonld(service, RequestFactory().get("/"))))
    assert html.count("</script>") == 1
    assert "<script>" not in html
    assert jsonld_of(html)["description"] == (
        '</script><script>alert("x")</script> & more'
    )
