"""Admin views of the directory: the "Mark verified" confirmation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from resources.models import ServicePage
from resources.selectors import service_can_mark_verified
from resources.services import service_mark_verified


def _safe_next(request, fallback):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


@require_http_methods(["GET", "POST"])
def mark_verified(request, page_id):
    """GET asks to confirm; POST (with CSRF) records who verified it and when.

    Only a ServiceVerification row is written: no revision, no page save, so
    the page's content and last_modified stay as they were.
    """
    service = get_object_or_404(ServicePage, pk=page_id)
    if not service_can_mark_verified(service=service, user=request.user):
        raise PermissionDenied
    fallback = reverse("wagtailadmin_explore", args=[service.get_parent().pk])
    next_url = _safe_next(request, fallback)
    if request.method == "POST":
        service_mark_verified(
            service=service, user=request.user, note=request.POST.get("note", "")[:255]
        )
        messages.success(
            request,
            _("'%(title)s' is marked as verified today.") % {"title": service.title},
        )
        return redirect(next_url)
    return TemplateResponse(
        request,
        "resources/admin/confirm_mark_verified.html",
        {
            "page_title": _("Mark verified"),
            "header_icon": "check",
            "service": service,
            "next_url": next_url,
            "action_url": reverse("resources_mark_verified", args=[service.pk]),
        },
    )
