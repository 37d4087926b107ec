"""Sitemap sections for the public meetings list and each public meeting."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from meetings.selectors import community_meetings_public


class CommunityMeetingListSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["meetings:community_meetings"]

    def location(self, item):
        return reverse(item)


class CommunityMeetingSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return community_meetings_public().order_by("pk")

    def lastmod(self, meeting):
        return meeting.updated_at
