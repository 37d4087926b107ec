"""The home page's update and neighborhood lists cost a fixed number of queries."""

import pytest
from django.core.cache import cache

from portal.models import NeighborhoodUpdatePage
from portal.update_lists import with_neighborhood_titles
from tests import factories


def home_page_queries(client, django_assert_max_num_queries, *, at_most=1000):
    """Render the home page uncached and return how many queries it took."""
    cache.clear()
    with django_assert_max_num_queries(at_most) as captured:
        response = client.get("/")
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


@pytest.mark.django_db
class TestHomePageQueryCount:
    def test_does_not_grow_with_updates_or_neighborhoods(
        self, client, neighborhood, neighborhood_index, django_assert_max_num_queries
    ):
        factories.update(neighborhood, title="First update")
        baseline, _html = home_page_queries(client, django_assert_max_num_queries)

        for number in range(3):
            extra = factories.neighborhood(
                neighborhood_index, title=f"Extra neighborhood {number}"
            )
            factories.update(extra, title=f"Update {number}a")
            factories.update(extra, title=f"Update {number}b")

        _count, html = home_page_queries(
            client, django_assert_max_num_queries, at_most=baseline
        )
        assert "Extra neighborhood 2" in html
        assert "Update 2b" in html

    def test_latest_updates_name_their_neighborhood(self, client, neighborhood):
        factories.update(neighborhood, title="Street lights fixed")
        html = client.get("/").content.decode()
        section = html.split('id="updates-heading"')[1]
        assert "Street lights fixed" in section
        assert "Eastgate" in section


@pytest.mark.django_db
def test_with_neighborhood_titles_uses_one_query(
    neighborhood, neighborhood_index, django_assert_num_queries
):
    mill_creek = factories.neighborhood(neighborhood_index, title="Mill Creek")
    factories.update(neighborhood, title="East news")
    factories.update(mill_creek, title="Mill news")
    updates = list(NeighborhoodUpdatePage.objects.order_by("title"))
    with django_assert_num_queries(1):
        titled = with_neighborhood_titles(updates)
    assert [(u.title, u.neighborhood_title) for u in titled] == [
        ("East news", "Eastgate"),
        ("Mill news", "Mill Creek"),
    ]
