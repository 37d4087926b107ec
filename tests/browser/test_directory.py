"""The service directory in a real browser: search, service page, report, list.

Every page visited is checked with axe (WCAG 2.2 AA) and for console errors
(the ``page`` fixture fails the test on any).
"""

from types import SimpleNamespace

import pytest

from resources.models import RequiredDocument
from tests import factories
from tests.browser.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def directory_site(public_site):
    directory = factories.directory_page(public_site.home)
    org = factories.organization(directory, title="Riverton Recovery Center")
    pantry = factories.service(
        org,
        title="Eastgate food pantry",
        categories=("food",),
        languages=("en", "es"),
        is_free=True,
        application_process="Walk in with a bag.",
        hours=[(day, "09:00", "17:00") for day in range(5)],
        neighborhoods=[public_site.neighborhood],
    )
    pantry.required_documents.add(RequiredDocument(document="Proof of address"))
    factories.publish(pantry)
    shelter = factories.service(
        org, title="Night shelter", categories=("emergency-shelter",), is_free=True
    )
    factories.service(org, title="Paid food delivery", categories=("food",))
    factories.service(org, title="Counseling", categories=("counseling",))
    return SimpleNamespace(directory=directory, pantry=pantry, shelter=shelter)


def test_search_with_filters_then_open_a_service(page, directory_site):
    page.goto(directory_site.directory.get_url())
    assert_no_axe_violations(page)
    page.get_by_label("What help are you looking for?").fill("food")
    page.get_by_label("Category", exact=True).select_option("food")
    page.get_by_label("Language spoken").select_option("es")
    page.get_by_text("Free of charge").click()
    page.get_by_role("button", name="Find services").click()
    page.wait_for_url("**/directory/search/**")
    names = page.locator(".dmi-service-summary__name a").all_inner_texts()
    assert names == ["Eastgate food pantry"]
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Eastgate food pantry").click()
    assert page.locator("h1").inner_text() == "Eastgate food pantry"
    assert page.get_by_role("heading", name="How to get this help").is_visible()
    assert_no_axe_violations(page)


def test_bad_filter_shows_a_message_in_the_browser(page, directory_site):
    page.goto("/directory/search/?age=old&category=astrology")
    assert page.get_by_role("alert").is_visible()
    assert "There is no category" in page.get_by_role("alert").inner_text()
    assert_no_axe_violations(page)


def test_report_an_error_and_see_the_thank_you(page, directory_site):
    page.goto(directory_site.pantry.get_url())
    page.get_by_label("What is wrong or out of date?").fill("Closed on Fridays now.")
    page.get_by_role("button", name="Send the report").click()
    assert page.locator("h1").inner_text() == "Thank you for your report"
    assert_no_axe_violations(page)


def test_add_two_services_to_the_print_list_and_open_it(page, directory_site):
    page.goto("/directory/search/")
    page.get_by_text("Add Eastgate food pantry to my list").click()
    page.get_by_text("Add Night shelter to my list").click()
    page.get_by_role("button", name="Add ticked services to my list").click()
    page.get_by_role("link", name="My printable list (2 services)").click()
    assert page.locator("h1").inner_text() == "My list of services"
    names = page.locator(".dmi-print-list__name").all_inner_texts()
    assert names == ["Eastgate food pantry", "Night shelter"]
    assert "Proof of address" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Empty my list").is_visible()
