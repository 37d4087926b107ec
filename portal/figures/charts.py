"""A small, accessible, server-rendered SVG line chart of one monthly series.

No JavaScript and no outside requests: the chart is markup in the page. Every
piece of text is escaped with ``format_html``. Colors are chosen for at least
4.5:1 contrast on white, and the chart scales to any width through its
viewBox, so it stays readable at 320 px.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.dateformat import format as format_date
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from portal.figures.months import first_of_month, months_between

WIDTH, HEIGHT = 420, 280
LEFT, RIGHT, TOP, BOTTOM = 60, 16, 30, 56
TEXT_COLOR = "#1b1b1b"  # 16.1:1 on white
LINE_COLOR = "#005ea2"  # 7.1:1 on white
CALL_IN_COLOR = "#b50909"  # 6.9:1 on white
GRID_COLOR = "#dfe1e2"
FONT_SIZE = 18


@dataclass(frozen=True)
class ChartPoint:
    month: date
    value: int | None  # None: unknown or suppressed, drawn as a gap


def nice_scale(maximum: int) -> tuple[int, int]:
    """A round top for the y-axis and the step between its ticks (about 4)."""
    if maximum <= 0:
        return 4, 1
    for magnitude in (10**power for power in range(12)):
        for factor in (1, 2, 5):
            step = factor * magnitude
            if maximum <= step * 4:
                top = -(-maximum // step) * step
                return top, step
    raise ValueError("count too large to chart")


def _label_every(month_count: int) -> int:
    for every in (1, 2, 3, 6, 12, 24):
        if month_count / every <= 7:
            return every
    return 48


def line_chart(
    *,
    points: list[ChartPoint],
    title: str,
    description: str,
    id_prefix: str,
    call_in: date | None = None,
) -> SafeString:
    """The SVG markup; ``points`` are consecutive months, oldest first."""
    if not points:
        return mark_safe("")  # noqa: S308 - a constant empty string
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    values = [p.value for p in points if p.value is not None]
    top, step = nice_scale(max(values, default=0))
    slot = plot_width / max(len(points) - 1, 1)

    def x_at(index: float) -> float:
        return round(LEFT + index * slot, 1)

    def y_at(value: int) -> float:
        return round(TOP + plot_height * (1 - value / top), 1)

    parts = [_y_axis(top, step, y_at), _x_axis(points, x_at)]
    if call_in is not None:
        parts.append(_call_in_marker(points, call_in, x_at))
    parts.append(_line(points, x_at, y_at))
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    return format_html(
        '<svg class="dmi-fig-chart" role="img" aria-labelledby="{} {}" '
        'viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMidYMid meet" '
        'font-size="{}" fill="{}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}">{}</title><desc id="{}">{}</desc>{}</svg>',
        title_id,
        desc_id,
        WIDTH,
        HEIGHT,
        FONT_SIZE,
        TEXT_COLOR,
        title_id,
        title,
        desc_id,
        description,
        mark_safe("".join(parts)),  # noqa: S308 - every part built by format_html
    )


def _y_axis(top: int, step: int, y_at) -> str:
    ticks = range(0, top + 1, step)
    return format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
        '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>',
        (
            (
                LEFT,
                WIDTH - RIGHT,
                y_at(tick),
                y_at(tick),
                TEXT_COLOR if tick == 0 else GRID_COLOR,
                LEFT - 6,
                y_at(tick),
                number_format(tick, force_grouping=True),
            )
            for tick in ticks
        ),
    )


def _x_axis(points: list[ChartPoint], x_at) -> str:
    every = _label_every(len(points))
    baseline = HEIGHT - BOTTOM
    labels = [
        (
            x_at(index),
            baseline,
            baseline + 5,
            x_at(index),
            baseline + 22,
            format_date(point.month, "M"),
            x_at(index),
            format_date(point.month, "Y"),
        )
        for index, point in enumerate(points)
        if (point.month.month - 1) % every == 0
    ]
    return format_html_join(
        "",
        '<line x1="{0}" x2="{0}" y1="{1}" y2="{2}" stroke="' + TEXT_COLOR + '"/>'
        '<text x="{3}" y="{4}" text-anchor="middle">{5}'
        '<tspan x="{6}" dy="1.1em">{7}</tspan></text>',
        labels,
    )


def _call_in_marker(points: list[ChartPoint], call_in: date, x_at) -> str:
    index = months_between(points[0].month, first_of_month(call_in))
    if not 0 <= index < len(points):
        return ""
    x = x_at(index)
    anchor = "end" if x > WIDTH * 0.7 else "start"
    label_x = x - 4 if anchor == "end" else x + 4
    return format_html(
        '<line class="dmi-fig-chart__call-in" x1="{}" x2="{}" y1="{}" y2="{}" '
        'stroke="{}" stroke-width="2" stroke-dasharray="6 4"/>'
        '<text x="{}" y="{}" text-anchor="{}" fill="{}" font-weight="bold">{}</text>',
        x,
        x,
        TOP - 4,
        HEIGHT - BOTTOM,
        CALL_IN_COLOR,
        label_x,
        TOP - 10,
        anchor,
        CALL_IN_COLOR,
        _("Call-in"),
    )


def _line(points: list[ChartPoint], x_at, y_at) -> str:
    """One path with a fresh 'M' after every gap, plus a dot per plotted month."""
    commands, dots, pen_down = [], [], False
    for index, point in enumerate(points):
        if point.value is None:
            pen_down = False
            continue
        x, y = x_at(index), y_at(point.value)
        commands.append(f"{'L' if pen_down else 'M'}{x} {y}")
        dots.append((x, y))
        pen_down = True
    if not commands:
        return ""
    path = format_html(
        '<path class="dmi-fig-chart__line" d="{}" fill="none" stroke="{}" '
        'stroke-width="2.5" stroke-linejoin="round"/>',
        " ".join(commands),
        LINE_COLOR,
    )
    circles = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="2.5" fill="' + LINE_COLOR + '"/>',
        dots,
    )
    return path + circles
