"""Directory search: keyword, each filter, AND, order, bad input, pagination."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from resources.choices import ServiceStatus
from resources.models import ServiceVerification
from tests import factories

pytestmark = pytest.mark.django_db
SEARCH = reverse("directory:search")
# A Monday at 10:00 on the site's wall clock (America/Los_Angeles in tests).
MONDAY_10AM = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("America/Los_Angeles"))


def titles(response):
    return [service.title for service in response.context["services"]]


def test_without_a_keyword_every_listed_service_is_shown_by_name(client, org):
    factories.service(org, title="Zeta housing help", categories=("housing",))
    factories.service(org, title="Alpha GED class", categories=("ged",))
    factories.service(org, title="Gone", status=ServiceStatus.DEFUNCT)
    factories.service(org, title="Draft", live=False)
    assert titles(client.get(SEARCH)) == ["Alpha GED class", "Zeta housing help"]


def test_keyword_finds_words_in_the_description(client, org):
    factories.service(org, title="Evening class", description="Prepare for the GED.")
    factories.service(org, title="Food pantry", description="Groceries every week.")
    assert titles(client.get(SEARCH, {"q": "groceries"})) == ["Food pantry"]


def test_keyword_finds_a_service_by_its_parent_category_name(client, org):
    factories.service(org, title="Clinic A", categories=("buprenorphine",))
    factories.service(org, title="Pantry", categories=("food",))
    assert titles(client.get(SEARCH, {"q": "medication"})) == ["Clinic A"]


def test_keyword_with_quotes_and_operators_is_not_an_error(client, org):
    factories.service(org, title="Walk-in counseling")
    response = client.get(SEARCH, {"q": '"counseling* (\\'})
    assert response.status_code == 200
    assert titles(response) == ["Walk-in counseling"]


def test_category_filter_includes_services_in_child_categories(client, org):
    factories.service(org, title="Methadone clinic", categories=("methadone",))
    factories.service(org, title="Counseling", categories=("counseling",))
    response = client.get(SEARCH, {"category": "substance-use"})
    assert titles(response) == ["Methadone clinic"]


def test_neighborhood_filter(client, org, neighborhood_index):
    eastgate = factories.neighborhood(neighborhood_index, title="Eastgate")
    westside = factories.neighborhood(neighborhood_index, title="Westside")
    factories.service(org, title="East help", neighborhoods=[eastgate])
    factories.service(org, title="West help", neighborhoods=[westside])
    assert titles(client.get(SEARCH, {"neighborhood": "eastgate"})) == ["East help"]


def test_language_filter(client, org):
    factories.service(org, title="Bilingual", languages=("en", "es"))
    factories.service(org, title="English only", languages=("en",))
    assert titles(client.get(SEARCH, {"language": "es"})) == ["Bilingual"]


def test_free_filter(client, org):
    factories.service(org, title="Free help", is_free=True)
    factories.service(org, title="Paid help", is_free=False)
    assert titles(client.get(SEARCH, {"free": "on"})) == ["Free help"]


def test_age_filter_respects_minimum_and_maximum(client, org):
    factories.service(org, title="Youth", minimum_age=14, maximum_age=24)
    factories.service(org, title="Adults", minimum_age=18)
    factories.service(org, title="Anyone")
    assert titles(client.get(SEARCH, {"age": "16"})) == ["Anyone", "Youth"]
    assert titles(client.get(SEARCH, {"age": "30"})) == ["Adults", "Anyone"]


def test_open_now_filter(client, org):
    factories.service(org, title="Mornings", hours=[(0, "09:00", "12:00")])
    factories.service(org, title="Evenings", hours=[(0, "17:00", "21:00")])
    with time_machine.travel(MONDAY_10AM, tick=False):
        response = client.get(SEARCH, {"open_now": "on"})
    assert titles(response) == ["Mornings"]
    assert "Open now" in response.content.decode()


def test_filters_combine_with_and(client, org):
    factories.service(org, title="Free Spanish housing", categories=("housing",),
                      languages=("es",), is_free=True)  # fmt: skip
    factories.service(org, title="Paid Spanish housing", categories=("housing",),
                      languages=("es",))  # fmt: skip
    factories.service(org, title="Free English housing", categories=("housing",),
                      is_free=True)  # fmt: skip
    factories.service(org, title="Free Spanish food", categories=("food",),
                      languages=("es",), is_free=True)  # fmt: skip
    response = client.get(
        SEARCH, {"category": "housing", "language": "es", "free": "on"}
    )
    assert titles(response) == ["Free Spanish housing"]


def test_keyword_and_filter_combine(client, org):
    factories.service(org, title="Shelter beds", categories=("housing",), is_free=True)
    factories.service(org, title="Shelter deposit loans", categories=("housing",))
    assert titles(client.get(SEARCH, {"q": "shelter", "free": "on"})) == [
        "Shelter beds"
    ]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"category": "astrology"}, "There is no category"),
        ({"neighborhood": "atlantis"}, "There is no neighborhood"),
        ({"language": "xx"}, "There is no language"),
        ({"age": "twelve"}, "Age must be a whole number"),
        ({"age": "150"}, "Age must be between 0 and 120"),
        ({"age": "-1"}, "Age must be between 0 and 120"),
    ],
)
def test_bad_filter_is_reported_and_dropped_not_an_error(client, org, params, message):
    factories.service(org, title="Counseling")
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "not filtered by it" in response.content.decode()
    assert titles(response) == ["Counseling"]


def test_a_bad_filter_leaves_the_good_ones_applied(client, org):
    factories.service(org, title="Free one", is_free=True)
    factories.service(org, title="Paid one")
    response = client.get(SEARCH, {"age": "old", "free": "on"})
    assert titles(response) == ["Free one"]


def test_pagination_keeps_the_filters(client, org):
    for number in range(22):
        factories.service(org, title=f"Shelter {number:02}", categories=("housing",))
    factories.service(org, title="Pantry", categories=("food",))
    first = client.get(SEARCH, {"category": "housing"})
    assert len(titles(first)) == 20
    assert "category=housing&amp;page=2" in first.content.decode()
    second = client.get(SEARCH, {"category": "housing", "page": "2"})
    assert titles(second) == ["Shelter 20", "Shelter 21"]
    assert client.get(SEARCH, {"page": "abc"}).status_code == 200


def test_temporarily_closed_service_is_listed_with_its_status(client, org):
    factories.service(org, title="Closed for repairs", status="temporarily closed")
    response = client.get(SEARCH)
    assert titles(response) == ["Closed for repairs"]
    assert "Temporarily closed" in response.content.decode()


def test_result_shows_what_where_when_cost_and_how_to_apply(client, org):
    factories.service(
        org,
        title="Job club",
        description="Weekly job club with coaching.",
        application_process="Walk in on Mondays.",
        is_free=True,
        hours=[(0, "09:00", "12:00")],
    )
    with time_machine.travel(MONDAY_10AM, tick=False):
        html = client.get(SEARCH).content.decode()
    for text in (
        "Job club",
        "Weekly job club with coaching.",
        "Offered by Riverton Recovery Center",
        "1 Main St, Riverton, CA 94000",
        "09:00–12:00",
        "Open now",
        "Free",
        "Walk in on Mondays.",
        "555-0100",
    ):
        assert text in html


def test_service_not_verified_for_a_year_says_call_ahead(client, org):
    service = factories.service(org, title="Old listing")
    ServiceVerification.objects.create(
        service=service, verified_at=MONDAY_10AM - timedelta(days=400)
    )
    with time_machine.travel(MONDAY_10AM, tick=False):
        html = client.get(SEARCH).content.decode()
    assert "please call ahead" in html
    assert "October 2025" in html


def test_recently_verified_service_has_no_warning(client, org):
    service = factories.service(org, title="Fresh listing")
    ServiceVerification.objects.create(
        service=service, verified_at=MONDAY_10AM - timedelta(days=10)
    )
    with time_machine.travel(MONDAY_10AM, tick=False):
        html = client.get(SEARCH).content.decode()
    assert "please call ahead" not in html
    assert "13 November 2026" in html
