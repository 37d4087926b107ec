"""The figures on a neighborhood page and their CSV download."""

import csv
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.choices import FigureArea, FigureSeries
from portal.demo.figures import ensure_figures
from portal.models import NeighborhoodFigure
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def westgate(neighborhood_index):
    return factories.neighborhood(
        neighborhood_index,
        title="Westgate",
        call_in=date(2025, 3, 10),
        figures_source="Riverton Police Department",
        figures_note="Counts for 2026 are provisional.",
    )


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_each_series_has_chart_summary_table_and_provenance(client, westgate):
    ensure_figures([westgate], today=date(2026, 11, 25))
    html = page_html(client, westgate)
    assert html.count('class="dmi-fig-chart" role="img"') == len(FigureSeries)
    assert "In the market area, drug offenses averaged" in html
    assert "In the surrounding buffer, drug offenses averaged" in html
    assert "Across the whole city, drug offenses averaged" in html
    assert "<caption>Drug offenses by month, Westgate</caption>" in html
    assert '<th scope="col">Surrounding buffer</th>' in html
    assert '<th scope="row"><time datetime="2024-06">June 2024</time></th>' in html
    assert "Show the data table" in html
    assert "Riverton Police Department" in html
    assert "Counts for 2026 are provisional." in html
    assert "Last updated" in html
    assert 'href="/neighborhoods/westgate/figures-csv/"' in html
    assert "css/charts.css" in html


def test_small_counts_show_as_fewer_than_3_on_the_page(client, westgate):
    factories.figures(westgate, [40, 2, 41], start=date(2025, 1, 1))
    html = page_html(client, westgate)
    assert '<td class="dmi-fig__count">fewer than 3</td>' in html
    assert '<td class="dmi-fig__count">2</td>' not in html
    assert "Gaps in the line are months with fewer than 3" in html


def test_page_without_call_in_describes_the_trend_so_far(client, neighborhood):
    factories.figures(neighborhood, [10] * 6 + [5] * 6)
    html = page_html(client, neighborhood)
    assert "There has been no call-in here yet" in html
    assert "averaged 5.0 a month in the latest 6 months and 10.0" in html


def test_page_without_figures_says_so(client, neighborhood):
    assert "No figures are published" in page_html(client, neighborhood)


def test_figure_queries_do_not_grow_with_the_number_of_months(
    client, westgate, neighborhood_index, django_assert_max_num_queries
):
    small = factories.neighborhood(neighborhood_index, title="Northgate")
    factories.figures(small, [5, 6])
    with CaptureQueriesContext(connection) as few_months:
        page_html(client, small)
    ensure_figures([westgate], today=date(2026, 11, 25))  # 36 months x 15
    with django_assert_max_num_queries(len(few_months)) as many_months:
        page_html(client, westgate)
    figure_table = NeighborhoodFigure._meta.db_table
    figure_queries = [
        q for q in many_months.captured_queries if figure_table in q["sql"]
    ]
    assert len(figure_queries) == 1


def test_csv_download_has_every_figure_with_suppression(client, westgate):
    factories.figures(westgate, [12, 0, 3], start=date(2025, 1, 1))
    factories.figures(westgate, [7], area=FigureArea.CITY, start=date(2025, 1, 1))
    response = client.get("/neighborhoods/westgate/figures-csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="westgate-figures.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows == [
        ["neighborhood", "month", "series", "area", "count"],
        ["westgate", "2025-01", "drug_offenses", "city", "7"],
        ["westgate", "2025-01", "drug_offenses", "market", "12"],
        ["westgate", "2025-02", "drug_offenses", "market", "fewer than 3"],
        ["westgate", "2025-03", "drug_offenses", "market", "3"],
    ]


def test_csv_download_is_404_without_figures_or_neighborhood(client, westgate):
    assert client.get("/neighborhoods/westgate/figures-csv/").status_code == 404
    assert client.get("/neighborhoods/nowhere/figures-csv/").status_code == 404


def test_csv_download_of_unpublished_neighborhood_is_404(client, westgate):
    factories.figures(westgate, [12])
    westgate.unpublish()
    assert client.get("/neighborhoods/westgate/figures-csv/").status_code == 404


def test_editing_a_figure_in_the_admin_shows_on_the_next_request(client, westgate):
    (figure,) = factories.figures(westgate, [12])
    assert '<td class="dmi-fig__count">12</td>' in page_html(client, westgate)
    figure.count = 31
    figure.save()  # what the admin's edit view does
    assert '<td class="dmi-fig__count">31</td>' in page_html(client, westgate)
