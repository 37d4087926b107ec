"""The export, downloadable by anyone: the same package as ``manage.py export_hsds``.

A request never builds the export (seconds of CPU at 10,000 services). It
serves the files built for the current version of the public content; if
there are none, it enqueues one background build (``build_hsds_export``; a
claim in the cache keeps concurrent requests from enqueueing it twice) and
answers 503 with ``Retry-After`` and a page saying the file is being prepared.

Why 503 and not 202: a 2xx tells ``curl -O``, ``wget`` and scripts that the
body *is* the file, so they would save the "being prepared" page as
``hsds-directory.zip``. 503 with ``Retry-After`` is HTTP's "not available yet,
try again in N seconds", which download tools and HTTP clients honour
(``curl --retry``, ``wget``), and nothing caches it.

With the immediate task backend (development, tests) the build runs inside
``enqueue``, so the same request serves the file.
"""

import logging

from django.core.cache import cache
from django.http import FileResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.page_cache import current_generation
from resources.hsds import stored

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 60
CONTENT_TYPES = {"zip": "application/zip", "json": "application/json"}


def request_build(generation: int) -> bool:
    """Enqueue one build for ``generation`` unless one is claimed already."""
    from resources.tasks import build_hsds_export  # tasks imports this package

    if not cache.add(stored.pending_key(generation), True, stored.PENDING_SECONDS):
        return False
    build_hsds_export.enqueue(generation)
    return True


def _download(request, form: str):
    generation = current_generation()
    file = stored.open_complete(generation, form)
    if file is None:
        request_build(generation)
        file = stored.open_complete(generation, form)  # built already (immediate)
    if file is None:
        return _being_prepared(request)
    response = FileResponse(
        file,
        as_attachment=True,
        filename=stored.FILE_NAMES[form],
        content_type=CONTENT_TYPES[form],
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _being_prepared(request):
    message = _("The download is being prepared. Please try again in a minute.")
    if request.get_preferred_type(["text/html", "application/json"]) == (
        "application/json"
    ):
        response = JsonResponse(
            {
                "status": "preparing",
                "detail": message,
                "retry_after": RETRY_AFTER_SECONDS,
            },
            status=503,
        )
    else:
        response = render(
            request,
            "resources/export_preparing.html",
            {"message": message, "retry_after": RETRY_AFTER_SECONDS},
            status=503,
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Access-Control-Allow-Origin"] = "*"
    # An expected, self-healing answer, not a server error: logged here at
    # INFO, and marked so Django's request logger does not log it as an ERROR.
    logger.info("HSDS download requested while its files are being built")
    response._has_been_logged = True
    return response


@require_GET
@never_cache
def export_zip(request):
    return _download(request, "zip")


@require_GET
@never_cache
def export_json(request):
    return _download(request, "json")
