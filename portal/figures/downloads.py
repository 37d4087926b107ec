"""The public CSV download of a neighborhood's figures, suppression applied."""

import csv

from django.http import Http404, HttpResponse

from portal.figures.suppression import public_count

CSV_COLUMNS = ["neighborhood", "month", "series", "area", "count"]


def figures_csv_response(neighborhood) -> HttpResponse:
    """Every figure as neighborhood,month (YYYY-MM),series,area,count; 404 if none."""
    from portal.models import NeighborhoodFigure

    rows = (
        NeighborhoodFigure.objects.filter(neighborhood=neighborhood)
        .order_by("series", "area", "month")
        .values_list("month", "series", "area", "count")
    )
    if not rows:
        raise Http404("No figures are published for this neighborhood.")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{neighborhood.slug}-figures.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for month, series, area, count in rows:
        writer.writerow(
            [neighborhood.slug, f"{month:%Y-%m}", series, area, public_count(count)]
        )
    return response
