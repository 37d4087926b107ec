"""Lets portal pages show meetings without importing this app."""

from django import template

from meetings.models import CommunityMeeting

register = template.Library()


@register.inclusion_tag("meetings/includes/upcoming_meetings.html")
def upcoming_community_meetings(neighborhood, limit=5):
    meetings = (
        CommunityMeeting.objects.filter(neighborhood=neighborhood)
        .upcoming()
        .select_related("neighborhood")[:limit]
    )
    return {"meetings": meetings, "neighborhood": neighborhood}
