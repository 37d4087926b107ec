"""Friendly 404 inside the site layout; a self-contained 500 page."""

import pytest
from django.test import Client
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def boom(request):
    raise RuntimeError("A bug in a view")


# This module doubles as a URLconf: the portal's URLs plus a view that raises.
urlpatterns = [path("boom/", boom), *portal_urlpatterns]
handler500 = "portal.views.server_error"


@pytest.mark.django_db
class TestNotFound:
    def test_unknown_address_gets_the_friendly_page_in_the_site_layout(
        self, client, home
    ):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        html = response.content.decode()
        assert "We can’t find that page" in html
        assert '<html lang="en">' in html
        assert 'href="#main-content"' in html
        assert '<main id="main-content"' in html
        assert 'href="/search/"' in html
        assert "usa-header" in html  # the site header from base.html


# No django_db mark: if the 500 handler touched the database, pytest-django
# would raise inside the handler and this test would error out.
@pytest.mark.urls("tests.portal.test_errors")
class TestServerError:
    def test_an_exception_gets_the_self_contained_error_page(self):
        client = Client(raise_request_exception=False)
        response = client.get("/boom/")
        assert response.status_code == 500
        html = response.content.decode()
        assert "Something went wrong on our side" in html
        assert '<html lang="en">' in html
        assert '<main id="main-content"' in html
        assert "A bug in a view" not in html
