"""Workspace screens: subjects, their controlled buys and risk decisions.

A subject is visible to its owning agency and to whoever it was shared with;
its buys and decisions follow it. Anything the viewer may not see answers
404 (POSTs too); a write their role forbids answers 403. Every page is
audited as a read; the services audit every write.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from agencies.choices import DecisionStatus
from agencies.models import Market, RiskDecision, Subject
from agencies.permissions import (
    approval_role,
    can_approve_decision,
    can_change,
    can_propose_decision,
    get_visible_or_404,
)
from agencies.selectors.records import subject_detail, subject_list
from agencies.services.decisions import decision_approve, decision_propose
from agencies.services.records import (
    WorkspaceError,
    controlled_buy_create,
    subject_create,
)
from agencies.workspace.access import audit_read, workspace_view
from agencies.workspace.forms.records import (
    ApprovalForm,
    ControlledBuyForm,
    DecisionForm,
    SubjectFilterForm,
    SubjectForm,
)
from agencies.workspace.markets import list_page
from agencies.workspace.sharing import sharing_context


@workspace_view
def subjects(request):
    form = SubjectFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    return list_page(
        request,
        form=form,
        rows=subject_list(user=request.user, **filters),
        name="subject",
        filters=filters,
        template="agencies/workspace/subjects/list.html",
    )


@workspace_view
def subject(request, pk):
    context = subject_detail(user=request.user, pk=pk)
    record = context["subject"]
    context.update(sharing_context(request, record))
    audit_read(request, record)
    return render(request, "agencies/workspace/subjects/detail.html", context)


@workspace_view
def subject_new(request, pk):
    """A subject within a market the viewer may see; their agency owns it."""
    market = get_visible_or_404(Market, user=request.user, pk=pk)
    form = SubjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = subject_create(
                by=request.user, market=market, request=request, **form.cleaned_data
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Subject recorded. Only your agency sees it until shared.")
            )
            return redirect("workspace:subject", created.pk)
    audit_read(request, market, view="subject_create")
    return render(
        request,
        "agencies/workspace/subjects/new.html",
        {"form": form, "market": market},
    )


def subject_for_write(request, pk, allowed) -> Subject:
    """404 if the viewer cannot see the subject, 403 if the rule says no."""
    record = get_visible_or_404(
        Subject,
        user=request.user,
        pk=pk,
        queryset=Subject.objects.select_related("market"),
    )
    if not allowed(request.user, record):
        raise PermissionDenied
    return record


@workspace_view
def buy_new(request, pk):
    """Controlled buys: the owning agency's staff."""
    record = subject_for_write(request, pk, can_change)
    form = ControlledBuyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            controlled_buy_create(
                by=request.user, subject=record, request=request, **form.cleaned_data
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Controlled buy recorded."))
            return redirect("workspace:subject", record.pk)
    audit_read(request, record, view="buy_create")
    return render(
        request,
        "agencies/workspace/subjects/buy_new.html",
        {"form": form, "subject": record},
    )


@workspace_view
def decision_new(request, pk):
    """Police and prosecutors who see the subject propose; "suggest" only previews."""
    record = subject_for_write(request, pk, can_propose_decision)
    suggested = None
    if "suggest" in request.POST:
        # A preview keeps what was typed, saves nothing and shows no errors yet.
        form = DecisionForm(initial=request.POST.dict())
        suggested = DecisionForm.suggested_tier(request.POST)
    else:
        form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_bound and form.is_valid():
        try:
            decision_propose(
                subject=record,
                by=request.user,
                request=request,
                **form.decision_fields(),
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Decision proposed: it needs a police and a prosecutor lead."),
            )
            return redirect("workspace:subject", record.pk)
    if request.method == "POST" and suggested is None:
        suggested = DecisionForm.suggested_tier(request.POST)
    audit_read(request, record, view="decision_propose")
    return render(
        request,
        "agencies/workspace/subjects/decision_new.html",
        {
            "form": form,
            "subject": record,
            "suggested": suggested,
            "pending": record.decisions.filter(status=DecisionStatus.PROPOSED).exists(),
        },
    )


@workspace_view
def decision_approve_view(request, pk):
    """A police lead and a prosecutor lead each approve, with a rationale."""
    decision = (
        RiskDecision.objects.select_related(
            "proposed_by", "police_approved_by", "prosecutor_approved_by"
        )
        .filter(pk=pk)
        .first()
    )
    if decision is None:
        raise Http404
    # The decision follows its subject: invisible subject, invisible decision.
    decision.subject = get_visible_or_404(
        Subject, user=request.user, pk=decision.subject_id
    )
    if not can_approve_decision(request.user, decision):
        raise PermissionDenied
    form = ApprovalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision_approve(
                decision=decision,
                by=request.user,
                rationale=form.cleaned_data["rationale"],
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Approval recorded."))
            return redirect("workspace:subject", decision.subject_id)
    audit_read(request, decision.subject, view="decision_approve", decision=pk)
    return render(
        request,
        "agencies/workspace/subjects/decision_approve.html",
        {
            "form": form,
            "decision": decision,
            "subject": decision.subject,
            "role": approval_role(request.user),
        },
    )


urlpatterns = [
    path("subjects/", subjects, name="subjects"),
    path("subjects/<int:pk>/", subject, name="subject"),
    path("markets/<int:pk>/subjects/new/", subject_new, name="subject_create"),
    path("subjects/<int:pk>/buys/new/", buy_new, name="buy_create"),
    path("subjects/<int:pk>/decisions/new/", decision_new, name="decision_propose"),
    path(
        "decisions/<int:pk>/approve/",
        decision_approve_view,
        name="decision_approve",
    ),
]
