"""Call-in screens: "My calendar feed" (the private feed URL and its token).

The feed URL is the credential, so the token is shown once, right after it
is made, and never again; regenerating stops the old URL at once, revoking
stops the feed. Both are POSTs after a confirmation page, and the feeds
service audits them.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from agencies.workspace.access import audit_read, workspace_view
from meetings.call_ins.feeds import (
    calendar_feed_token_regenerate,
    calendar_feed_token_revoke,
)
from meetings.models import CalendarFeedToken

TEMPLATE = "meetings/call_ins/calendar/feed.html"


def _page(request, *, confirm="", new_url=""):
    token = CalendarFeedToken.objects.filter(user=request.user).first()
    audit_read(request, token, view="calendar_feed")
    return render(
        request,
        TEMPLATE,
        {"token": token, "confirm": confirm, "new_url": new_url},
    )


@workspace_view
def calendar_feed(request):
    return _page(request)


@workspace_view
def calendar_feed_regenerate(request):
    """GET asks to confirm; POST makes a new token and shows its URL once."""
    if request.method != "POST":
        return _page(request, confirm="regenerate")
    token = calendar_feed_token_regenerate(user=request.user, request=request)
    new_url = request.build_absolute_uri(reverse("meetings:call_in_feed", args=[token]))
    return _page(request, new_url=new_url)


@workspace_view
def calendar_feed_revoke(request):
    if request.method != "POST":
        return _page(request, confirm="revoke")
    if calendar_feed_token_revoke(user=request.user, request=request):
        messages.success(request, _("Your calendar feed is switched off."))
    else:
        messages.success(request, _("You had no calendar feed."))
    return redirect("call_ins:calendar")


urlpatterns = [
    path("calendar/", calendar_feed, name="calendar"),
    path("calendar/regenerate/", calendar_feed_regenerate, name="calendar_regenerate"),
    path("calendar/revoke/", calendar_feed_revoke, name="calendar_revoke"),
]
