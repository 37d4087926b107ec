"""/sitemap.xml lists public pages and meetings; /robots.txt points to it."""

# The XML parsed here is our own response, not untrusted input.
from xml.etree import ElementTree  # noqa: S405

import pytest

from tests import factories

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse(content):
    return ElementTree.fromstring(content)  # noqa: S314 - our own output


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = parse(response.content)
    return [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]


@pytest.mark.django_db
class TestSitemap:
    def test_lists_live_public_pages_and_not_drafts_or_private_pages(
        self, client, neighborhood, neighborhood_index
    ):
        factories.update(neighborhood, title="Public news")
        factories.draft_update(neighborhood, title="Draft news")
        secret = factories.update(neighborhood, title="Secret news")
        factories.restrict_to_logged_in(secret)
        hidden = factories.neighborhood(neighborhood_index, title="Hidden Hollow")
        factories.update(hidden, title="Hollow news")
        factories.restrict_to_logged_in(hidden)

        locations = sitemap_locations(client)

        assert "http://localhost/" in locations
        assert "http://localhost/neighborhoods/eastgate/" in locations
        assert "http://localhost/neighborhoods/eastgate/public-news/" in locations
        joined = " ".join(locations)
        for hidden_slug in ("draft-news", "secret-news", "hidden-hollow"):
            assert hidden_slug not in joined

    def test_lists_the_meetings_list_and_public_meetings(self, client, neighborhood):
        meeting = factories.community_meeting(neighborhood)
        locations = sitemap_locations(client)
        assert any(loc.endswith("/meetings/") for loc in locations)
        assert any(loc.endswith(meeting.get_absolute_url()) for loc in locations)

    def test_leaves_out_meetings_of_a_private_neighborhood(self, client, neighborhood):
        meeting = factories.community_meeting(neighborhood)
        factories.restrict_to_logged_in(neighborhood)
        locations = sitemap_locations(client)
        assert not any(loc.endswith(meeting.get_absolute_url()) for loc in locations)


@pytest.mark.django_db
class TestRobots:
    def test_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(
        self, client
    ):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        lines = response.content.decode().splitlines()
        assert "User-agent: *" in lines
        assert "Sitemap: http://testserver/sitemap.xml" in lines
        for path in ("/admin/", "/workspace/", "/accounts/"):
            assert f"Disallow: {path}" in lines
