"""Workspace screens: cases (list, page, opening a case, moving its status).

A case is visible to its owning agency and to whoever it was shared with;
its subject's name shows only to those who may see the subject too.
Anything the viewer may not see answers 404 (POSTs too); a write their role
forbids answers 403. Every page is audited as a read; the services audit
every write.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from agencies.models import Case
from agencies.permissions import (
    can_change,
    can_change_case_status,
    get_visible_or_404,
)
from agencies.selectors.records import case_detail, case_list
from agencies.services.records import WorkspaceError, case_create, case_status_change
from agencies.workspace.access import audit_read, workspace_view
from agencies.workspace.forms.records import CaseFilterForm, CaseForm, CaseStatusForm
from agencies.workspace.markets import list_page
from agencies.workspace.sharing import sharing_context
from agencies.workspace.subjects import subject_for_write


@workspace_view
def cases(request):
    form = CaseFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_bound and form.is_valid() else ""
    return list_page(
        request,
        form=form,
        rows=case_list(user=request.user, status=status),
        name="case",
        filters={"status": status},
        template="agencies/workspace/cases/list.html",
    )


@workspace_view
def case(request, pk):
    context = case_detail(user=request.user, pk=pk)
    record = context["case"]
    if context["can_change_status"]:
        context["status_form"] = CaseStatusForm(case=record)
    context.update(sharing_context(request, record))
    audit_read(request, record)
    return render(request, "agencies/workspace/cases/detail.html", context)


@workspace_view
def case_new(request, pk):
    """The subject's owning agency opens cases against it."""
    subject = subject_for_write(request, pk, can_change)
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = case_create(
                by=request.user,
                subject=subject,
                title=form.cleaned_data["title"],
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Case opened. Only your agency sees it."))
            return redirect("workspace:case", created.pk)
    audit_read(request, subject, view="case_create")
    return render(
        request,
        "agencies/workspace/cases/new.html",
        {"form": form, "subject": subject},
    )


@workspace_view
def case_status(request, pk):
    """The owning agency, or a prosecutor lead who sees the case, moves it."""
    record = get_visible_or_404(
        Case, user=request.user, pk=pk, queryset=Case.objects.select_related("subject")
    )
    if not can_change_case_status(request.user, record):
        raise PermissionDenied
    form = CaseStatusForm(request.POST or None, case=record)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case_status_change(
                case=record,
                to_status=data["to_status"],
                activation_reason=data["activation_reason"],
                comment=data["comment"],
                by=request.user,
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Case status changed."))
            return redirect("workspace:case", record.pk)
    audit_read(request, record, view="case_status")
    return render(
        request,
        "agencies/workspace/cases/status.html",
        {"form": form, "case": record},
    )


urlpatterns = [
    path("cases/", cases, name="cases"),
    path("cases/<int:pk>/", case, name="case"),
    path("cases/<int:pk>/status/", case_status, name="case_status"),
    path("subjects/<int:pk>/cases/new/", case_new, name="case_create"),
]
