"""Workspace screens: share a market, subject, case or note; decide; revoke.

One generic page per record (``/workspace/share/<kind>/<pk>/``) used from the
note page and linkable from the market, subject and case pages. Only the
owning agency's staff see who a record is shared with and why: leads share,
decide proposals and revoke; members propose. Everyone else who can see the
record gets 403; everyone who cannot gets 404, as if it did not exist.
The services audit every share, proposal, decision and revocation.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agencies.models import CaseNote, Share
from agencies.permissions import (
    can_share,
    can_view,
    get_visible_or_404,
    owner_agency_id,
    owns,
)
from agencies.selectors.notes import share_pending, shares_for_record
from agencies.services import sharing as sharing_services
from agencies.services.records import WorkspaceError
from agencies.workspace.access import audit_read, workspace_view
from agencies.workspace.forms.notes import SHARE_KINDS, RevokeForm, ShareForm

KIND_OF_MODEL = {model: kind for kind, model in SHARE_KINDS.items()}


def _kind(record) -> str:
    return KIND_OF_MODEL[type(record)]


def share_page_url(record) -> str:
    return reverse("workspace:share", args=[_kind(record), record.pk])


def record_page_url(record) -> str:
    """Where to go back to: the note page, the record's page, else its share page."""
    if isinstance(record, CaseNote):
        return reverse("workspace:note", args=[record.pk])
    try:
        return reverse(f"workspace:{_kind(record)}", args=[record.pk])
    except NoReverseMatch:
        return share_page_url(record)


def _share_form(record, data=None) -> ShareForm:
    return ShareForm(
        data, owner_agency_id=owner_agency_id(record), auto_id="id_share_%s"
    )


def sharing_context(request, record, form=None) -> dict:
    """The sharing panel: empty for anyone outside the owning agency."""
    if not owns(request.user, record) or getattr(record, "amends_id", None):
        return {"sharing": None}
    shares = shares_for_record(user=request.user, record=record)
    return {
        "sharing": {
            "record": record,
            "kind": _kind(record),
            "shares": shares,
            "pending": share_pending(shares),
            "can_share": can_share(request.user, record),
            "form": form or _share_form(record),
        }
    }


@workspace_view
def share_record(request, kind, pk):
    model = SHARE_KINDS.get(kind)
    if model is None:
        raise Http404
    record = get_visible_or_404(model, user=request.user, pk=pk)
    if not owns(request.user, record):
        raise PermissionDenied
    if isinstance(record, CaseNote) and record.amends_id:
        # An amendment is read by exactly whoever reads its original.
        return redirect("workspace:share", "note", record.amends_id)
    form = _share_form(record, request.POST or None)
    if request.method == "POST" and form.is_valid():
        lead = can_share(request.user, record)
        write = (
            sharing_services.record_share if lead else sharing_services.share_propose
        )
        try:
            write(
                record=record,
                by=request.user,
                reason=form.cleaned_data["reason"],
                agency=form.cleaned_data["agency"],
                user=form.cleaned_data["user"],
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Shared.") if lead else _("Proposal sent to your agency's leads."),
            )
            return redirect(_next(request, record))
    audit_read(request, record, view="sharing")
    return render(
        request,
        "agencies/workspace/notes/share.html",
        {"record": record, **sharing_context(request, record, form)},
    )


def safe_next(request, default: str) -> str:
    """The form's ``next`` page if it is one of ours, else ``default``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _next(request, record) -> str:
    return safe_next(request, record_page_url(record))


def _share_or_404(user, pk) -> Share:
    """A share row, only if the viewer may see the record it is about."""
    share = (
        Share.objects.select_related("market", "subject", "case", "note")
        .filter(pk=pk)
        .first()
    )
    if share is None or not can_view(user, share.record):
        raise Http404
    return share


@workspace_view
@require_POST
def share_decide(request, pk):
    share = _share_or_404(request.user, pk)
    if not can_share(request.user, share.record):
        raise PermissionDenied
    decision = request.POST.get("decision")
    if decision not in ("approve", "decline"):
        messages.error(request, _("Choose approve or decline."))
        return redirect(_next(request, share.record))
    try:
        sharing_services.share_decide(
            share=share, by=request.user, approve=decision == "approve", request=request
        )
    except WorkspaceError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Proposal approved: shared.")
            if decision == "approve"
            else _("Proposal declined."),
        )
    return redirect(_next(request, share.record))


@workspace_view
def share_revoke(request, pk):
    share = _share_or_404(request.user, pk)
    if not can_share(request.user, share.record):
        raise PermissionDenied
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sharing_services.share_revoke(
                share=share,
                by=request.user,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Share revoked."))
            return redirect(_next(request, share.record))
    audit_read(request, share.record, view="revoke_share")
    return render(
        request,
        "agencies/workspace/notes/revoke.html",
        {"form": form, "share": share, "record": share.record},
    )


urlpatterns = [
    path("share/<str:kind>/<int:pk>/", share_record, name="share"),
    path("share/<int:pk>/decide/", share_decide, name="share_decide"),
    path("share/<int:pk>/revoke/", share_revoke, name="share_revoke"),
]
