"""Public directory views: search results, report an error, the print list.

The directory home and the service pages are Wagtail pages; these views sit
beside them under /directory/. The print list lives in the session (see
``resources.print_list``), so it works without JavaScript and never puts the
help someone is looking for into a URL.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from portal.ratelimit import rate_limit_exceeded, too_many_requests
from resources import print_list
from resources.error_reports import ErrorReportForm, error_report_create
from resources.filters import DirectorySearchForm
from resources.models import ServiceDirectoryPage, ServicePage
from resources.search import services_for_list, services_search
from resources.visibility import private_paths, private_q

REPORT_RATE_GROUP = "directory-report-error"


def _directory_page(private_q=None):
    pages = ServiceDirectoryPage.objects.live()
    pages = pages.public() if private_q is None else pages.exclude(private_q)
    return pages.first()


def _listed_service(hsds_id):
    service = ServicePage.objects.listed().filter(hsds_id=hsds_id).first()
    if service is None:
        raise Http404
    return service


def _trail(directory, *steps):
    trail = [(directory.title, directory.url)] if directory else []
    return trail + list(steps)


@require_GET
def search(request):
    """Results of the directory search: keyword and filters combined by AND."""
    # The view restrictions, read once for the form, the results and the trail.
    restricted = private_paths()
    hidden = private_q(restricted)
    form = DirectorySearchForm(request.GET or None, private_q=hidden)
    if form.is_bound:
        form.is_valid()  # bad filters are reported and dropped, never a 500
    directory = _directory_page(hidden)
    outcome = services_search(
        filters=form.usable_filters(),
        page_number=request.GET.get("page", 1),
        private_paths=restricted,
        request=request,
        root=directory,
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "resources/search_results.html",
        {
            "form": form,
            "problems": form.problems() if form.is_bound else [],
            "results": outcome.page,
            "services": outcome.services,
            "page_query": query.urlencode(),
            "directory": directory,
            "trail": _trail(directory, (_("Search results"), "")),
            "my_list": print_list.chosen(request),
            "return_to": request.get_full_path(),
        },
    )


def report_error(request, hsds_id):
    """The "Report an error" form; a report reaches the directory editors."""
    service = _listed_service(hsds_id)
    if rate_limit_exceeded(
        request, group=REPORT_RATE_GROUP, rate=settings.PUBLIC_FORM_RATE_LIMIT
    ):
        return too_many_requests(request)
    form = ErrorReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_bot():  # a bot is thanked too, and nothing is stored
            error_report_create(
                service=service,
                page_url=service.get_full_url(request),
                **form.cleaned_data_for_report(),
            )
        return redirect("directory:report_thanks", hsds_id=service.hsds_id)
    directory = _directory_page()
    return render(
        request,
        "resources/report_error.html",
        {
            "service": service,
            "form": form,
            "trail": _trail(
                directory,
                (service.title, service.get_url(request)),
                (_("Report an error"), ""),
            ),
        },
    )


@require_GET
def report_thanks(request, hsds_id):
    service = _listed_service(hsds_id)
    directory = _directory_page()
    return render(
        request,
        "resources/report_thanks.html",
        {
            "service": service,
            "trail": _trail(
                directory,
                (service.title, service.get_url(request)),
                (_("Thank you"), ""),
            ),
        },
    )


def _back(request, default):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


@require_POST
def my_list_add(request):
    added = print_list.add(request, request.POST.getlist("service"))
    if added:
        messages.success(
            request,
            _("Added to your list. Your list has %(count)d services.")
            % {"count": len(print_list.chosen(request))},
        )
    else:
        messages.info(request, _("Tick a service to add it to your list."))
    return _back(request, reverse("directory:my_list"))


@require_POST
def my_list_remove(request):
    print_list.remove(request, request.POST.getlist("service"))
    return _back(request, reverse("directory:my_list"))


@require_POST
def my_list_clear(request):
    print_list.clear(request)
    return redirect("directory:my_list")


@require_GET
def my_list(request):
    """The chosen services on one printable page."""
    services = services_for_list(hsds_ids=print_list.chosen(request))
    directory = _directory_page()
    return render(
        request,
        "resources/my_list.html",
        {
            "services": services,
            "directory": directory,
            "trail": _trail(directory, (_("My list"), "")),
        },
    )
