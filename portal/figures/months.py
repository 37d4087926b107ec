"""Calendar-month arithmetic on first-of-month dates."""

from datetime import date


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + (month.month - 1) + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> int:
    """How many month steps lead from ``start`` to ``end`` (negative if earlier)."""
    return (end.year - start.year) * 12 + (end.month - start.month)


def month_range(start: date, end: date) -> list[date]:
    """Every month from ``start`` to ``end``, both included."""
    return [add_months(start, step) for step in range(months_between(start, end) + 1)]
