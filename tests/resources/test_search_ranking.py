"""Search order, totals and paging on both databases; on PostgreSQL, the
narrow search copy follows Wagtail's index (written by a trigger)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resources.choices import ServiceStatus
from resources.models import ServiceSearchText
from tests import factories

pytestmark = pytest.mark.django_db
SEARCH = reverse("directory:search")
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the search copy is PostgreSQL's"
)


def titles(response):
    return [service.title for service in response.context["services"]]


def test_a_match_in_the_name_ranks_above_a_match_in_the_description(client, org):
    factories.service(
        org, title="Evening class", description="Ask about housing help here."
    )
    factories.service(org, title="Housing desk", description="Open every day.")
    assert titles(client.get(SEARCH, {"q": "housing"})) == [
        "Housing desk",
        "Evening class",
    ]


def test_every_word_must_match(client, org):
    factories.service(org, title="Shelter beds", description="Beds for tonight.")
    factories.service(org, title="Shelter meals", description="Hot meals daily.")
    assert titles(client.get(SEARCH, {"q": "shelter meals"})) == ["Shelter meals"]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's FTS5 index is not stemmed"
)
def test_words_are_matched_by_their_stem(client, org):
    factories.service(org, title="Job club", description="Help for job seekers.")
    assert titles(client.get(SEARCH, {"q": "seeker"})) == ["Job club"]


def test_unpublished_and_defunct_services_are_not_found_by_words(client, org):
    factories.service(org, title="Shelter live")
    factories.service(org, title="Shelter draft", live=False)
    factories.service(org, title="Shelter gone", status=ServiceStatus.DEFUNCT)
    assert titles(client.get(SEARCH, {"q": "shelter"})) == ["Shelter live"]


def test_the_total_counts_every_match_not_only_the_page(client, org):
    for number in range(23):
        factories.service(org, title=f"Shelter {number:02}")
    factories.service(org, title="Pantry")
    response = client.get(SEARCH, {"q": "shelter", "page": "2"})
    assert response.context["results"].paginator.count == 23
    assert len(titles(response)) == 3
    assert "23 services found" in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client, org):
    for number in range(22):
        factories.service(org, title=f"Shelter {number:02}")
    response = client.get(SEARCH, {"q": "shelter", "page": "9"})
    assert response.context["results"].number == 2
    assert len(titles(response)) == 2
    assert response.context["results"].paginator.count == 22


def test_no_match_is_an_empty_first_page(client, org):
    factories.service(org, title="Shelter")
    response = client.get(SEARCH, {"q": "astronomy", "page": "3"})
    assert response.status_code == 200
    assert titles(response) == []
    assert response.context["results"].paginator.count == 0


@postgresql_only
def test_the_search_copy_follows_publishing_edits_and_defunct_services(client, org):
    service = factories.service(org, title="Drop-in centre", description="Coffee.")
    assert ServiceSearchText.objects.filter(service=service).exists()
    assert titles(client.get(SEARCH, {"q": "laundry"})) == []
    service.description = "Coffee and laundry."
    service.save_revision().publish()
    assert titles(client.get(SEARCH, {"q": "laundry"})) == ["Drop-in centre"]
    service.status = ServiceStatus.DEFUNCT
    service.save_revision().publish()
    assert not ServiceSearchText.objects.filter(service=service).exists()


@postgresql_only
def test_postgresql_fetches_the_page_and_the_total_in_one_query(client, org):
    for number in range(25):
        factories.service(org, title=f"Shelter {number:02}")
    with CaptureQueriesContext(connection) as queries:
        client.get(SEARCH, {"q": "shelter", "category": "counseling"})
    matching = [q["sql"] for q in queries if "resources_servicesearchtext" in q["sql"]]
    assert len(matching) == 1
    assert "OVER ()" in matching[0]


def test_keyword_with_a_parent_category_finds_services_in_its_children(client, org):
    factories.service(org, title="Methadone clinic", categories=("methadone",))
    factories.service(org, title="Clinic for colds", categories=("health-care",))
    response = client.get(SEARCH, {"q": "clinic", "category": "substance-use"})
    assert titles(response) == ["Methadone clinic"]


def test_keyword_search_leaves_out_restricted_sections(client, org, other_org):
    factories.service(org, title="Shelter open")
    factories.service(other_org, title="Shelter staff only")
    factories.restrict_to_logged_in(other_org)
    assert titles(client.get(SEARCH, {"q": "shelter"})) == ["Shelter open"]
    assert titles(client.get(SEARCH)) == ["Shelter open"]


def test_keyword_search_combines_with_every_other_filter(client, org, neighborhood):
    factories.service(org, title="Shelter east", neighborhoods=[neighborhood],
                      languages=("es",), is_free=True)  # fmt: skip
    factories.service(org, title="Shelter paid", neighborhoods=[neighborhood],
                      languages=("es",))  # fmt: skip
    factories.service(org, title="Shelter english", neighborhoods=[neighborhood],
                      is_free=True)  # fmt: skip
    params = {"q": "shelter", "neighborhood": neighborhood.slug, "language": "es",
              "free": "on", "age": "30"}  # fmt: skip
    assert titles(client.get(SEARCH, params)) == ["Shelter east"]


@postgresql_only
def test_the_search_copy_follows_unpublishing_and_category_edits(client, org):
    from resources.models import ServiceCategory, TaxonomyTerm

    service = factories.service(org, title="Shelter beds", categories=("housing",))
    assert titles(client.get(SEARCH, {"q": "shelter", "category": "housing"})) == [
        "Shelter beds"
    ]
    ServiceCategory.objects.filter(service=service).update(
        term=TaxonomyTerm.objects.get(code="food")
    )
    assert titles(client.get(SEARCH, {"q": "shelter", "category": "housing"})) == []
    assert titles(client.get(SEARCH, {"q": "shelter", "category": "food"})) == [
        "Shelter beds"
    ]
    service.unpublish()
    assert titles(client.get(SEARCH, {"q": "shelter"})) == []


def test_age_zero_is_a_filter_with_words_too(client, org):
    factories.service(org, title="Shelter for families", minimum_age=0)
    factories.service(org, title="Shelter for adults", minimum_age=18)
    assert titles(client.get(SEARCH, {"q": "shelter", "age": "0"})) == [
        "Shelter for families"
    ]


def test_every_value_in_a_result_is_escaped(client, org):
    factories.service(
        org,
        title="Shelter <b>now</b>",
        slug="shelter-now",
        description="Beds & <script>alert(1)</script> meals.",
        alert="<i>Closed</i> Friday",
    )
    html = client.get(SEARCH, {"q": "shelter"}).content.decode()
    assert "Shelter &lt;b&gt;now&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;i&gt;Closed&lt;/i&gt; Friday" in html
    assert "<script>alert(1)" not in html
