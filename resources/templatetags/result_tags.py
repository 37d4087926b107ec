"""One search result as HTML, built in Python: the hot loop of the results page.

Twenty results written with template tags cost about 6 ms of the ~40 ms a
results page takes on the directory's 2-core server, in the template engine's
per-variable and per-tag work, not in what is shown. Built here with
``format_html`` (every value escaped) from a ``ServiceSummary`` the same
markup costs about a millisecond. The words are the templates' own message
ids, so existing translations apply.

``verification`` is shared with the service page and the printable list
(``resources/includes/verified.html``), so the wording lives in one place.
"""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from resources.templatetags.directory_tags import tel_href

register = template.Library()


def _date(moment, fmt):
    # As the |date filter does: on the site's wall clock first.
    return date_format(localtime(moment), fmt)


@register.simple_tag
def verification(service):
    """When the listing was last verified; "please call ahead" once stale."""
    if service.is_stale:
        if service.assured_at:
            text = _("Last verified %(date)s — please call ahead") % {
                "date": _date(service.assured_at, "F Y")
            }
        else:
            text = _("Not verified since %(date)s — please call ahead") % {
                "date": _date(service.verification_due_from, "F Y")
            }
        return format_html('<span class="dmi-stale">{}</span>', text)
    if service.assured_at:
        return _date(service.assured_at, "j F Y")
    return _("Not yet verified")


def _words(text, count):
    return Truncator(text).words(count, truncate=" …")


def _status(service):
    if service.status == "temporarily closed":
        return format_html(
            '<p class="usa-tag dmi-status dmi-status--closed">{}</p>',
            _("Temporarily closed"),
        )
    if service.status == "inactive":
        return format_html(
            '<p class="usa-tag dmi-status">{}</p>', _("Not taking new people")
        )
    return ""


def _places(service):
    if not service.places:
        return _("No address listed: call first")
    return format_html_join(
        mark_safe("<br>"),
        "{}{}",
        (
            (address, format_html(" ({})", area) if area else "")
            for address, area in service.places
        ),
    )


def _today(service):
    hours = ", ".join(service.hours_today) or _("Closed today")
    if service.is_open_now:
        return format_html(
            '<strong class="dmi-open-now">{}</strong> · {}', _("Open now"), hours
        )
    return hours


def _cost(service):
    if service.is_free:
        return _("Free")
    if service.fees_description:
        return _words(service.fees_description, 20)
    return _("Fees may apply: ask")


def _fact(term, value):
    return format_html("<dt>{}</dt><dd>{}</dd>", term, value)


@register.simple_tag
def result_summary(service):
    """The ``<article>`` of one result: what, where, when, cost, how, verified."""
    facts = [
        _fact(_("Where"), _places(service)),
        _fact(_("Today"), _today(service)),
        _fact(_("Cost"), _cost(service)),
    ]
    if service.application_process:
        facts.append(_fact(_("How to apply"), _words(service.application_process, 30)))
    if service.phones:
        links = format_html_join(
            ", ",
            '<a class="usa-link" href="tel:{}">{}</a>',
            ((tel_href(number), number) for number in service.phones),
        )
        facts.append(_fact(_("Phone"), links))
    facts.append(_fact(_("Last verified"), verification(service)))
    organization = ""
    if service.organization:
        organization = format_html(
            '<p class="dmi-service-summary__org">{}</p>',
            _("Offered by %(name)s") % {"name": service.organization},
        )
    alert = ""
    if service.alert:
        alert = format_html(
            '<p class="dmi-alert-text"><strong>{}</strong> {}</p>',
            _("Notice:"),
            service.alert,
        )
    return format_html(
        '<article class="dmi-service-summary" aria-labelledby="service-{0}-name">'
        '<h3 class="dmi-service-summary__name" id="service-{0}-name">'
        '<a class="usa-link" href="{1}">{2}</a></h3>{3}{4}{5}<p>{6}</p>'
        '<dl class="dmi-facts">{7}</dl></article>',
        service.pk,
        service.url,
        service.title,
        organization,
        _status(service),
        alert,
        _words(service.description, 40),
        mark_safe("".join(facts)),  # noqa: S308 (each built by format_html)
    )
