"""The two calendar endpoints of call-ins (the screens live in the workspace).

* ``/meetings/call-ins/<id>/calendar.ics``: one call-in for a signed-in
  participant; 404 for anyone else, exactly like a missing id.
* ``/meetings/feed/<token>.ics``: a user's private feed, for calendar apps
  that cannot sign in; the token is the credential. Unknown, replaced and
  made-up tokens all answer 404.

Both are audited, never cached (``no-store``) and never indexed.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from agencies.audit import audit_record
from agencies.models import AuditAction
from agencies.workspace.access import audit_read, confidential_response, workspace_view
from meetings.calendar import call_in_feed_rows, call_ins_ics, ics_bytes_response
from meetings.call_ins.feeds import calendar_call_ins, calendar_feed_user
from meetings.call_ins.selectors import call_in_get_or_404
from meetings.models import CallIn
from meetings.models.call_ins import PUBLISHED_STATUSES


@require_safe
@workspace_view
def call_in_ics(request, pk):
    call_in = call_in_get_or_404(
        user=request.user,
        pk=pk,
        queryset=CallIn.objects.filter(status__in=PUBLISHED_STATUSES),
    )
    audit_read(request, call_in, event="calendar_file")
    [row] = call_in_feed_rows(CallIn.objects.filter(pk=call_in.pk))
    return ics_bytes_response(
        call_ins_ics([row], name=call_in.title), filename=f"call-in-{call_in.pk}.ics"
    )


@require_safe
def call_in_feed(request, token):
    user = calendar_feed_user(token=token)
    if user is None:
        raise Http404
    rows = list(calendar_call_ins(user=user))
    audit_record(
        action=AuditAction.RECORD_LISTED,
        request=request,
        user=user,
        details={"event": "calendar_feed", "count": len(rows)},
    )
    response = ics_bytes_response(
        call_ins_ics(rows, name=_("Call-ins")), filename="call-ins.ics", inline=True
    )
    return confidential_response(response)
