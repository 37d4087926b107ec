"""Read, check and save a CSV of neighborhood figures, all or nothing.

The whole file is checked before anything is written, and every bad line is
reported with its reason, so an editor fixes the file once. A good file is
saved in one transaction: existing rows (same neighborhood, month, series and
area) are updated, others created.
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.choices import FigureArea, FigureSeries
from portal.page_cache import invalidate_public_pages

HEADER = ["neighborhood", "month", "series", "area", "count"]
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
MAX_COUNT = 2_147_483_647  # PositiveIntegerField's ceiling on every database


@dataclass(frozen=True)
class FigureRow:
    line: int
    slug: str
    month: date
    series: str
    area: str
    count: int


@dataclass(frozen=True)
class LineError:
    line: int | None  # None: the file as a whole
    reason: str

    def __str__(self):
        if self.line is None:
            return self.reason
        return _("line %(line)s: %(reason)s") % {
            "line": self.line,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


class FigureFileInvalid(Exception):
    def __init__(self, errors: list[LineError]):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


def figure_rows_from_csv(raw: bytes) -> tuple[list[FigureRow], dict]:
    """The file's rows and their pages by slug, or FigureFileInvalid listing
    every bad line with its reasons."""
    reader = csv.reader(io.StringIO(_decode(raw), newline=""))
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        raise FigureFileInvalid([LineError(None, _("the file is empty"))])
    if [cell.strip().lower() for cell in header] != HEADER:
        raise FigureFileInvalid(
            [LineError(1, _("missing header: expected %s") % ",".join(HEADER))]
        )
    parsed, errors, seen, slugs_by_line = [], [], {}, {}
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue  # blank lines carry no data
        line = reader.line_num
        row, reasons = _parse(cells)
        if len(cells) == len(HEADER) and cells[0].strip():
            slugs_by_line[line] = cells[0].strip()
        if row is not None:
            row = FigureRow(line, *row)
            key = (row.slug, row.month, row.series, row.area)
            if key in seen:
                reasons.append(_("duplicate of line %s") % seen[key])
            else:
                seen[key] = line
                parsed.append(row)
        errors.extend(LineError(line, reason) for reason in reasons)
    if not slugs_by_line and not errors:
        errors.append(LineError(None, _("the file has a header but no figures")))
    neighborhoods, unknown = _neighborhoods_by_slug(slugs_by_line)
    errors.extend(unknown)
    if errors:
        raise FigureFileInvalid(sorted(errors, key=lambda error: error.line or 0))
    return parsed, neighborhoods


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FigureFileInvalid(
            [LineError(line, _("not UTF-8 text (save the file as UTF-8 CSV)"))]
        ) from None


def _parse(cells: list[str]) -> tuple[tuple | None, list[str]]:
    """(slug, month, series, area, count) or None, and the reasons it is bad."""
    if len(cells) != len(HEADER):
        values = {"expected": len(HEADER), "found": len(cells)}
        if len(cells) < len(HEADER):
            return None, [
                _("missing columns: expected %(expected)s, found %(found)s") % values
            ]
        return None, [
            _("extra columns: expected %(expected)s, found %(found)s") % values
        ]
    slug, month_text, series, area, count_text = (cell.strip() for cell in cells)
    reasons = []
    if not slug:
        reasons.append(_("missing neighborhood"))
    month = _month(month_text)
    if month is None:
        reasons.append(_("bad month %r (expected YYYY-MM)") % month_text)
    elif month > timezone.localdate():
        reasons.append(_("month %s is in the future") % month_text)
    if series not in FigureSeries.values:
        reasons.append(_("unknown series %r") % series)
    if area not in FigureArea.values:
        reasons.append(_("unknown area %r") % area)
    count = int(count_text) if count_text.isascii() and count_text.isdigit() else None
    if count is None or count > MAX_COUNT:
        reasons.append(_("count %r is not a non-negative whole number") % count_text)
    if reasons:
        return None, reasons
    return (slug, month, series, area, count), reasons


def _month(text: str) -> date | None:
    match = MONTH_PATTERN.match(text)
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    return date(int(match[1]), int(match[2]), 1)


def _neighborhoods_by_slug(slugs_by_line: dict[int, str]):
    from portal.models import NeighborhoodPage

    found = {}
    pages = NeighborhoodPage.objects.filter(slug__in=set(slugs_by_line.values()))
    for page in pages.only("pk", "slug"):
        found.setdefault(page.slug, []).append(page)
    errors = []
    for line, slug in slugs_by_line.items():
        if slug not in found:
            errors.append(LineError(line, _("unknown neighborhood %r") % slug))
        elif len(found[slug]) > 1:
            errors.append(LineError(line, _("more than one neighborhood is %r") % slug))
    return {slug: pages[0] for slug, pages in found.items()}, errors


def figures_import(*, raw: bytes) -> ImportResult:
    """Check the whole file, then upsert every row in one transaction."""
    from portal.models import NeighborhoodFigure

    rows, neighborhoods = figure_rows_from_csv(raw)
    now = timezone.now()
    with transaction.atomic():
        existing = {
            (f.neighborhood_id, f.month, f.series, f.area): f
            for f in NeighborhoodFigure.objects.select_for_update().filter(
                neighborhood__in=neighborhoods.values(),
                month__in={row.month for row in rows},
            )
        }
        to_create, to_update, unchanged = [], [], 0
        for row in rows:
            page = neighborhoods[row.slug]
            figure = existing.get((page.pk, row.month, row.series, row.area))
            if figure is None:
                to_create.append(
                    NeighborhoodFigure(
                        neighborhood=page,
                        month=row.month,
                        series=row.series,
                        area=row.area,
                        count=row.count,
                    )
                )
            elif figure.count != row.count:
                figure.count, figure.updated_at = row.count, now
                to_update.append(figure)
            else:
                unchanged += 1
        NeighborhoodFigure.objects.bulk_create(to_create, batch_size=500)
        NeighborhoodFigure.objects.bulk_update(
            to_update, ["count", "updated_at"], batch_size=500
        )
    # Bulk writes send no post_save, so the page cache is cleared here.
    invalidate_public_pages()
    return ImportResult(
        created=len(to_create), updated=len(to_update), unchanged=unchanged
    )
