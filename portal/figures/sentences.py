"""Plain-language sentences for a before/after comparison, one per area."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.choices import FigureArea, FigureSeries
from portal.figures.summary import WindowComparison, rounded
from portal.figures.suppression import suppressed_label

AREA_OPENINGS = {
    FigureArea.MARKET: gettext_lazy("In the market area"),
    FigureArea.BUFFER: gettext_lazy("In the surrounding buffer"),
    FigureArea.CITY: gettext_lazy("Across the whole city"),
}
SERIES_NOUNS = {
    FigureSeries.CALLS_FOR_SERVICE: gettext_lazy("calls for service"),
    FigureSeries.DRUG_OFFENSES: gettext_lazy("drug offenses"),
    FigureSeries.VIOLENT_CRIME: gettext_lazy("violent crimes"),
    FigureSeries.PROPERTY_CRIME: gettext_lazy("property crimes"),
    FigureSeries.COMMUNITY_COMPLAINTS: gettext_lazy("community complaints"),
}


def format_average(value) -> str:
    return number_format(rounded(value, 1), decimal_pos=1, force_grouping=True)


def format_change(comparison: WindowComparison) -> str:
    percent = rounded(comparison.percent_change)
    if percent == 0:
        return _("about the same")
    if percent < 0:
        return _("down %(percent)s%%") % {"percent": -percent}
    return _("up %(percent)s%%") % {"percent": percent}


def _values(series, area, comparison: WindowComparison) -> dict:
    values = {
        "opening": AREA_OPENINGS[area],
        "noun": SERIES_NOUNS[series],
        "n": comparison.months,
        "fewer": suppressed_label(),
    }
    if comparison.comparable:
        values.update(
            before=format_average(comparison.before_average),
            after=format_average(comparison.after_average),
            change=format_change(comparison),
        )
    return values


def call_in_sentence(series, area, comparison: WindowComparison) -> str:
    """How the monthly average changed from before the call-in to after it."""
    values = _values(series, area, comparison)
    n = comparison.months
    if n == 0:
        text = _(
            "%(opening)s, there are not yet figures for %(noun)s from both "
            "before and after the call-in month, so there is nothing to compare."
        )
    elif not comparison.comparable:
        text = ngettext(
            "%(opening)s, there were too few %(noun)s to compare the month "
            "before and the month after the call-in (%(fewer)s in at least one).",
            "%(opening)s, there were too few %(noun)s to compare the %(n)s months "
            "before and the %(n)s months after the call-in (%(fewer)s in at least "
            "one of them).",
            n,
        )
    else:
        text = ngettext(
            "%(opening)s, %(noun)s averaged %(before)s a month in the month "
            "before the call-in and %(after)s in the month after: %(change)s.",
            "%(opening)s, %(noun)s averaged %(before)s a month in the %(n)s months "
            "before the call-in and %(after)s in the %(n)s months after: %(change)s.",
            n,
        )
    return text % values


def trend_sentence(series, area, comparison: WindowComparison) -> str:
    """With no call-in yet: the latest months against the months before them."""
    values = _values(series, area, comparison)
    n = comparison.months
    if n == 0:
        text = _(
            "%(opening)s, there are not yet enough months of figures for "
            "%(noun)s to describe a trend."
        )
    elif not comparison.comparable:
        text = ngettext(
            "%(opening)s, there were too few %(noun)s to describe a trend "
            "(%(fewer)s in the latest month or the month before it).",
            "%(opening)s, there were too few %(noun)s to describe a trend "
            "(%(fewer)s in the latest %(n)s months or the %(n)s months before).",
            n,
        )
    else:
        text = ngettext(
            "%(opening)s, %(noun)s were %(after)s in the latest month "
            "and %(before)s in the month before: %(change)s.",
            "%(opening)s, %(noun)s averaged %(after)s a month in the latest "
            "%(n)s months and %(before)s in the %(n)s months before: %(change)s.",
            n,
        )
    return text % values


def no_call_in_lead() -> str:
    return _(
        "There has been no call-in here yet, so there is no before and after. "
        "This is the trend so far."
    )
