"""The public service page: every field, how to get help, print CSS, no cache."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from resources.models import CostOption, RequiredDocument, ServicePhone
from tests import factories

pytestmark = pytest.mark.django_db
MONDAY_10AM = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("America/Los_Angeles"))


@pytest.fixture
def full_service(org, neighborhood):
    service = factories.service(
        org,
        title="Bridge clinic",
        alternate_name="The Bridge",
        description="Same-day buprenorphine starts.",
        status="temporarily closed",
        alert="Closed for repairs until Monday.",
        website="https://bridge.example.org/",
        email="bridge@example.org",
        application_process="Walk in; no appointment needed.",
        eligibility_description="Adults who use opioids.",
        minimum_age=18,
        maximum_age=99,
        fees_description="Insurance taken; nobody turned away.",
        interpretation_services="Phone interpreters for any language.",
        categories=("buprenorphine",),
        languages=("en", "es"),
        hours=[(0, "09:00", "17:00"), (4, "22:00", "02:00")],
        neighborhoods=[neighborhood],
    )
    service.required_documents.add(
        RequiredDocument(document="Photo ID if you have one")
    )
    service.cost_options.add(CostOption(option="Per visit", amount="10.00"))
    service.phones.add(ServicePhone(number="(555) 010-2000", description="Front desk"))
    location = org.locations.get()
    location.transportation = "Bus 7 stops outside."
    location.accessibility_details = "Step-free entrance."
    location.neighborhood = neighborhood
    location.save()
    factories.publish(service)
    return service


def test_service_page_shows_every_part_of_the_listing(client, full_service):
    with time_machine.travel(MONDAY_10AM, tick=False):
        html = client.get(full_service.get_url()).content.decode()
    for text in (
        "Bridge clinic",
        "Also known as The Bridge",
        "Riverton Recovery Center",
        "Same-day buprenorphine starts.",
        "Temporarily closed",
        "Closed for repairs until Monday.",
        "Adults who use opioids.",
        "Ages 18 to 99.",
        "English",
        "Spanish",
        "Phone interpreters for any language.",
        "Per visit: 10.00 USD",
        "Insurance taken; nobody turned away.",
        "Photo ID if you have one",
        "Walk in; no appointment needed.",
        "1 Main St, Riverton, CA 94000",
        "Bus 7 stops outside.",
        "Step-free entrance.",
        "Neighborhoods served:",
        "Eastgate",
        "Buprenorphine",
        "(555) 010-2000",
        "bridge@example.org",
        "https://bridge.example.org/",
        "22:00–02:00 the next day",
        "Last changed",
        "Last verified:",
        "Report an error",
    ):
        assert text in html, text


def test_how_to_get_this_help_is_numbered_steps(client, full_service):
    with time_machine.travel(MONDAY_10AM, tick=False):
        html = client.get(full_service.get_url()).content.decode()
    section = html.split('id="how-heading"')[1].split("</section>")[0]
    assert "<ol" in section
    steps = ["What to do", "Check you can get it", "Bring these documents",
             "Go when it is open", "Call if you are unsure"]  # fmt: skip
    positions = [section.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "Open now." in section


def test_opening_hours_table_marks_open_now_and_closed_days(client, full_service):
    with time_machine.travel(MONDAY_10AM, tick=False):
        html = client.get(full_service.get_url()).content.decode()
    table = html.split('class="usa-table')[1].split("</table>")[0]
    assert "<caption>" in table
    assert table.count("Closed") == 5  # Tuesday, Wednesday, Thursday, Saturday, Sunday
    assert "(today)" in table


def test_service_page_links_the_print_and_directory_stylesheets(client, full_service):
    html = client.get(full_service.get_url()).content.decode()
    assert 'css/print.css" media="print"' in html
    assert "css/directory.css" in html


def test_service_page_with_forms_is_never_stored_in_the_page_cache(
    client, full_service, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(full_service.get_url())
    client.cookies.clear()
    second = client.get(full_service.get_url())
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second


def test_directory_home_lists_categories_linking_to_filtered_results(client, directory):
    html = client.get(directory.url).content.decode()
    assert "Substance use" in html or "substance-use" in html
    assert "/directory/search/?category=substance-use" in html
    assert "/directory/search/?category=moud" in html
    assert 'action="/directory/search/"' in html


def test_defunct_service_page_is_gone_from_the_directory(client, org):
    service = factories.service(org, title="Closed for good", status="defunct")
    html = client.get(org.url).content.decode()
    assert "Closed for good" not in html
    assert service.title not in client.get("/directory/search/").content.decode()


def test_defunct_service_page_itself_answers_404_but_keeps_its_record(client, org):
    service = factories.service(org, title="Closed for good", status="defunct")
    assert client.get(service.url).status_code == 404
    assert type(service).objects.filter(pk=service.pk, live=True).exists()
