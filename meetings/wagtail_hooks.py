from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from meetings.models import CommunityMeeting


class CommunityMeetingViewSet(SnippetViewSet):
    """Public meetings only; confidential call-ins are never snippets."""

    model = CommunityMeeting
    icon = "date"
    menu_label = _("Community meetings")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["title", "neighborhood", "starts_at", "status"]
    list_filter = ["status", "neighborhood"]
    search_fields = ["title", "place_name"]


register_snippet(CommunityMeetingViewSet)
