"""Template helpers for the public directory: categories, hours, JSON-LD.

Each reads rows already loaded on the service (prefetched in lists), so a
results page costs the same number of queries for 5 services or 20.
"""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from resources.choices import Weekday
from resources.jsonld import jsonld_script, service_jsonld
from resources.models import ServiceDirectoryPage, TaxonomyTerm
from resources.models.schedules import local_moment

register = template.Library()


@register.simple_tag
def directory_categories():
    """Top-level categories with their children, for the directory home."""
    return TaxonomyTerm.objects.roots().prefetch_related("children").order_by("name")


@register.simple_tag
def directory_page():
    return ServiceDirectoryPage.objects.live().public().first()


def _valid_on(row, day):
    return (row.valid_from is None or row.valid_from <= day) and (
        row.valid_to is None or row.valid_to >= day
    )


@register.simple_tag
def hours_today(service):
    """Today's periods as text, e.g. ['09:00–12:00', '13:00–17:00']."""
    today = local_moment(timezone.now()).date()
    return [
        row.describe_times()
        for row in service.opening_hours.all()
        if row.day_of_week == today.weekday() and _valid_on(row, today)
    ]


@register.simple_tag
def weekly_hours(service):
    """Seven (day name, [period texts], notes) rows, Monday first; empty = closed."""
    today = local_moment(timezone.now()).date()
    days = []
    for day in Weekday:
        rows = [
            row
            for row in service.opening_hours.all()
            if row.day_of_week == day.value
            and (row.valid_to is None or row.valid_to >= today)  # not past periods
        ]
        days.append(
            {
                "name": day.label,
                "is_today": day.value == today.weekday(),
                "periods": [_period_text(row) for row in rows],
            }
        )
    return days


def _period_text(row):
    text = row.describe_times()
    if row.valid_from or row.valid_to:
        start = row.valid_from.isoformat() if row.valid_from else "…"
        end = row.valid_to.isoformat() if row.valid_to else "…"
        text += " " + _("(from %(start)s to %(end)s)") % {"start": start, "end": end}
    if row.notes:
        text += f" — {row.notes}"
    return text


@register.simple_tag
def service_phones(service):
    """The service's own numbers, else its organization's."""
    phones = list(service.phones.all())
    if not phones and service.organization is not None:
        phones = list(service.organization.phones.all())
    return phones


@register.simple_tag
def service_places(service):
    return [sal.location for sal in service.service_at_locations.all()]


@register.simple_tag(takes_context=True)
def service_jsonld_script(context, service):
    return jsonld_script(service_jsonld(service, context["request"]))


@register.filter
def tel_href(number: str) -> str:
    """Digits and a leading + only, for a tel: link."""
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


@register.simple_tag
def directory_search_form():
    """An empty search form for pages that are not the results page."""
    from resources.filters import DirectorySearchForm

    return DirectorySearchForm()


@register.simple_tag
def error_report_form():
    from resources.error_reports import ErrorReportForm

    return ErrorReportForm(auto_id="report-%s")
