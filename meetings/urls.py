from django.urls import path

from meetings import views
from meetings.call_ins import urls as call_in_urls

app_name = "meetings"

urlpatterns = [
    path("", views.community_meeting_list, name="community_meetings"),
    path("<int:pk>/", views.community_meeting_detail, name="community_meeting"),
    path(
        "<int:pk>/meeting.ics",
        views.community_meeting_ics,
        name="community_meeting_ics",
    ),
    # Confidential call-ins: a participant's .ics and private feeds (issue 6).
    *call_in_urls.urlpatterns,
]
