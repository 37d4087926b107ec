"""The export, downloadable by anyone: the same package as ``manage.py export_hsds``."""

import io

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from resources.hsds import export


def _public(response, filename):
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def export_zip(request):
    buffer = io.BytesIO()
    export.write_zip(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    return _public(response, "hsds-directory.zip")


@require_GET
def export_json(request):
    tables, _nested = export.build(nested=False)
    response = JsonResponse(export.tabular_json(tables))
    return _public(response, "hsds-directory.json")
