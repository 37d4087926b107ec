"""RSS and Atom feeds of neighborhood updates, per neighborhood and site-wide."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.models import NeighborhoodUpdatePage

FEED_LENGTH = 20


class AllUpdatesRssFeed(Feed):
    """Every published update across the partnership, newest first."""

    def title(self):
        return _("Neighborhood updates")

    def link(self):
        return "/"

    def description(self):
        return _("News from every neighborhood in the Drug Market Intervention.")

    def items(self):
        return (
            NeighborhoodUpdatePage.objects.live()
            .public()
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        return f"update-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(12)))

    def item_updateddate(self, item):
        return item.last_published_at


class AllUpdatesAtomFeed(AllUpdatesRssFeed):
    feed_type = Atom1Feed
    subtitle = AllUpdatesRssFeed.description


class NeighborhoodRssFeed(AllUpdatesRssFeed):
    """One neighborhood's updates; called from its page's feed routes."""

    def get_object(self, request, neighborhood):
        return neighborhood

    def title(self, obj):
        return _("Updates: %(name)s") % {"name": obj.title}

    def link(self, obj):
        return obj.full_url

    def description(self, obj):
        return obj.summary

    def items(self, obj):
        return obj.updates()[:FEED_LENGTH]


class NeighborhoodAtomFeed(NeighborhoodRssFeed):
    feed_type = Atom1Feed
    subtitle = NeighborhoodRssFeed.description
