"""Lets portal pages show meetings without importing this app."""

from django import template

from meetings.selectors import community_meetings_upcoming_for

register = template.Library()


@register.inclusion_tag("meetings/includes/upcoming_meetings.html")
def upcoming_community_meetings(neighborhood, limit=5):
    meetings = community_meetings_upcoming_for(neighborhood=neighborhood, limit=limit)
    return {"meetings": meetings, "neighborhood": neighborhood}
