"""Public community meeting pages and their calendar files."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from meetings.calendar import community_meeting_calendar, ics_response
from meetings.selectors import community_meetings_public

RECENT_MEETINGS_SHOWN = 12


@require_GET
def community_meeting_list(request):
    meetings = community_meetings_public()
    return render(
        request,
        "meetings/community_meeting_list.html",
        {
            "upcoming": meetings.upcoming(),
            "past": meetings.past()[:RECENT_MEETINGS_SHOWN],
            "trail": [(_("Public meetings"), "")],
        },
    )


@require_GET
def community_meeting_detail(request, pk):
    meeting = get_object_or_404(community_meetings_public(), pk=pk)
    trail = [
        (_("Public meetings"), reverse("meetings:community_meetings")),
        (meeting.title, ""),
    ]
    return render(
        request,
        "meetings/community_meeting_detail.html",
        {"meeting": meeting, "trail": trail},
    )


@require_GET
def community_meeting_ics(request, pk):
    meeting = get_object_or_404(community_meetings_public(), pk=pk)
    cal = community_meeting_calendar(
        meeting, url=request.build_absolute_uri(meeting.get_absolute_url())
    )
    return ics_response(cal, filename=f"community-meeting-{meeting.pk}.ics")
