"""Page-type rules and rendering of the public pages."""

import re

import pytest
from wagtail.test.utils import WagtailPageTestCase

from portal.models import (
    HomePage,
    NeighborhoodIndexPage,
    NeighborhoodPage,
    NeighborhoodUpdatePage,
    StandardPage,
    VolunteerFormPage,
)
from tests import factories


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_takes_index_standard_and_form_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {NeighborhoodIndexPage, StandardPage, VolunteerFormPage}
            | self._feature_app_home_children(),
        )

    def _feature_app_home_children(self):
        # Feature apps (e.g. the directory) may hang their index from home too.
        return {
            model
            for model in HomePage.allowed_subpage_models()
            if model._meta.app_label != "portal"
        }

    def test_neighborhood_tree_is_index_then_neighborhood_then_update(self):
        self.assertAllowedSubpageTypes(NeighborhoodIndexPage, {NeighborhoodPage})
        self.assertAllowedSubpageTypes(NeighborhoodPage, {NeighborhoodUpdatePage})
        self.assertAllowedSubpageTypes(NeighborhoodUpdatePage, set())
        self.assertAllowedParentPageTypes(NeighborhoodPage, {NeighborhoodIndexPage})
        self.assertAllowedParentPageTypes(NeighborhoodUpdatePage, {NeighborhoodPage})

    def test_volunteer_form_is_a_leaf(self):
        self.assertAllowedSubpageTypes(VolunteerFormPage, set())


@pytest.mark.django_db
class TestRendering:
    def test_home_shows_neighborhoods_with_phase_and_latest_updates(
        self, client, neighborhood
    ):
        factories.update(neighborhood, title="Buys completed")
        html = client.get("/").content.decode()
        assert "Eastgate" in html
        assert "Investigation" in html
        assert "Buys completed" in html

    def test_every_page_has_lang_skip_link_and_main(self, client, neighborhood):
        for url in ["/", "/neighborhoods/", neighborhood.url, "/meetings/", "/search/"]:
            html = client.get(url).content.decode()
            assert '<html lang="en">' in html, url
            assert 'href="#main-content"' in html, url
            assert '<main id="main-content"' in html, url

    def test_neighborhood_page_shows_timeline_and_current_phase(
        self, client, neighborhood_index
    ):
        from datetime import date

        from portal.choices import Phase

        page = factories.neighborhood(
            neighborhood_index,
            title="Mill Creek",
            phases=[
                (Phase.PLANNING, date(2025, 1, 5)),
                (Phase.CALL_IN, date(2025, 9, 10)),
                (Phase.INVESTIGATION, date(2025, 4, 1)),
            ],
        )
        assert page.current_phase.phase == Phase.CALL_IN
        assert page.call_in_date == date(2025, 9, 10)
        html = client.get(page.url).content.decode()
        timeline = html[html.index('id="timeline"') :]
        assert (
            timeline.index("Planning")
            < timeline.index("Investigation")
            < timeline.index("10 September 2025")
        )

    def test_standard_page_renders_heading_and_table(self, client, home):
        page = factories.standard_page(
            home,
            body=[
                ("heading", {"text": "Results", "level": "h3"}),
                (
                    "table",
                    {
                        "caption": "Calls",
                        "table": {
                            "first_row_is_table_header": True,
                            "first_col_is_header": True,
                            "data": [["", "Before"], ["Calls", "40"]],
                        },
                    },
                ),
            ],
        )
        html = client.get(page.url).content.decode()
        assert "<h3>Results</h3>" in html
        assert "<caption>Calls</caption>" in html
        assert '<th scope="col">Before</th>' in html
        assert re.search(r'<th scope="row"[^>]*>Calls</th>', html)

    def test_unknown_url_gets_friendly_404(self, client, home):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        assert "can’t find that page" in response.content.decode()
