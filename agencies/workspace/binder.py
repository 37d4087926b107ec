"""Workspace screen: the printable binder of one subject (for a prosecutor).

Everything the viewer may see about one person on one page, laid out for
print (static/css/workspace-print.css). Opening it is an export: audited as
``binder_exported`` with how many notes it held. An invisible subject is 404.
"""

from django.shortcuts import render
from django.urls import path
from django.utils import timezone

from agencies.models import AuditAction
from agencies.selectors.binder import subject_binder
from agencies.workspace.access import audit_read, workspace_view


@workspace_view
def binder(request, pk):
    context = subject_binder(user=request.user, pk=pk)
    audit_read(
        request,
        context["subject"],
        action=AuditAction.BINDER_EXPORTED,
        notes=context["note_count"],
        cases=len(context["cases"]),
    )
    context["printed_at"] = timezone.now()
    return render(request, "agencies/workspace/binder/binder.html", context)


urlpatterns = [path("binder/<int:pk>/", binder, name="binder")]
