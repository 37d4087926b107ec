from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from meetings.sitemaps import CommunityMeetingListSitemap, CommunityMeetingSitemap
from portal import feeds, views

SITEMAPS = {
    "pages": PageSitemap,
    "meeting-list": CommunityMeetingListSitemap,
    "meetings": CommunityMeetingSitemap,
}

urlpatterns = [
    # Accounts (issue 3): Wagtail's password-only login paths redirect to the
    # one sign-in page; they must come before Wagtail's own URLs.
    path("", include("agencies.accounts.bypass_urls")),
    path("accounts/session/", include("agencies.accounts.session_urls")),
    path("accounts/", include("agencies.accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", views.search, name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("updates/rss/", feeds.AllUpdatesRssFeed(), name="updates_rss"),
    path("updates/atom/", feeds.AllUpdatesAtomFeed(), name="updates_atom"),
    path("meetings/", include("meetings.urls")),
    path("directory/", include("resources.urls")),
    # The confidential workspace (issue 5): agency staff only, audited.
    path("workspace/", include("agencies.workspace.urls")),
    # Joint call-ins (issue 6): participating agencies only, audited.
    path("workspace/call-ins/", include("meetings.call_ins.screens.urls")),
    # Service providers' referrals from call-ins: their own, consented fields.
    path("referrals/", include("meetings.call_ins.screens.provider_urls")),
    path("api/hsds/", include("resources.api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "portal.views.server_error"
