"""`manage.py load_demo_data`: a believable city; a second run changes nothing."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision

from meetings.models import CommunityMeeting
from meetings.selectors import community_meetings_public
from portal.demo.figures import MONTHS
from portal.demo.users import demo_login_rows
from portal.models import NeighborhoodFigure, NeighborhoodPage, NeighborhoodUpdatePage


def load_demo_data():
    call_command("load_demo_data", allow_production=True, verbosity=0)


def database_snapshot():
    """Row counts of every model, plus each page's latest revision."""
    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }
    revisions = dict(Page.objects.values_list("pk", "latest_revision_id"))
    return counts, revisions


@pytest.fixture
def demo_loaded(db):
    load_demo_data()


@pytest.mark.django_db
def test_refuses_with_debug_off_unless_allowed(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--allow-production"):
        call_command("load_demo_data", verbosity=0)
    assert not NeighborhoodPage.objects.exists()
    assert not get_user_model().objects.exists()


def test_running_it_twice_changes_nothing(demo_loaded):
    counts_before, revisions_before = database_snapshot()
    revision_rows_before = Revision.objects.count()

    load_demo_data()

    counts_after, revisions_after = database_snapshot()
    changed = {
        label: (counts_before[label], counts_after[label])
        for label in counts_before
        if counts_before[label] != counts_after[label]
    }
    assert changed == {}
    assert revisions_after == revisions_before
    assert Revision.objects.count() == revision_rows_before


class TestDemoCity:
    def test_has_three_or_more_live_neighborhoods_in_different_phases(
        self, demo_loaded
    ):
        neighborhoods = list(NeighborhoodPage.objects.live().public())
        assert len(neighborhoods) >= 3
        phases = {page.current_phase.phase for page in neighborhoods}
        assert len(phases) >= 3

    def test_every_neighborhood_has_updates_and_36_months_of_figures(self, demo_loaded):
        for page in NeighborhoodPage.objects.all():
            assert NeighborhoodUpdatePage.objects.child_of(page).live().exists()
            months = (
                NeighborhoodFigure.objects.filter(neighborhood=page)
                .values("month")
                .distinct()
                .count()
            )
            assert months == MONTHS == 36

    def test_has_public_meetings_with_some_upcoming(self, demo_loaded):
        assert community_meetings_public().upcoming().exists()
        assert CommunityMeeting.objects.count() >= 3

    def test_has_one_demo_user_per_role(self, demo_loaded):
        rows = demo_login_rows()
        usernames = {row["username"] for row in rows}
        assert {"admin", "editor", "moderator"} <= usernames
        assert len({row["role"] for row in rows}) == len(rows)

    def test_site_root_is_the_demo_home_page(self, client, demo_loaded):
        response = client.get("/")
        assert response.status_code == 200
        assert "Riverton" in response.content.decode()
