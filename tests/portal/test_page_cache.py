"""The anonymous page cache: fast for visitors, never stale, never personal."""

import os
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from meetings.models import CommunityMeeting
from portal import page_cache
from portal.models import PortalSettings, VolunteerFormPage
from portal.models.pages import VolunteerFormField
from tests import factories

HIT = "hit"
SIGNED_IN_MARKER = "session-timeout"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def cache_state(response):
    return response.get(page_cache.CACHE_HEADER)


def warm(client, url):
    """Request until the answer comes from the cache (at most three times).

    A site's very first request saves its PortalSettings row, which is a
    public change, so the page it rendered is already out of date.
    """
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, url
        if cache_state(response) == HIT:
            return response
    raise AssertionError(f"{url} never came from the cache")


@pytest.fixture
def site_settings(home):
    return PortalSettings.for_site(home.get_site())


@pytest.fixture
def volunteer_page(home):
    page = home.add_child(
        instance=VolunteerFormPage(
            title="Volunteer or mentor",
            slug="volunteer",
            thank_you_text="<p>Thank you for signing up.</p>",
            subject="New volunteer",
        )
    )
    for order, (label, field_type) in enumerate(
        [("Your name", "singleline"), ("Email", "email")]
    ):
        VolunteerFormField.objects.create(
            page=page,
            sort_order=order,
            label=label,
            field_type=field_type,
            required=True,
        )
    return factories.publish(page)


@pytest.mark.django_db
class TestServedFromCache:
    def test_second_anonymous_request_is_a_hit_with_the_same_html(
        self, client, neighborhood, site_settings
    ):
        first = client.get(neighborhood.url)
        second = client.get(neighborhood.url)
        assert cache_state(first) == "miss"
        assert cache_state(second) == HIT
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]

    def test_hit_still_gets_security_headers(self, client, neighborhood):
        response = warm(client, neighborhood.url)
        assert response["X-Frame-Options"]
        assert response["X-Content-Type-Options"] == "nosniff"

    def test_a_cached_page_expires_after_page_cache_seconds(
        self, client, neighborhood, settings
    ):
        settings.PAGE_CACHE_SECONDS = 60
        warm(client, neighborhood.url)
        with time_machine.travel(timezone.now() + timedelta(seconds=61)):
            assert cache_state(client.get(neighborhood.url)) == "miss"

    def test_each_language_is_cached_apart(self, client, neighborhood):
        warm(client, neighborhood.url)
        spanish = client.get(neighborhood.url, HTTP_ACCEPT_LANGUAGE="es")
        assert cache_state(spanish) != HIT
        assert spanish["Content-Language"] == "es"
        assert '<html lang="es">' in spanish.content.decode()
        english = client.get(neighborhood.url, HTTP_ACCEPT_LANGUAGE="en")
        assert english["Content-Language"] == "en"


@pytest.mark.django_db
class TestPublishingShowsAtOnce:
    def test_publishing_a_page_change_shows_on_the_next_request(
        self, client, neighborhood
    ):
        warm(client, neighborhood.url)
        neighborhood.summary = "Sellers were offered a way out."
        neighborhood.save_revision().publish()
        html = client.get(neighborhood.url).content.decode()
        assert "Sellers were offered a way out." in html

    def test_publishing_a_child_update_shows_on_the_parent(self, client, neighborhood):
        update = factories.update(neighborhood, title="Buys completed")
        warm(client, neighborhood.url)
        update.title = "Buys completed and cases filed"
        update.save_revision().publish()
        html = client.get(neighborhood.url).content.decode()
        assert "Buys completed and cases filed" in html

    def test_a_new_child_update_shows_on_the_parent(self, client, neighborhood):
        warm(client, neighborhood.url)
        factories.update(neighborhood, title="Call-in held")
        assert "Call-in held" in client.get(neighborhood.url).content.decode()

    def test_unpublishing_a_page_removes_it_at_once(self, client, neighborhood):
        warm(client, neighborhood.url)
        neighborhood.unpublish()
        assert client.get(neighborhood.url).status_code == 404

    def test_editing_a_community_meeting_snippet_shows_at_once(
        self, client, neighborhood
    ):
        starts_at = timezone.now() + timedelta(days=7)
        meeting = CommunityMeeting.objects.create(
            title="Spring meeting",
            neighborhood=neighborhood,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            place_name="Eastgate Library",
            address="12 Pine St",
        )
        warm(client, neighborhood.url)
        meeting.title = "Spring meeting moved to the school"
        meeting.save()
        html = client.get(neighborhood.url).content.decode()
        assert "Spring meeting moved to the school" in html

    def test_editing_site_settings_shows_at_once(
        self, client, neighborhood, site_settings
    ):
        warm(client, neighborhood.url)
        site_settings.police_non_emergency_number = "(555) 010-9999"
        site_settings.save()
        assert "(555) 010-9999" in client.get(neighborhood.url).content.decode()

    def test_a_lost_generation_counter_never_brings_old_pages_back(
        self, client, neighborhood
    ):
        warm(client, neighborhood.url)
        cache.delete(page_cache.GENERATION_KEY)  # evicted, or Redis restarted
        assert cache_state(client.get(neighborhood.url)) != HIT


