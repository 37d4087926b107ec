"""``/workspace/call-ins/`` URLs, gathered from each screen module."""

from meetings.call_ins.screens import (
    calendar,
    figures,
    invitees,
    letters,
    meeting,
    planning,
)

app_name = "call_ins"

urlpatterns = [
    *planning.urlpatterns,
    *invitees.urlpatterns,
    *meeting.urlpatterns,
    *letters.urlpatterns,
    *calendar.urlpatterns,
    *figures.urlpatterns,
]
