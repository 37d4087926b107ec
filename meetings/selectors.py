"""Which community meetings the public may see: one place decides."""

from django.db.models import Q

from meetings.models import CommunityMeeting, CommunityMeetingQuerySet
from portal.models import NeighborhoodPage


def community_meetings_public() -> CommunityMeetingQuerySet:
    """City-wide meetings, and meetings of neighborhoods whose page is live and public.

    A meeting of an unpublished or view-restricted neighborhood would reveal
    that neighborhood's name, so it stays hidden until the page is public.
    """
    public_neighborhoods = NeighborhoodPage.objects.live().public().values("pk")
    return CommunityMeeting.objects.filter(
        Q(neighborhood__isnull=True) | Q(neighborhood__in=public_neighborhoods)
    ).select_related("neighborhood")


def community_meetings_upcoming_for(
    *, neighborhood: NeighborhoodPage, limit: int = 5
) -> CommunityMeetingQuerySet:
    return (
        community_meetings_public().filter(neighborhood=neighborhood).upcoming()[:limit]
    )