@pytest.mark.django_db
class TestNeverPersonal:
    @pytest.fixture
    def resident_client(self, db):
        # A signed-in resident (no admin access, so no second factor needed);
        # signed-in pages carry the idle time-out warning, anonymous ones not.
        client = Client()
        client.force_login(factories.user("resident"))
        return client

    def test_logged_in_visitor_is_never_served_the_cached_anonymous_page(
        self, client, resident_client, neighborhood
    ):
        warm(client, neighborhood.url)
        response = resident_client.get(neighborhood.url)
        assert cache_state(response) != HIT
        assert SIGNED_IN_MARKER in response.content.decode()

    def test_logged_in_page_is_never_stored_for_anonymous_visitors(
        self, client, resident_client, neighborhood, site_settings
    ):
        logged_in = resident_client.get(neighborhood.url)
        assert SIGNED_IN_MARKER in logged_in.content.decode()
        first_anonymous = client.get(neighborhood.url)
        assert cache_state(first_anonymous) == "miss"
        assert SIGNED_IN_MARKER not in first_anonymous.content.decode()
        assert SIGNED_IN_MARKER not in client.get(neighborhood.url).content.decode()

    def test_any_session_cookie_bypasses_the_cache(self, client, neighborhood):
        warm(client, neighborhood.url)
        client.cookies["sessionid"] = "not-even-valid"
        assert cache_state(client.get(neighborhood.url)) is None

    def test_confidential_paths_are_never_cached(self, client, home):
        for _ in range(2):
            response = client.get("/admin/")
            assert cache_state(response) is None


@pytest.mark.django_db
class TestFormsKeepWorking:
    def test_form_page_is_not_cached_because_it_issues_a_csrf_cookie(
        self, client, volunteer_page
    ):
        for _ in range(2):
            response = client.get(volunteer_page.url)
            assert cache_state(response) is None
            assert "csrftoken" in response.cookies

    def test_two_anonymous_visitors_can_each_post_the_form(self, volunteer_page):
        for name in ("Ana", "Ben"):
            visitor = Client(enforce_csrf_checks=True)
            page = visitor.get(volunteer_page.url).content.decode()
            token = CSRF_INPUT.search(page).group(1)
            response = visitor.post(
                volunteer_page.url,
                {
                    "csrfmiddlewaretoken": token,
                    "your_name": name,
                    "email": f"{name.lower()}@example.org",
                },
            )
            assert response.status_code == 200, name
            assert "Thank you for signing up." in response.content.decode()
        assert FormSubmission.objects.filter(page=volunteer_page).count() == 2

    def test_search_results_render_fresh(self, client, neighborhood):
        for _ in range(2):
            assert cache_state(client.get("/search/", {"q": "Eastgate"})) is None


@pytest.mark.django_db
class TestNotCached:
    def test_404_is_not_cached(self, client, home):
        for _ in range(2):
            response = client.get("/no-such-page/")
            assert response.status_code == 404
            assert cache_state(response) is None

    def test_post_is_not_cached_and_not_answered_from_cache(self, client, neighborhood):
        warm(client, neighborhood.url)
        response = client.post(neighborhood.url)
        assert cache_state(response) is None

    def test_query_strings_are_not_cached(self, client, neighborhood):
        for _ in range(2):
            response = client.get(neighborhood.url, {"utm_source": "flyer"})
            assert cache_state(response) is None

    def test_views_not_marked_public_are_not_cached(self, client, home):
        for _ in range(2):
            assert cache_state(client.get("/robots.txt")) is None

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_zero_seconds_turns_the_cache_off(self, client, neighborhood):
        for _ in range(2):
            assert cache_state(client.get(neighborhood.url)) is None


def _redis_reachable(url):
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except Exception:
        return False
    return True


TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.mark.django_db
@pytest.mark.skipif(
    not _redis_reachable(TEST_REDIS_URL), reason="Redis is not running here"
)
class TestWithRedis:
    @pytest.fixture(autouse=True)
    def redis_cache(self):
        redis_cache = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": TEST_REDIS_URL,
                # Runs on SQLite and PostgreSQL may overlap: keep them apart.
                "KEY_PREFIX": f"dmi-test-{os.getpid()}",
            }
        }
        with override_settings(CACHES=redis_cache):
            yield
            cache.delete(page_cache.GENERATION_KEY)

    def test_hit_then_publish_shows_new_content(self, client, neighborhood):
        warm(client, neighborhood.url)
        neighborhood.summary = "Served through Redis."
        neighborhood.save_revision().publish()
        response = client.get(neighborhood.url)
        assert cache_state(response) == "miss"
        assert "Served through Redis." in response.content.decode()
        assert cache_state(client.get(neighborhood.url)) == HIT


# Real commits: the test transaction of the other tests never commits.
@pytest.mark.django_db(transaction=True)
class TestInvalidationOnCommit:
    def test_commit_moves_the_generation_past_renders_during_the_transaction(
        self, neighborhood
    ):
        # A request between the save and the commit reads the new generation
        # but still sees the old rows; the commit must leave its page behind.
        with transaction.atomic():
            neighborhood.summary = "Committed later."
            neighborhood.save_revision().publish()
            generation_seen_before_commit = page_cache.current_generation()
        assert page_cache.current_generation() > generation_seen_before_commit

    def test_a_transaction_of_many_saves_invalidates_once_on_commit(
        self, neighborhood, django_capture_on_commit_callbacks
    ):
        with transaction.atomic(), django_capture_on_commit_callbacks() as callbacks:
            for summary in ("One.", "Two.", "Three."):
                neighborhood.summary = summary
                neighborhood.save()
        assert callbacks.count(page_cache.invalidate_public_pages) == 1


@pytest.mark.django_db
def test_saving_a_confidential_call_in_row_keeps_the_public_cache(
    client, neighborhood, team
):
    """Call-ins live in the public meetings app but are never on a public page."""
    from meetings.models import CalendarFeedToken

    warm(client, neighborhood.url)
    CalendarFeedToken.objects.create(
        user=team.police_lead, token_hash="0" * 64, created_at=timezone.now()
    )
    assert cache_state(client.get(neighborhood.url)) == HIT
