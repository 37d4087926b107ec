"""Confidential records never reach a public page, feed, sitemap, search or admin."""

import pytest
from django.apps import apps
from guardian.models import GroupObjectPermission, UserObjectPermission
from wagtail.models import ModelLogEntry
from wagtail.search.index import get_indexed_models
from wagtail.snippets.models import get_snippet_models

from agencies import permissions
from agencies.services import sharing
from tests import workspace
from tests.security import signin

pytestmark = pytest.mark.django_db

NAME = "Zebulon Quixotica"

CONFIDENTIAL = [
    apps.get_model("agencies", name)
    for name in (
        "Market",
        "Subject",
        "ControlledBuy",
        "RiskDecision",
        "Case",
        "CaseStatusChange",
        "CaseNote",
        "Share",
        "Membership",
    )
]


@pytest.fixture
def seller(team, neighborhood):
    market = workspace.market(team, neighborhood=neighborhood)
    subject = workspace.subject(team, market, full_name=NAME, aliases="Zeb Q")
    note = workspace.note(team, subject, text=f"{NAME} seen at the corner")
    sharing.record_share(
        record=note, by=team.police_lead, agency=team.agencies["county"], reason="Need"
    )
    return subject


def test_no_confidential_model_is_a_snippet_or_search_indexed():
    snippets, indexed = set(get_snippet_models()), set(get_indexed_models())
    for model in CONFIDENTIAL:
        assert model not in snippets, model
        assert model not in indexed, model


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/neighborhoods/",
        "/neighborhoods/eastgate/",
        "/sitemap.xml",
        "/search/?q=Zebulon",
        "/search/?q=Quixotica",
        "/updates/rss/",
        "/updates/atom/",
        "/meetings/",
    ],
)
def test_a_subjects_name_is_on_no_public_page(client, seller, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    # Search pages echo the query, so look for the full name and the note.
    assert NAME.encode() not in response.content
    assert b"seen at the corner" not in response.content


def test_wagtail_admin_search_and_history_do_not_show_records(client, seller):
    signin.administrator()
    signin.sign_in_with_totp(client, "ada")
    for url in ("/admin/pages/search/?q=Zebulon", "/admin/reports/site-history/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert NAME.encode() not in response.content, url
        assert b"seen at the corner" not in response.content, url
    assert not ModelLogEntry.objects.filter(content_type__app_label="agencies").exists()


def test_grants_use_the_direct_tables_not_guardians_generic_ones(seller, team):
    assert permissions.can_view(team.county_prosecutor, seller.notes.get())
    assert not UserObjectPermission.objects.exists()
    assert not GroupObjectPermission.objects.exists()
