"""Site search: live public pages only, on SQLite FTS5 and PostgreSQL full text."""

import pytest
from django.core.management import call_command

from portal.views import MAX_QUERY_LENGTH, SEARCH_RESULTS_PER_PAGE
from tests import factories


def result_titles(response):
    return [page.title for page in response.context["results"]]


@pytest.fixture
def searchable(neighborhood):
    """A neighborhood and pages that all mention 'lanterns' in their body."""
    neighborhood.boundary_description = "The blocks around the lanterns market."
    neighborhood.save_revision().publish()
    factories.update(
        neighborhood,
        title="Lights fixed",
        body=[("paragraph", "<p>The city repaired the lanterns on Pine Street.</p>")],
    )
    factories.draft_update(
        neighborhood,
        title="Draft about lights",
        body=[("paragraph", "<p>Lanterns draft text.</p>")],
    )
    private = factories.update(
        neighborhood,
        title="Private about lights",
        body=[("paragraph", "<p>Lanterns for staff only.</p>")],
    )
    factories.restrict_to_logged_in(private)
    return neighborhood


@pytest.mark.django_db
class TestSearch:
    def test_pages_are_indexed_when_published(self, client, searchable):
        titles = result_titles(client.get("/search/", {"q": "lanterns"}))
        assert "Eastgate" in titles
        assert "Lights fixed" in titles

    def test_finds_an_update_by_a_word_only_in_its_body(self, client, searchable):
        call_command("update_index", verbosity=0)
        titles = result_titles(client.get("/search/", {"q": "repaired"}))
        assert titles == ["Lights fixed"]

    def test_unpublished_and_private_pages_are_never_found(self, client, searchable):
        call_command("update_index", verbosity=0)
        response = client.get("/search/", {"q": "lanterns"})
        html = response.content.decode()
        assert set(result_titles(response)) == {"Eastgate", "Lights fixed"}
        assert "Draft about lights" not in html
        assert "Private about lights" not in html

    def test_results_are_paginated(self, client, neighborhood):
        total = SEARCH_RESULTS_PER_PAGE + 3
        for number in range(total):
            factories.update(
                neighborhood,
                title=f"Porch light {number}",
                slug=f"porch-light-{number}",
                summary="Neighbors switched their porch lights on.",
            )
        first = client.get("/search/", {"q": "porch"})
        second = client.get("/search/", {"q": "porch", "page": 2})
        assert first.context["paginator"].count == total
        assert len(result_titles(first)) == SEARCH_RESULTS_PER_PAGE
        assert len(result_titles(second)) == 3
        assert set(result_titles(first)).isdisjoint(result_titles(second))
        assert "page=2" in first.content.decode()
        beyond = client.get("/search/", {"q": "porch", "page": 99})
        assert result_titles(beyond) == result_titles(second)
        not_a_number = client.get("/search/", {"q": "porch", "page": "x"})
        assert result_titles(not_a_number) == result_titles(first)

    @pytest.mark.parametrize(
        "query",
        [
            "",
            "   ",
            "a" * 5000,
            'lantern" OR *',
            "lanterns OR",
            "AND",
            "NOT lanterns",
            "NEAR(",
            "lant*",
            "-",
            "'; DROP TABLE",
            "é漢",
        ],
    )
    def test_empty_odd_or_over_long_query_is_harmless(self, client, searchable, query):
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH

    def test_empty_query_lists_nothing(self, client, searchable):
        response = client.get("/search/", {"q": ""})
        assert result_titles(response) == []

    def test_results_page_has_breadcrumbs(self, client, searchable):
        html = client.get("/search/", {"q": "lanterns"}).content.decode()
        assert 'class="usa-breadcrumb"' in html
        assert 'aria-current="page"><span>Search</span>' in html
