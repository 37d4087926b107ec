"""The one small-number rule for every public count.

A count below ``SUPPRESSION_THRESHOLD`` could point at an identifiable person
in a small area, so anything public (page, table, chart, summary, CSV
download) shows "fewer than 3" instead of the number. Every public surface
goes through ``is_suppressed`` / ``public_count``; changing the rule here
changes it everywhere.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

SUPPRESSION_THRESHOLD = 3


def is_suppressed(count: int | None) -> bool:
    """True for a known count that must not be shown as its value."""
    return count is not None and count < SUPPRESSION_THRESHOLD


def suppressed_label() -> str:
    return _("fewer than %(threshold)s") % {"threshold": SUPPRESSION_THRESHOLD}


def public_count(count: int | None) -> str:
    """The count as the public may see it; an empty string when unknown."""
    if count is None:
        return ""
    if is_suppressed(count):
        return suppressed_label()
    return number_format(count, force_grouping=True)


def chartable_count(count: int | None) -> int | None:
    """The value a chart may plot: None (a gap) when unknown or suppressed."""
    if count is None or is_suppressed(count):
        return None
    return count
