"""36 months of plausible demo figures per neighborhood, stable across runs.

Values come from a generator seeded by neighborhood, series, area and month,
so a second run finds every row already there and changes nothing.
"""

import random
from datetime import date

from portal.choices import FigureArea, FigureSeries
from portal.models import NeighborhoodFigure, NeighborhoodPage

MONTHS = 36
# Typical monthly counts before any intervention: (market, buffer, city).
BASELINES = {
    FigureSeries.CALLS_FOR_SERVICE: (120, 260, 9000),
    FigureSeries.DRUG_OFFENSES: (24, 30, 420),
    FigureSeries.VIOLENT_CRIME: (9, 14, 380),
    FigureSeries.PROPERTY_CRIME: (30, 55, 1900),
    FigureSeries.COMMUNITY_COMPLAINTS: (6, 5, 150),
}
# Share of the baseline left once the market has closed: (market, buffer, city).
EFFECT = {
    FigureSeries.CALLS_FOR_SERVICE: (0.78, 0.93, 1.0),
    FigureSeries.DRUG_OFFENSES: (0.42, 0.85, 0.98),
    FigureSeries.VIOLENT_CRIME: (0.7, 0.92, 1.0),
    FigureSeries.PROPERTY_CRIME: (0.85, 0.95, 1.0),
    FigureSeries.COMMUNITY_COMPLAINTS: (0.25, 0.8, 1.0),
}
AREAS = [FigureArea.MARKET, FigureArea.BUFFER, FigureArea.CITY]


def demo_months(today: date) -> list[date]:
    """The 36 whole months before the current one, oldest first."""
    first_of_month = today.replace(day=1)
    months = []
    year, month = first_of_month.year, first_of_month.month
    for _ in range(MONTHS):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        months.append(date(year, month, 1))
    return list(reversed(months))


def _count(neighborhood, series, area_index, month, call_in):
    seed = f"{neighborhood.slug}:{series}:{area_index}:{month:%Y-%m}"
    rng = random.Random(seed)
    base = BASELINES[series][area_index]
    factor = 1.0
    if call_in and month > call_in:
        factor = EFFECT[series][area_index]
    seasonal = 1 + 0.08 * ((month.month in (6, 7, 8)) - (month.month in (12, 1)))
    return max(0, round(rng.gauss(base * factor * seasonal, base * 0.12)))


def ensure_figures(neighborhoods: list[NeighborhoodPage], *, today=None) -> int:
    """Create the missing rows; existing rows (maybe edited) are left alone."""
    from django.utils import timezone

    months = demo_months(today or timezone.localdate())
    existing = set(
        NeighborhoodFigure.objects.filter(neighborhood__in=neighborhoods).values_list(
            "neighborhood_id", "month", "series", "area"
        )
    )
    rows = []
    for page in neighborhoods:
        call_in = page.call_in_date
        for series in FigureSeries:
            for area_index, area in enumerate(AREAS):
                for month in months:
                    if (page.pk, month, series.value, area.value) in existing:
                        continue
                    rows.append(
                        NeighborhoodFigure(
                            neighborhood=page,
                            month=month,
                            series=series,
                            area=area,
                            count=_count(page, series, area_index, month, call_in),
                        )
                    )
    NeighborhoodFigure.objects.bulk_create(rows)
    return len(rows)
