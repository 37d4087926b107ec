"""Every HSDS endpoint's response validates against the official HSDS 3.1 schemas."""

import pytest

from resources.models import Taxonomy, TaxonomyTerm
from tests import factories
from tests.resources.hsds_schemas import assert_valid, response_validator

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(org, neighborhood):
    """A service with every kind of row, at a geocoded location."""
    from decimal import Decimal

    from resources.models import CostOption, RequiredDocument, ServicePhone

    location = org.locations.get()
    location.latitude, location.longitude = 37.8, -122.27
    location.accessibility_details = "Step-free entrance"
    location.save()
    service = factories.service(
        org,
        title="Buprenorphine clinic",
        categories=("buprenorphine", "counseling"),
        languages=("en", "es"),
        hours=[(0, "09:00", "17:00"), (4, "22:00", "02:00")],
        neighborhoods=[neighborhood],
        minimum_age=18,
        website="https://clinic.example.org/",
        email="clinic@example.org",
    )
    service.cost_options.add(
        CostOption(option="Per visit", amount=Decimal("12.50"), currency="USD")
    )
    service.required_documents.add(RequiredDocument(document="Photo ID"))
    service.phones.add(ServicePhone(number="555-0199", extension=12))
    service.save_revision().publish()
    factories.service(org, title="Free food pantry", categories=("food",), is_free=True)
    return service


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_root_matches_the_hsds_root_response(client, listed):
    data = get_json(client, "/api/hsds/")
    assert_valid(response_validator("/", paginated=False), data)
    assert data["version"] == "3.1"


@pytest.mark.parametrize("full", ["false", "true"])
def test_services_list_items_validate(client, listed, full):
    data = get_json(client, "/api/hsds/services", full=full)
    assert data["total_items"] == 2
    assert_valid(response_validator("/services", paginated=True), data)


def test_service_detail_is_a_fully_nested_valid_service(client, listed):
    data = get_json(client, f"/api/hsds/services/{listed.hsds_id}")
    assert_valid(response_validator("/services/{id}", paginated=False), data)
    assert data["id"] == str(listed.hsds_id)
    assert len(data["attributes"]) == 2
    assert data["service_at_locations"][0]["location"]["addresses"]


def test_organizations_list_and_detail_validate(client, listed, org):
    data = get_json(client, "/api/hsds/organizations")
    assert_valid(response_validator("/organizations", paginated=True), data)
    detail = get_json(client, f"/api/hsds/organizations/{org.hsds_id}")
    assert_valid(response_validator("/organizations/{id}", paginated=False), detail)
    assert len(detail["services"]) == 2
    full = get_json(
        client, f"/api/hsds/organizations/{org.hsds_id}", full_service="true"
    )
    assert_valid(response_validator("/organizations/{id}", paginated=False), full)


def test_taxonomies_list_and_detail_validate(client, listed):
    data = get_json(client, "/api/hsds/taxonomies")
    assert_valid(response_validator("/taxonomies", paginated=True), data)
    taxonomy = Taxonomy.objects.get()
    detail = get_json(client, f"/api/hsds/taxonomies/{taxonomy.hsds_id}")
    assert_valid(response_validator("/taxonomies/{id}", paginated=False), detail)


def test_taxonomy_terms_list_and_detail_validate(client, listed):
    data = get_json(client, "/api/hsds/taxonomy_terms", per_page=100)
    assert data["total_items"] == TaxonomyTerm.objects.count()
    assert_valid(response_validator("/taxonomy_terms", paginated=True), data)
    term = TaxonomyTerm.objects.get(code="buprenorphine")
    detail = get_json(client, f"/api/hsds/taxonomy_terms/{term.hsds_id}")
    assert_valid(response_validator("/taxonomy_terms/{id}", paginated=False), detail)
    assert detail["parent_id"] == str(term.parent.hsds_id)


@pytest.mark.parametrize("full", ["false", "true"])
def test_service_at_locations_list_validates(client, listed, full):
    data = get_json(client, "/api/hsds/service_at_locations", full=full)
    assert data["total_items"] == 2
    assert_valid(response_validator("/service_at_locations", paginated=True), data)


def test_service_at_location_detail_validates(client, listed):
    row = listed.service_at_locations.get()
    data = get_json(client, f"/api/hsds/service_at_locations/{row.hsds_id}")
    assert_valid(
        response_validator("/service_at_locations/{id}", paginated=False), data
    )


def test_empty_page_still_validates(client, listed):
    data = get_json(client, "/api/hsds/services", page=9)
    assert data["empty"] is True and data["contents"] == []
    assert_valid(response_validator("/services", paginated=True), data)
