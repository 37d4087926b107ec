from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.community_meeting_list, name="community_meetings"),
    path("<int:pk>/", views.community_meeting_detail, name="community_meeting"),
    path(
        "<int:pk>/meeting.ics",
        views.community_meeting_ics,
        name="community_meeting_ics",
    ),
]
