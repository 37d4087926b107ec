"""The SVG chart: accessible, escaped, gaps for suppressed months, call-in line."""

import re
from datetime import date

import pytest

from portal.figures import charts
from portal.figures.charts import ChartPoint, line_chart, nice_scale
from portal.figures.months import add_months


def points(values, start=date(2024, 1, 1)):
    return [ChartPoint(add_months(start, i), v) for i, v in enumerate(values)]


def chart(values, **kwargs):
    kwargs.setdefault("title", "Drug offenses")
    kwargs.setdefault("description", "Monthly count.")
    kwargs.setdefault("id_prefix", "figures-drug-offenses")
    return str(line_chart(points=points(values), **kwargs))


def relative_luminance(hex_color):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_chart_is_an_image_labelled_by_its_title_and_description():
    svg = chart([5, 6, 7])
    assert 'role="img"' in svg
    labelled_by = (
        'aria-labelledby="figures-drug-offenses-title figures-drug-offenses-desc"'
    )
    assert labelled_by in svg
    assert '<title id="figures-drug-offenses-title">Drug offenses</title>' in svg
    assert '<desc id="figures-drug-offenses-desc">Monthly count.</desc>' in svg


def test_chart_scales_to_its_container_through_a_viewbox():
    svg = chart([5, 6, 7])
    assert 'viewBox="0 0 420 280"' in svg
    assert 'width="100%"' in svg
    assert 'height="' not in svg.split(">", 1)[0]


def test_text_is_escaped():
    svg = chart([5], title="<script>alert(1)</script>", description='"&"')
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert "&quot;&amp;&quot;" in svg


def test_a_suppressed_or_missing_month_breaks_the_line_into_a_gap():
    svg = chart([5, 6, None, 8, 9])
    path = re.search(r'<path class="dmi-fig-chart__line" d="([^"]+)"', svg)[1]
    assert path.count("M") == 2
    assert svg.count("<circle") == 4


def test_call_in_is_a_dashed_vertical_line_with_a_label():
    svg = chart([5] * 12, call_in=date(2024, 6, 14))
    line = re.search(r'<line class="dmi-fig-chart__call-in"[^>]*>', svg)[0]
    assert 'stroke-dasharray="6 4"' in line
    x1 = re.search(r'x1="([\d.]+)"', line)[1]
    assert x1 == re.search(r'x2="([\d.]+)"', line)[1]
    assert ">Call-in</text>" in svg


def test_call_in_outside_the_months_shown_draws_no_line():
    svg = chart([5] * 12, call_in=date(2026, 6, 1))
    assert "dmi-fig-chart__call-in" not in svg


def test_months_are_labelled_on_the_x_axis():
    svg = chart([5] * 36)
    assert "Jan<tspan" in svg and ">2024</tspan>" in svg and "Jul<tspan" in svg
    assert svg.count("<tspan") == 6


def test_y_axis_has_round_ticks_from_zero():
    assert nice_scale(0) == (4, 1)
    assert nice_scale(7) == (8, 2)
    assert nice_scale(130) == (150, 50)
    assert nice_scale(9006) == (10000, 5000)
    svg = chart([30, 130])
    assert ">0</text>" in svg and ">150</text>" in svg


@pytest.mark.parametrize("color", [charts.TEXT_COLOR, charts.CALL_IN_COLOR])
def test_text_colors_contrast_at_least_4_5_to_1_on_white(color):
    ratio = (1 + 0.05) / (relative_luminance(color) + 0.05)
    assert ratio >= 4.5


def test_no_points_draw_nothing():
    assert str(line_chart(points=[], title="t", description="d", id_prefix="x")) == ""
