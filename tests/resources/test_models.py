"""The directory's page tree, HSDS ids, seeded categories and query helpers."""

import pytest

from resources.choices import ServiceStatus
from resources.models import ServicePage, TaxonomyTerm
from tests import factories

pytestmark = pytest.mark.django_db


def test_seeded_categories_include_medication_for_opioid_use_disorder(db):
    moud = TaxonomyTerm.objects.get(code="moud")
    assert moud.parent.code == "substance-use"
    assert set(moud.children.values_list("code", flat=True)) == {
        "buprenorphine",
        "methadone",
        "naltrexone",
    }


def test_every_hsds_object_has_its_own_uuid_distinct_from_wagtail_ids(org):
    service = factories.service(org, hours=[(0, "09:00", "17:00")])
    ids = {
        org.hsds_id,
        service.hsds_id,
        org.locations.get().hsds_id,
        org.phones.get().hsds_id,
        service.opening_hours.get().hsds_id,
        service.service_at_locations.get().hsds_id,
        service.categories.get().hsds_id,
        service.languages.get().hsds_id,
    }
    assert len(ids) == 8


def test_defunct_service_keeps_its_record_but_is_not_listed(org):
    factories.service(org, title="Closed for good", status=ServiceStatus.DEFUNCT)
    factories.service(org, title="Still open")
    assert ServicePage.objects.count() == 2
    assert list(ServicePage.objects.listed().values_list("title", flat=True)) == [
        "Still open"
    ]


def test_service_page_keeps_wagtails_url_and_has_a_website_field(org):
    service = factories.service(org, website="https://help.example.org/")
    assert service.url == "/find-help/riverton-recovery-center/walk-in-counseling/"
    assert service.website == "https://help.example.org/"


def test_service_pages_render(client, org):
    service = factories.service(org)
    for page in (service, org, org.get_parent()):
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title.encode() in response.content
