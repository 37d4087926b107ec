"""A results page costs the same number of queries for 5 services or 20."""

import pytest
from django.urls import reverse
from django.utils import timezone

from resources.models import ServiceVerification
from tests import factories

pytestmark = pytest.mark.django_db
SEARCH = reverse("directory:search")
# Anonymous request: site, settings, menu and breadcrumbs; the form's choice
# lists; count and page of ids; the services and one query per row type.
MAX_QUERIES = 30


def fill(directory, neighborhood, count):
    """``count`` services spread over two organizations, every row filled."""
    organizations = [
        factories.organization(directory, title=f"Provider {n}") for n in range(2)
    ]
    for number in range(count):
        service = factories.service(
            organizations[number % 2],
            title=f"Shelter {number:02}",
            categories=("emergency-shelter",),
            languages=("en", "es"),
            hours=[(day, "09:00", "17:00") for day in range(7)],
            neighborhoods=[neighborhood],
            fees_description="Sliding scale",
        )
        ServiceVerification.objects.create(service=service, verified_at=timezone.now())


@pytest.mark.parametrize("count", [5, 20])
def test_results_page_query_count_does_not_grow_with_page_size(
    client, directory, neighborhood, count, django_assert_max_num_queries
):
    fill(directory, neighborhood, count)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(SEARCH, {"category": "housing"})
    assert len(response.context["services"]) == count


def test_keyword_search_page_query_count_is_bounded(
    client, directory, neighborhood, django_assert_max_num_queries
):
    fill(directory, neighborhood, 20)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(SEARCH, {"q": "shelter", "language": "es"})
    assert len(response.context["services"]) == 20
