"""/accounts/session/: what the idle-time-out warning script calls."""

from django.urls import path

from agencies.accounts import session_views

urlpatterns = [
    path("status/", session_views.session_status, name="session_status"),
    path("keep-alive/", session_views.session_keep_alive, name="session_keep_alive"),
]
