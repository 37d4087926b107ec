"""A resident's path through the public site, driven in a real browser."""

import pytest

from tests.browser.helpers import path_of

pytestmark = pytest.mark.browser


def test_resident_goes_from_home_to_an_update_and_a_meeting_calendar(page, public_site):
    page.goto("/")
    page.get_by_role("link", name="Eastgate", exact=True).first.click()
    assert page.locator("h1").inner_text() == "Eastgate"

    page.get_by_role("link", name="Cases are being built").click()
    assert page.locator("h1").inner_text() == "Cases are being built"

    page.locator("main").get_by_role("link", name="Eastgate", exact=True).click()
    page.get_by_role("link", name="Eastgate community meeting", exact=True).click()
    assert page.locator("h1").inner_text() == "Eastgate community meeting"
    assert path_of(page.url) == public_site.meeting.get_absolute_url()

    calendar_link = page.get_by_role("link", name="Add to your calendar (.ics)")
    with page.expect_download() as download_info:
        calendar_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), encoding="utf-8") as ics:
        assert ics.read().startswith("BEGIN:VCALENDAR")

    response = page.request.get(calendar_link.get_attribute("href"))
    assert response.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in response.text()


def test_header_search_finds_a_page_by_its_title(page, public_site):
    page.goto("/")
    page.get_by_role("searchbox", name="Search").fill("partnership")
    page.get_by_role("searchbox", name="Search").press("Enter")
    page.wait_for_url("**/search/?q=partnership*")
    results = page.locator("main .usa-collection__heading a")
    assert results.all_inner_texts() == ["About the partnership"]
    results.first.click()
    assert page.locator("h1").inner_text() == "About the partnership"
