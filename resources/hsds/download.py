"""The export, downloadable by anyone: the same package as ``manage.py export_hsds``.

Building it costs seconds of CPU for a large directory, so each form is built
once per version of the public content: the cache key carries the page cache's
generation, which moves on every change to a page, snippet or row.
"""

import io
import json

from django.core.cache import cache
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from portal.page_cache import current_generation
from resources.hsds import export

EXPORT_CACHE_SECONDS = 24 * 3600


def _public(response, filename):
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _build_zip() -> bytes:
    buffer = io.BytesIO()
    export.write_zip(buffer)
    return buffer.getvalue()


def _build_json() -> bytes:
    tables, _nested = export.build(nested=False)
    return json.dumps(export.tabular_json(tables)).encode()


def _cached(form: str, build) -> bytes:
    key = f"hsds-export:{form}:{current_generation()}"
    content = cache.get(key)
    if content is None:
        content = build()
        cache.set(key, content, EXPORT_CACHE_SECONDS)
    return content


@require_GET
def export_zip(request):
    response = HttpResponse(_cached("zip", _build_zip), content_type="application/zip")
    return _public(response, "hsds-directory.zip")


@require_GET
def export_json(request):
    response = HttpResponse(
        _cached("json", _build_json), content_type="application/json"
    )
    return _public(response, "hsds-directory.json")
