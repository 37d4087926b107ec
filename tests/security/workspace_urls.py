"""The real URLs plus a stand-in workspace page, until the workspace exists."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


@login_required
def workspace_placeholder(request):
    return HttpResponse("<!DOCTYPE html><title>Workspace</title><p>Dashboard</p>")


urlpatterns = [
    path("workspace/", workspace_placeholder, name="workspace_placeholder"),
    *portal_urlpatterns,
]
