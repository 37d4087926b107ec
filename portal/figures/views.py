"""Serves <neighborhood url>figures.csv.

Wagtail's page URLs only match slug characters and a trailing slash, so the
routable-page route ``figures.csv`` on NeighborhoodPage can never be reached
through ``wagtail_serve``; this view, mounted before Wagtail's URLs, finds the
live, public neighborhood at that path and answers for it.
"""

from django.http import Http404
from wagtail.models import Site

from portal.figures.downloads import figures_csv_response


def neighborhood_figures_csv(request, page_path: str):
    from portal.models import NeighborhoodPage

    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page = (
        NeighborhoodPage.objects.live()
        .public()
        .filter(url_path=f"{site.root_page.url_path}{page_path}")
        .first()
    )
    if page is None:
        raise Http404
    return figures_csv_response(page)
