"""RSS and Atom feeds: only live public updates, newest first, absolute links."""

from datetime import date

# The XML parsed here is our own response, not untrusted input.
from xml.etree import ElementTree  # noqa: S405

import pytest

from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(content):
    return ElementTree.fromstring(content)  # noqa: S314 - our own output


def rss_items(response):
    channel = parse(response.content).find("channel")
    return [
        {"title": item.findtext("title"), "link": item.findtext("link")}
        for item in channel.findall("item")
    ]


def atom_entries(response):
    feed = parse(response.content)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.fixture
def two_neighborhoods(neighborhood, neighborhood_index):
    """Eastgate with old, new, draft and private updates; Mill Creek with one."""
    factories.update(neighborhood, title="Old news", date=date(2025, 1, 10))
    factories.update(neighborhood, title="New news", date=date(2025, 6, 1))
    factories.draft_update(neighborhood, title="Draft news", date=date(2025, 7, 1))
    secret = factories.update(neighborhood, title="Secret news", date=date(2025, 8, 1))
    factories.restrict_to_logged_in(secret)
    mill_creek = factories.neighborhood(neighborhood_index, title="Mill Creek")
    factories.update(mill_creek, title="Mill Creek news", date=date(2025, 3, 1))
    return neighborhood, mill_creek


@pytest.mark.django_db
class TestNeighborhoodFeeds:
    def test_rss_lists_only_its_live_public_updates_newest_first(
        self, client, two_neighborhoods
    ):
        eastgate, _mill_creek = two_neighborhoods
        response = client.get(eastgate.url + "feed/rss/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        items = rss_items(response)
        assert [item["title"] for item in items] == ["New news", "Old news"]

    def test_atom_lists_only_its_live_public_updates_newest_first(
        self, client, two_neighborhoods
    ):
        eastgate, _mill_creek = two_neighborhoods
        response = client.get(eastgate.url + "feed/atom/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        entries = atom_entries(response)
        assert [entry["title"] for entry in entries] == ["New news", "Old news"]

    def test_feed_links_are_absolute(self, client, two_neighborhoods):
        eastgate, _mill_creek = two_neighborhoods
        rss = client.get(eastgate.url + "feed/rss/")
        channel_link = parse(rss.content).find("channel/link").text
        links = [channel_link] + [item["link"] for item in rss_items(rss)]
        atom = client.get(eastgate.url + "feed/atom/")
        links += [entry["link"] for entry in atom_entries(atom)]
        assert links and all(link.startswith("http://") for link in links), links
        assert "http://localhost/neighborhoods/eastgate/new-news/" in links

    def test_unpublished_neighborhood_has_no_feed(self, client, neighborhood):
        factories.update(neighborhood, title="Was public")
        url = neighborhood.url
        neighborhood.unpublish()
        assert client.get(url + "feed/rss/").status_code == 404
        assert client.get(url + "feed/atom/").status_code == 404

    def test_private_neighborhood_feed_is_not_served_to_the_public(
        self, client, neighborhood
    ):
        factories.update(neighborhood, title="Behind the login")
        factories.restrict_to_logged_in(neighborhood)
        response = client.get(neighborhood.url + "feed/rss/")
        assert response.status_code == 302
        assert b"Behind the login" not in response.content

    def test_neighborhood_page_links_its_feeds_in_the_head(self, client, neighborhood):
        html = client.get(neighborhood.url).content.decode()
        head = html.split("</head>")[0]
        assert (
            '<link rel="alternate" type="application/rss+xml"' in head
            and f'href="{neighborhood.url}feed/rss/"' in head
        )
        assert f'href="{neighborhood.url}feed/atom/"' in head


@pytest.mark.django_db
class TestSiteWideFeeds:
    def test_rss_lists_every_neighborhoods_public_updates_newest_first(
        self, client, two_neighborhoods
    ):
        response = client.get("/updates/rss/")
        assert response["Content-Type"].startswith("application/rss+xml")
        titles = [item["title"] for item in rss_items(response)]
        assert titles == ["New news", "Mill Creek news", "Old news"]

    def test_atom_lists_every_neighborhoods_public_updates_newest_first(
        self, client, two_neighborhoods
    ):
        response = client.get("/updates/atom/")
        assert response["Content-Type"].startswith("application/atom+xml")
        titles = [entry["title"] for entry in atom_entries(response)]
        assert titles == ["New news", "Mill Creek news", "Old news"]

    def test_updates_of_a_private_neighborhood_are_left_out(
        self, client, two_neighborhoods
    ):
        _eastgate, mill_creek = two_neighborhoods
        factories.restrict_to_logged_in(mill_creek)
        titles = [item["title"] for item in rss_items(client.get("/updates/rss/"))]
        assert "Mill Creek news" not in titles
        assert titles == ["New news", "Old news"]

    def test_every_page_head_links_the_site_wide_feeds(self, client, home):
        head = client.get("/").content.decode().split("</head>")[0]
        assert 'type="application/rss+xml"' in head and 'href="/updates/rss/"' in head
        assert 'type="application/atom+xml"' in head and 'href="/updates/atom/"' in head
