"""Workspace screen: the dashboard, the first page agency staff see.

My markets, notes newly shared with my agency, subjects awaiting a risk
decision, banked cases waiting for the call-in, and (for leads) proposals
to share that wait for a decision. A bounded number of queries: each panel
is one short slice from ``agencies.selectors.dashboard``.
"""

from django.shortcuts import render
from django.urls import path

from agencies.models import AuditAction
from agencies.selectors.dashboard import dashboard_for
from agencies.workspace.access import audit_read, workspace_view


@workspace_view
def dashboard(request):
    context = dashboard_for(user=request.user)
    # The dashboard names subjects and cases: a read like any other list.
    audit_read(request, None, action=AuditAction.RECORD_LISTED, list="dashboard")
    return render(request, "agencies/workspace/dashboard.html", context)


urlpatterns = [path("", dashboard, name="dashboard")]
