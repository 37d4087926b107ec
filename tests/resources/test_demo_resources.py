"""The demo directory: enough variety to try every filter, and idempotent."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Revision

from portal.demo.users import demo_login_rows
from portal.models import HomePage
from resources.choices import ServiceStatus
from resources.models import (
    OrganizationPage,
    ServicePage,
    ServiceVerification,
    TaxonomyTerm,
)
from resources.selectors import services_public, services_stale

pytestmark = pytest.mark.django_db

LA = ZoneInfo("America/Los_Angeles")


@pytest.fixture
def demo(settings):
    settings.TIME_ZONE = "America/Los_Angeles"
    out = StringIO()
    call_command("demo_portal", stdout=out)
    call_command("demo_resources", stdout=out)
    return out.getvalue()


def test_demo_has_8_providers_30_services_home_link_and_logins_and_reruns(demo):
    assert OrganizationPage.objects.live().count() >= 8
    assert ServicePage.objects.live().count() >= 30
    assert "Directory:" in demo
    assert HomePage.objects.get().directory_page.specific.slug == "find-help"
    usernames = {row["username"] for row in demo_login_rows()}
    assert {"provider", "directory_editor"} <= usernames

    def counts():
        return (
            ServicePage.objects.count(),
            ServiceVerification.objects.count(),
            Revision.objects.count(),
            Group.objects.count(),
        )

    before = counts()
    call_command("demo_resources", stdout=StringIO())
    assert counts() == before


def test_demo_variety_neighborhoods_categories_hours_cost_ages_staleness(demo):
    listed = services_public()
    for slug in ("eastgate", "mill-creek", "harbor-heights", "old-orchard"):
        assert listed.filter(service_areas__neighborhood__slug=slug).exists(), slug
    for code in ("substance-use", "mental-health", "employment", "job-training",
                 "education", "housing", "legal-aid", "mentoring", "family-support",
                 "id-documents", "food", "transportation", "health-care"):  # fmt: skip
        term = TaxonomyTerm.objects.get(code=code)
        assert listed.in_category(term).exists(), code
    sunday_3am = datetime(2026, 11, 29, 3, 0, tzinfo=LA)
    open_titles = set(
        ServicePage.objects.open_at(sunday_3am).values_list("title", flat=True)
    )
    assert "24-hour crisis and support line" in open_titles
    assert "Night shelter" in open_titles  # 19:00-07:00
    assert "Job placement with fair-chance employers" not in open_titles
    saturday_noon = datetime(2026, 11, 28, 12, 0, tzinfo=LA)
    assert (
        not ServicePage.objects.open_at(saturday_noon)
        .filter(slug="job-placement")
        .exists()
    )


def test_demo_has_free_paid_age_limited_stale_and_defunct_listings(demo):
    listed = services_public()
    assert listed.free().exists() and listed.filter(is_free=False).exists()
    assert not listed.for_age(12).filter(slug="job-placement").exists()
    assert services_stale().count() >= 2
    defunct = ServicePage.objects.get(status=ServiceStatus.DEFUNCT)
    assert defunct.live and defunct not in listed


def test_demo_provider_edits_only_their_own_organization(demo):
    from django.contrib.auth import get_user_model

    provider = get_user_model().objects.get(username="provider")
    own = OrganizationPage.objects.get(slug="riverton-recovery-center")
    for organization in OrganizationPage.objects.all():
        can_edit = organization.permissions_for_user(provider).can_edit()
        assert can_edit == (organization.pk == own.pk), organization.slug
    for service in ServicePage.objects.all():
        can_edit = service.permissions_for_user(provider).can_edit()
        assert can_edit == service.is_descendant_of(own), service.slug
