"""Everything the neighborhood page shows about its figures, from one query."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from portal.choices import FigureArea, FigureSeries
from portal.figures.charts import ChartPoint, line_chart
from portal.figures.months import first_of_month, month_range
from portal.figures.sentences import call_in_sentence, no_call_in_lead, trend_sentence
from portal.figures.summary import compare_around_call_in, compare_recent
from portal.figures.suppression import (
    chartable_count,
    public_count,
    suppressed_label,
)

AREAS = [FigureArea.MARKET, FigureArea.BUFFER, FigureArea.CITY]


@dataclass(frozen=True)
class TableRow:
    month: date
    cells: list[str]  # public counts, one per area in AREAS order


@dataclass
class FigurePanel:
    """One series as the page shows it: chart, sentences, table, provenance."""

    series: str
    label: str
    anchor: str
    chart: str
    lead: str
    sentences: list[str]
    area_labels: list[str]
    rows: list[TableRow]
    gap_note: str  # empty when the line has no gaps
    source: str
    note: str
    updated_at: datetime | None


def figure_counts(neighborhood):
    """All of a neighborhood's figures in one query: {(series, area): {month: n}}."""
    from portal.models import NeighborhoodFigure

    counts = defaultdict(dict)
    latest = None
    rows = NeighborhoodFigure.objects.filter(neighborhood=neighborhood).values_list(
        "series", "area", "month", "count", "updated_at"
    )
    for series, area, month, count, updated_at in rows:
        counts[(series, area)][month] = count
        latest = updated_at if latest is None or updated_at > latest else latest
    return counts, latest


def figure_panels_for(neighborhood) -> list[FigurePanel]:
    counts, updated_at = figure_counts(neighborhood)
    if not counts:
        return []
    call_in = neighborhood.call_in_date
    return [
        _panel(neighborhood, series, counts, call_in, updated_at)
        for series in FigureSeries
        if any((series.value, area.value) in counts for area in AREAS)
    ]


def _panel(neighborhood, series, counts, call_in, updated_at) -> FigurePanel:
    by_area = [counts.get((series.value, area.value), {}) for area in AREAS]
    months = sorted(set().union(*by_area))
    months = month_range(months[0], months[-1])
    market = by_area[0]
    sentences = [
        _sentence(series, area, area_counts, call_in)
        for area, area_counts in zip(AREAS, by_area, strict=True)
    ]
    anchor = f"figures-{series.value.replace('_', '-')}"
    return FigurePanel(
        series=series.value,
        label=str(series.label),
        anchor=anchor,
        chart=line_chart(
            points=[ChartPoint(m, chartable_count(market.get(m))) for m in months],
            title=_("%(series)s in the market area, by month")
            % {"series": series.label},
            description=_chart_description(series, months, call_in, sentences[0]),
            id_prefix=anchor,
            call_in=call_in,
        ),
        lead="" if call_in else no_call_in_lead(),
        sentences=sentences,
        area_labels=[str(area.label) for area in AREAS],
        rows=[
            TableRow(m, [public_count(area_counts.get(m)) for area_counts in by_area])
            for m in months
        ],
        gap_note=_gap_note(market, months),
        source=neighborhood.figures_source,
        note=neighborhood.figures_note,
        updated_at=updated_at,
    )


def _gap_note(market: dict, months: list[date]) -> str:
    if all(chartable_count(market.get(m)) is not None for m in months):
        return ""
    return _("Gaps in the line are months with %(fewer)s, or with no figure.") % {
        "fewer": suppressed_label()
    }


def _sentence(series, area, area_counts, call_in) -> str:
    if call_in is None:
        return trend_sentence(series, area, compare_recent(area_counts))
    return call_in_sentence(series, area, compare_around_call_in(area_counts, call_in))


def _chart_description(series, months, call_in, market_sentence) -> str:
    parts = [
        _("Monthly count of %(series)s in the market area, %(start)s to %(end)s.")
        % {
            "series": str(series.label).lower(),
            "start": format_date(months[0], "F Y"),
            "end": format_date(months[-1], "F Y"),
        }
    ]
    if call_in and months[0] <= first_of_month(call_in) <= months[-1]:
        parts.append(
            _("A dashed line marks the call-in, %(date)s.")
            % {"date": format_date(call_in, "j F Y")}
        )
    parts.append(
        _("Months with %(fewer)s, or no figure, are gaps in the line.")
        % {"fewer": suppressed_label()}
    )
    parts.append(market_sentence)
    return " ".join(parts)
