"""Workspace screens: the dashboard (to be filled in by the dashboard work)."""

from django.shortcuts import render
from django.urls import path

from agencies.workspace.access import workspace_view


@workspace_view
def dashboard(request):
    return render(request, "agencies/workspace/dashboard.html", {})


urlpatterns = [path("", dashboard, name="dashboard")]
