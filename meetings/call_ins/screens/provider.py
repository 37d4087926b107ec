"""Providers' referral screens at ``/referrals/``.

Service providers' staff (members of a directory organization's provider
group, not agency staff) see the referrals made at call-ins to their own
organizations' services, as ``ProviderReferral`` values: the service, the
status and its history, and the person's name and contact only if they
agreed. Never the call-in, the subject, the case or the plan. They move the
status on (referred → first contact → engaged → completed, or declined).

* Anonymous visitors are sent to sign in; the MFA gate applies here exactly
  as it does everywhere else (``provider_view`` asks the same gate, so the
  pages stay behind it even if the middleware list changes).
* Signed-in people without a provider organization get 404, agency staff
  included: they follow referrals in the workspace. So does a referral to
  another organization, POSTs included. Refusals are audited.
* Every page is audited (listed, viewed); the service audits the change.
* Responses are ``no-store`` and ``noindex``.
"""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from agencies.accounts.middleware import MfaRequiredMiddleware
from agencies.models import AuditAction
from agencies.services.records import WorkspaceError
from agencies.workspace.access import audit_read, confidential_response
from agencies.workspace.access import refused_response as _refused
from meetings.call_ins.outcomes import referral_status_update
from meetings.call_ins.referrals import (
    PROVIDER_PAGE_SIZE,
    provider_referral_get_or_404,
    referrals_for_provider,
)
from meetings.choices import ReferralStatus
from meetings.models import Referral
from resources.selectors import provider_organization_ids

PAGE_SIZE = PROVIDER_PAGE_SIZE

_mfa_gate = MfaRequiredMiddleware(get_response=None)


def provider_view(view):
    """Provider staff only; sets ``request.provider_organization_ids``."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        gate = _mfa_gate.gate(request)
        if gate is not None:
            return gate
        try:
            organization_ids = provider_organization_ids(request.user)
            if not organization_ids:
                raise Http404
            request.provider_organization_ids = organization_ids
            response = view(request, *args, **kwargs)
        except (Http404, PermissionDenied) as refused:
            response = _refused(request, refused)
        return confidential_response(response)

    return wrapper


# --- forms -------------------------------------------------------------------


class ReferralFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("Any status")), *ReferralStatus.choices],
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy("Choose a status from the list.")
        },
    )


class ReferralStatusForm(forms.Form):
    """Only the statuses the referral may move to next are offered."""

    to_status = forms.ChoiceField(
        label=gettext_lazy("New status"),
        error_messages={
            "required": gettext_lazy("Choose the new status."),
            "invalid_choice": gettext_lazy(
                "This referral cannot move to that status from here."
            ),
        },
    )

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ReferralStatus.choices)
        self.fields["to_status"].choices = [("", _("- Choose -"))] + [
            (status, labels[status]) for status in referral.next_statuses
        ]


def _page_number(value) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def _organization_titles(ids) -> list[str]:
    from resources.models import OrganizationPage

    return list(
        OrganizationPage.objects.filter(pk__in=ids)
        .order_by("title")
        .values_list("title", flat=True)
    )


# --- views -------------------------------------------------------------------


@provider_view
def referral_list(request):
    form = ReferralFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_bound and form.is_valid() else ""
    number = _page_number(request.GET.get("page"))
    rows, more = [], False
    if not form.errors:
        rows, more = referrals_for_provider(
            user=request.user, status=status, page=number, page_size=PAGE_SIZE
        )
    audit_read(
        request,
        None,
        action=AuditAction.RECORD_LISTED,
        list="provider_referral",
        page=number,
        filters={"status": status} if status else {},
        shown=len(rows),
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "meetings/call_ins/provider/list.html",
        {
            "form": form,
            "rows": rows,
            "status": status,
            "number": number,
            "has_previous": number > 1 and not form.errors,
            "has_next": more,
            "extra_query": query.urlencode(),
            "organizations": _organization_titles(request.provider_organization_ids),
        },
    )


def _detail(request, referral, form):
    audit_read(request, Referral(pk=referral.pk), view="provider_referral")
    return render(
        request,
        "meetings/call_ins/provider/detail.html",
        {"referral": referral, "form": form},
    )


@provider_view
def referral_detail(request, pk):
    referral = provider_referral_get_or_404(user=request.user, pk=pk)
    return _detail(request, referral, ReferralStatusForm(referral=referral))


@provider_view
@require_POST
def referral_status(request, pk):
    """Move the referral on; a bad or illegal move changes nothing and says why."""
    referral = provider_referral_get_or_404(user=request.user, pk=pk)
    form = ReferralStatusForm(request.POST, referral=referral)
    if form.is_valid():
        try:
            referral_status_update(
                referral=Referral(pk=referral.pk),
                by=request.user,
                to_status=form.cleaned_data["to_status"],
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Referral status changed."))
            return redirect("provider_referrals:detail", referral.pk)
    # Show what is true now (another person may have moved it meanwhile).
    current = provider_referral_get_or_404(user=request.user, pk=pk)
    return _detail(request, current, form)


urlpatterns = [
    path("", referral_list, name="list"),
    path("<int:pk>/", referral_detail, name="detail"),
    path("<int:pk>/status/", referral_status, name="status"),
]
