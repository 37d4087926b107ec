"""API parameters: AND filters, pages, JSON 400/404, CORS, query counts."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from resources.models import ServicePage, Taxonomy, TaxonomyTerm
from tests import factories

pytestmark = pytest.mark.django_db
UNKNOWN_UUID = "6d1f2f4e-0000-4000-8000-000000000001"  # fixed: xdist collects alike


@pytest.fixture
def services(org, other_org):
    return {
        "bup": factories.service(
            org, title="Buprenorphine clinic", categories=("buprenorphine",)
        ),
        "jobs": factories.service(
            org, title="Job placement desk", categories=("job-placement",)
        ),
        "legal": factories.service(
            other_org, title="Record relief clinic", categories=("record-relief",)
        ),
        "gone": factories.service(
            org, title="Old shelter", categories=("housing",), status="defunct"
        ),
        "draft": factories.service(
            org, title="Draft detox", categories=("moud",), live=False
        ),
    }


def names(response):
    assert response.status_code == 200, response.content
    return sorted(item["name"] for item in response.json()["contents"])


def test_only_listed_services_are_served(client, services):
    assert names(client.get("/api/hsds/services")) == [
        "Buprenorphine clinic",
        "Job placement desk",
        "Record relief clinic",
    ]
    for hidden in ("gone", "draft"):
        url = f"/api/hsds/services/{services[hidden].hsds_id}"
        assert client.get(url).status_code == 404


def test_ids_are_hsds_uuids_not_page_pks(client, services):
    service = services["bup"]
    assert client.get(f"/api/hsds/services/{service.pk}").status_code == 400
    data = client.get(f"/api/hsds/services/{service.hsds_id}").json()
    assert data["id"] == str(service.hsds_id)


def test_taxonomy_term_filter_includes_narrower_terms(client, services):
    moud = TaxonomyTerm.objects.get(code="moud")
    assert names(
        client.get("/api/hsds/services", {"taxonomy_term_id": str(moud.hsds_id)})
    ) == ["Buprenorphine clinic"]


def test_filters_combine_by_and(client, services, org):
    term = TaxonomyTerm.objects.get(code="record-relief")
    params = {
        "taxonomy_term_id": str(term.hsds_id),
        "organization_id": str(org.hsds_id),
    }
    assert names(client.get("/api/hsds/services", params)) == []
    params["organization_id"] = str(services["legal"].get_parent().specific.hsds_id)
    assert names(client.get("/api/hsds/services", params)) == ["Record relief clinic"]


def test_taxonomy_id_and_modified_after(client, services):
    taxonomy = Taxonomy.objects.get()
    assert (
        len(
            names(
                client.get("/api/hsds/services", {"taxonomy_id": str(taxonomy.hsds_id)})
            )
        )
        == 3
    )
    later = (timezone.now() + timedelta(days=1)).isoformat()
    assert names(client.get("/api/hsds/services", {"modified_after": later})) == []
    assert (
        len(names(client.get("/api/hsds/services", {"modified_after": "2000-01-01"})))
        == 3
    )


def test_search_finds_by_words(client, services):
    assert names(client.get("/api/hsds/services", {"search": "relief"})) == [
        "Record relief clinic"
    ]


@pytest.mark.parametrize("words", ['"', "relief*", "AND OR", "'"])
def test_search_operators_are_plain_words_never_a_500(client, services, words):
    assert client.get("/api/hsds/services", {"search": words}).status_code == 200


def test_organizations_filter_by_term_and_search(client, services, org):
    term = TaxonomyTerm.objects.get(code="record-relief")
    assert names(
        client.get("/api/hsds/organizations", {"taxonomy_term_id": str(term.hsds_id)})
    ) == ["Harbor Legal Aid"]
    assert names(client.get("/api/hsds/organizations", {"search": "Harbor"})) == [
        "Harbor Legal Aid"
    ]


def test_taxonomy_terms_filters(client, services):
    moud = TaxonomyTerm.objects.get(code="moud")
    data = client.get(
        "/api/hsds/taxonomy_terms", {"parent_id": str(moud.hsds_id)}
    ).json()
    assert sorted(t["code"] for t in data["contents"]) == [
        "buprenorphine",
        "methadone",
        "naltrexone",
    ]
    top = client.get(
        "/api/hsds/taxonomy_terms", {"top_only": "true", "per_page": 100}
    ).json()
    assert top["total_items"] == TaxonomyTerm.objects.filter(parent=None).count()


def test_page_envelope_counts_pages(client, services):
    data = client.get("/api/hsds/services", {"per_page": 2, "page": 2}).json()
    assert {k: data[k] for k in data if k != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 2,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"page": "two"}, "page"),
        ({"page": "0"}, "page"),
        ({"per_page": "101"}, "per_page"),
        ({"per_page": "-1"}, "per_page"),
        ({"taxonomy_term_id": "abc"}, "taxonomy_term_id"),
        ({"taxonomy_term_id": UNKNOWN_UUID}, "taxonomy_term_id"),
        ({"taxonomy_id": "6d1f2f4e-0000-4000-8000-000000000002"}, "taxonomy_id"),
        ({"organization_id": "12"}, "organization_id"),
        ({"modified_after": "yesterday"}, "modified_after"),
        ({"modified_after": "2026-13-45"}, "modified_after"),
        ({"format": "xml"}, "format"),
        ({"full": "maybe"}, "full"),
    ],
)
def test_bad_parameters_get_a_json_400_naming_the_parameter(
    client, services, params, parameter
):
    response = client.get("/api/hsds/services", params)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter and body["detail"]


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"proximity": "500"}, "proximity"),
        ({"proximity": "far", "lat": "37", "long": "-122"}, "proximity"),
        ({"proximity": "500", "lat": "95", "long": "-122"}, "lat"),
        ({"lat": "37", "long": "-122"}, "proximity"),
    ],
)
def test_bad_proximity_gets_a_400(client, services, params, parameter):
    response = client.get("/api/hsds/service_at_locations", params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


@pytest.mark.parametrize(
    "kind",
    [
        "services",
        "organizations",
        "taxonomies",
        "taxonomy_terms",
        "service_at_locations",
    ],
)
def test_unknown_ids_get_a_json_404(client, services, kind):
    response = client.get(f"/api/hsds/{kind}/{uuid.uuid4()}")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_get_responses_allow_any_origin_and_writes_are_refused(client, services):
    assert client.get("/api/hsds/services")["Access-Control-Allow-Origin"] == "*"
    assert (
        client.get("/api/hsds/services", {"page": "x"})["Access-Control-Allow-Origin"]
        == "*"
    )
    assert client.post("/api/hsds/services").status_code == 405


def test_postcode_and_proximity_filter_service_at_locations(client, directory):
    near = factories.organization(
        directory,
        title="Near clinic",
        locations=[
            {
                "name": "Near",
                "postal_code": "94001",
                "latitude": 37.8000,
                "longitude": -122.2700,
            }
        ],
    )
    far = factories.organization(
        directory,
        title="Far clinic",
        locations=[
            {
                "name": "Far",
                "postal_code": "94002",
                "latitude": 37.8300,
                "longitude": -122.2700,
            }
        ],
    )
    factories.service(near, title="Near help")
    factories.service(far, title="Far help")
    url = "/api/hsds/service_at_locations"

    def served(**params):
        return sorted(
            i["service"]["name"] for i in client.get(url, params).json()["contents"]
        )

    assert served(postcode="94002") == ["Far help"]
    # 0.03 degrees of latitude is about 3,336 m.
    assert served(proximity="3000", lat="37.8", long="-122.27") == ["Near help"]
    assert served(proximity="3400", lat="37.8", long="-122.27") == [
        "Far help",
        "Near help",
    ]
    assert served(proximity="3400", lat="37.8", long="-122.27", postcode="94001") == [
        "Near help"
    ]


def _many_services(org, count):
    for n in range(count):
        factories.service(
            org,
            title=f"Service {n:02d}",
            categories=("counseling", "food"),
            languages=("en", "es"),
            hours=[(0, "09:00", "17:00")],
        )


@pytest.mark.parametrize("full", ["false", "true"])
def test_service_list_query_count_does_not_grow_with_page_size(
    client, org, django_assert_max_num_queries, full
):
    _many_services(org, 12)
    with django_assert_max_num_queries(20) as small:
        client.get("/api/hsds/services", {"per_page": 5, "full": full})
    with django_assert_max_num_queries(20) as large:
        response = client.get("/api/hsds/services", {"per_page": 50, "full": full})
    assert response.json()["size"] == 12
    assert len(large.captured_queries) == len(small.captured_queries)


def test_service_at_location_list_query_count_does_not_grow(
    client, org, django_assert_max_num_queries
):
    _many_services(org, 12)
    with django_assert_max_num_queries(20) as small:
        client.get("/api/hsds/service_at_locations", {"per_page": 5})
    with django_assert_max_num_queries(20) as large:
        client.get("/api/hsds/service_at_locations", {"per_page": 50})
    assert len(large.captured_queries) == len(small.captured_queries)


def test_organization_detail_query_count_does_not_grow(
    client, org, django_assert_max_num_queries
):
    _many_services(org, 3)
    with django_assert_max_num_queries(20) as few:
        client.get(f"/api/hsds/organizations/{org.hsds_id}", {"full_service": "true"})
    _many_services_more = [factories.service(org, title=f"Extra {n}") for n in range(5)]
    assert _many_services_more
    with django_assert_max_num_queries(20) as more:
        client.get(f"/api/hsds/organizations/{org.hsds_id}", {"full_service": "true"})
    assert len(more.captured_queries) == len(few.captured_queries)
    assert ServicePage.objects.count() == 8
