"""Public community meeting pages and their calendar files."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from meetings.calendar import ics_response, meeting_event, new_calendar
from meetings.models import CommunityMeeting


def _public_meetings():
    return CommunityMeeting.objects.select_related("neighborhood")


@require_GET
def community_meeting_list(request):
    meetings = _public_meetings()
    return render(
        request,
        "meetings/community_meeting_list.html",
        {
            "upcoming": meetings.upcoming(),
            "past": meetings.past()[:12],
            "trail": [(_("Public meetings"), "")],
        },
    )


@require_GET
def community_meeting_detail(request, pk):
    meeting = get_object_or_404(_public_meetings(), pk=pk)
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
    meeting = get_object_or_404(_public_meetings(), pk=pk)
    description_parts = [strip_tags(meeting.agenda)]
    if meeting.accessibility_notes:
        description_parts.append(_("Accessibility: %s") % meeting.accessibility_notes)
    if meeting.language_support:
        description_parts.append(_("Languages: %s") % meeting.language_support)
    cal = new_calendar(name=meeting.title)
    cal.add_component(
        meeting_event(
            uid=f"community-meeting-{meeting.uid}@dmi-portal",
            summary=meeting.title,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            location=f"{meeting.place_name}, {meeting.address}",
            description="\n\n".join(part for part in description_parts if part),
            sequence=meeting.sequence,
            cancelled=meeting.is_cancelled,
            url=request.build_absolute_uri(meeting.get_absolute_url()),
            last_modified=meeting.updated_at,
        )
    )
    return ics_response(cal, filename=f"community-meeting-{meeting.pk}.ics")
