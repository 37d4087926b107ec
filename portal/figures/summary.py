"""Before/after arithmetic and the plain-language sentence for each area.

Windows have the same length on both sides: up to 12 calendar months before
the call-in month and the same number after it, the call-in month itself left
out because it is part before, part after. When less history exists on one
side, both windows shrink to the shorter side. With no call-in yet, the latest
months are compared with the same number of months just before them.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from portal.figures.months import add_months, first_of_month, months_between
from portal.figures.suppression import is_suppressed

MAX_WINDOW_MONTHS = 12


@dataclass(frozen=True)
class WindowComparison:
    """Two equal runs of months and what they add up to."""

    months: int
    before_start: date | None = None
    after_start: date | None = None
    before_total: int = 0
    after_total: int = 0
    before_months_with_data: int = 0
    after_months_with_data: int = 0

    @property
    def comparable(self) -> bool:
        """Both windows exist and neither total falls under the suppression rule."""
        return (
            self.months > 0
            and self.before_months_with_data > 0
            and self.after_months_with_data > 0
            and not is_suppressed(self.before_total)
            and not is_suppressed(self.after_total)
        )

    @property
    def before_average(self) -> Fraction | None:
        return _average(self.before_total, self.before_months_with_data)

    @property
    def after_average(self) -> Fraction | None:
        return _average(self.after_total, self.after_months_with_data)

    @property
    def percent_change(self) -> Fraction | None:
        """Change of the monthly average, in percent of the 'before' average."""
        before, after = self.before_average, self.after_average
        if before is None or after is None or before == 0:
            return None
        return (after - before) / before * 100


def _average(total: int, months: int) -> Fraction | None:
    return Fraction(total, months) if months else None


def rounded(value: Fraction, places: int = 0) -> Decimal:
    """Round half away from zero, as people expect (not banker's rounding)."""
    exponent = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(exponent, rounding=ROUND_HALF_UP)


def _window(counts: dict[date, int], before_start: date, after_start: date, n: int):
    before = [counts[m] for m in _months(before_start, n) if m in counts]
    after = [counts[m] for m in _months(after_start, n) if m in counts]
    return WindowComparison(
        months=n,
        before_start=before_start,
        after_start=after_start,
        before_total=sum(before),
        after_total=sum(after),
        before_months_with_data=len(before),
        after_months_with_data=len(after),
    )


def _months(start: date, n: int) -> list[date]:
    return [add_months(start, step) for step in range(n)]


def compare_around_call_in(
    counts: dict[date, int], call_in: date, *, max_months: int = MAX_WINDOW_MONTHS
) -> WindowComparison:
    """Equal windows either side of the call-in month, which is left out."""
    if not counts:
        return WindowComparison(months=0)
    pivot = first_of_month(call_in)
    first, last = min(counts), max(counts)
    months_before = max(0, months_between(first, pivot))
    months_after = max(0, months_between(pivot, last))
    n = min(max_months, months_before, months_after)
    if n == 0:
        return WindowComparison(months=0)
    return _window(counts, add_months(pivot, -n), add_months(pivot, 1), n)


def compare_recent(
    counts: dict[date, int], *, max_months: int = MAX_WINDOW_MONTHS
) -> WindowComparison:
    """The latest months against the same number of months just before them."""
    if not counts:
        return WindowComparison(months=0)
    first, last = min(counts), max(counts)
    n = min(max_months, (months_between(first, last) + 1) // 2)
    if n == 0:
        return WindowComparison(months=0)
    after_start = add_months(last, -(n - 1))
    return _window(counts, add_months(after_start, -n), after_start, n)
