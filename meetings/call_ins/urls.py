"""Call-in calendar URLs, included in the ``meetings`` namespace."""

from django.urls import path

from meetings.call_ins import views

urlpatterns = [
    path("call-ins/<int:pk>/calendar.ics", views.call_in_ics, name="call_in_ics"),
    path("feed/<str:token>.ics", views.call_in_feed, name="call_in_feed"),
]
