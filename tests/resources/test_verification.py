"""Mark verified, staleness after 12 months, and the reminder before that."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client

from resources.choices import ServiceStatus
from resources.models import ServicePage, ServiceVerification, VerificationReminder
from resources.selectors import services_due_reminder, services_stale
from resources.services import service_mark_verified
from tests import factories

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("UTC"))


@pytest.fixture
def service(org):
    return factories.service(org, title="Peer recovery coaching")


def verify_url(service):
    return f"/admin/directory/services/{service.pk}/verify/"


def run_reminders():
    out = StringIO()
    call_command("send_verification_reminders", stdout=out)
    return out.getvalue()


def published_long_ago(org, *, days, **fields):
    """A service first published ``days`` ago and never verified since."""
    with time_machine.travel(NOW - timedelta(days=days), tick=False):
        return factories.service(org, **fields)


class TestMarkVerified:
    def test_confirmation_page_posts_a_csrf_protected_form(
        self, provider_client, service
    ):
        response = provider_client.get(verify_url(service))
        assert response.status_code == 200
        assert b'method="post"' in response.content
        assert b"csrfmiddlewaretoken" in response.content

    def test_get_alone_records_nothing(self, provider_client, service):
        provider_client.get(verify_url(service))
        assert not ServiceVerification.objects.exists()

    def test_post_stamps_assured_date_and_assurer_without_a_revision(
        self, provider_client, provider, service
    ):
        before = ServicePage.objects.get(pk=service.pk)
        revisions = service.revisions.count()
        with time_machine.travel(NOW, tick=False):
            response = provider_client.post(verify_url(service), {"note": "Called"})
        assert response.status_code == 302
        after = ServicePage.objects.get(pk=service.pk)
        assert after.assured_at == NOW
        assert after.assurer_email == provider.email
        assert after.latest_verification.verified_by == provider
        assert service.revisions.count() == revisions
        assert after.latest_revision_id == before.latest_revision_id
        assert after.last_published_at == before.last_published_at
        assert after.last_modified == before.last_modified
        assert after.title == before.title

    def test_post_without_csrf_token_is_refused(self, provider, service):
        client = Client(enforce_csrf_checks=True)
        client.force_login(provider)
        client.post(verify_url(service))
        assert not ServiceVerification.objects.exists()

    def test_another_provider_cannot_mark_it_verified(self, provider_client, other_org):
        stranger_service = factories.service(other_org, title="Record clearing")
        response = provider_client.post(verify_url(stranger_service))
        # Wagtail turns PermissionDenied in admin views into a redirect home.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] == "/admin/"
        assert not ServiceVerification.objects.exists()

    def test_anonymous_visitor_is_sent_to_sign_in(self, client, service):
        response = client.post(verify_url(service))
        assert response.status_code == 302
        assert not ServiceVerification.objects.exists()

    def test_redirect_ignores_an_offsite_next_url(self, provider_client, service):
        response = provider_client.post(
            verify_url(service), {"next": "https://evil.example/"}
        )
        assert "evil.example" not in response["Location"]

    def test_button_is_offered_in_the_organizations_page_listing(
        self, provider_client, org, service
    ):
        response = provider_client.get(f"/admin/pages/{org.pk}/")
        assert verify_url(service).encode() in response.content

    def test_publishing_a_later_revision_keeps_the_assured_date(self, service):
        service_mark_verified(service=service, user=None, at=NOW)
        service.title = "Peer recovery coaching, evenings"
        service.save_revision().publish()
        assert ServicePage.objects.get(pk=service.pk).assured_at == NOW


class TestStaleness:
    def test_listing_verified_within_a_year_is_not_stale(self, service):
        service_mark_verified(service=service, user=None, at=NOW - timedelta(days=364))
        assert not service.is_stale_at(NOW)

    def test_listing_not_verified_for_a_year_is_stale(self, service):
        service_mark_verified(service=service, user=None, at=NOW - timedelta(days=366))
        assert service.is_stale_at(NOW)
        assert list(services_stale(now=NOW)) == [service]

    def test_never_verified_listing_counts_from_first_publication(self, org):
        old = published_long_ago(org, days=400, title="Old listing")
        published_long_ago(org, days=30, title="New listing")
        assert old.is_stale_at(NOW)
        assert [s.title for s in services_stale(now=NOW)] == ["Old listing"]

    def test_public_flag_uses_the_clock(self, service):
        service_mark_verified(service=service, user=None, at=NOW - timedelta(days=366))
        with time_machine.travel(NOW, tick=False):
            assert ServicePage.objects.get(pk=service.pk).is_stale

    def test_public_service_page_says_please_call_ahead_when_stale(
        self, client, service
    ):
        service_mark_verified(service=service, user=None, at=NOW - timedelta(days=400))
        with time_machine.travel(NOW, tick=False):
            response = client.get(service.url)
        assert b"please call ahead" in response.content, response.content.decode()[
            -6000:
        ]

    def test_defunct_services_are_not_reported_stale(self, org):
        published_long_ago(org, days=400, status=ServiceStatus.DEFUNCT)
        assert list(services_stale(now=NOW)) == []

    def test_report_lists_stale_services_the_user_may_edit(
        self, provider_client, org, other_org
    ):
        published_long_ago(org, days=400, title="Our old listing")
        published_long_ago(other_org, days=400, title="Their old listing")
        with time_machine.travel(NOW, tick=False):
            response = provider_client.get("/admin/reports/stale-directory-listings/")
        assert response.status_code == 200
        assert b"Our old listing" in response.content
        assert b"Their old listing" not in response.content


class TestReminders:
    def test_reminder_goes_to_organization_email_and_provider_members(
        self, org, provider
    ):
        published_long_ago(org, days=340, title="Nearly stale")
        with time_machine.travel(NOW, tick=False):
            run_reminders()
        assert len(mail.outbox) == 1
        assert set(mail.outbox[0].to) == {org.email, provider.email}
        assert "Nearly stale" in mail.outbox[0].subject
        assert "/admin/directory/services/" in mail.outbox[0].body

    def test_reminder_is_sent_once_per_period(self, org):
        published_long_ago(org, days=340)
        with time_machine.travel(NOW, tick=False):
            run_reminders()
        with time_machine.travel(NOW + timedelta(days=1), tick=False):
            run_reminders()
        assert len(mail.outbox) == 1
        assert VerificationReminder.objects.count() == 1

    def test_verifying_starts_a_new_period_with_its_own_reminder(self, org):
        service = published_long_ago(org, days=340)
        with time_machine.travel(NOW, tick=False):
            run_reminders()
        service_mark_verified(service=service, user=None, at=NOW + timedelta(days=2))
        later = NOW + timedelta(days=2 + 340)
        assert list(services_due_reminder(now=later)) == [service]
        with time_machine.travel(later, tick=False):
            run_reminders()
        assert len(mail.outbox) == 2

    def test_no_reminder_before_eleven_months(self, org):
        published_long_ago(org, days=300)
        assert list(services_due_reminder(now=NOW)) == []

    def test_defunct_and_unpublished_services_get_no_reminder(self, org):
        published_long_ago(org, days=340, status=ServiceStatus.DEFUNCT)
        service = published_long_ago(org, days=340, title="Withdrawn")
        service.unpublish()
        assert list(services_due_reminder(now=NOW)) == []
