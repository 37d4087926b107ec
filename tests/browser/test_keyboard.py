"""Keyboard alone: the skip link comes first and the phone menu works."""

import pytest

from tests.browser.helpers import focused_element

pytestmark = pytest.mark.browser


def test_first_tab_focuses_skip_link_which_moves_focus_to_main(page, public_site):
    page.goto(public_site.neighborhood.url)
    page.keyboard.press("Tab")
    skip_link = focused_element(page)
    assert "usa-skipnav" in skip_link["className"]
    assert skip_link["text"] == "Skip to main content"

    page.keyboard.press("Enter")
    focused = focused_element(page)
    assert (focused["tag"], focused["id"]) == ("main", "main-content")


def test_phone_menu_opens_closes_and_navigates_by_keyboard(page, public_site):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto("/")
    nav = page.get_by_role("navigation", name="Primary navigation")
    assert not nav.is_visible()

    page.get_by_role("button", name="Menu").focus()
    page.keyboard.press("Enter")
    assert nav.is_visible()
    page.keyboard.press("Tab")
    assert nav.evaluate("(nav) => nav.contains(document.activeElement)")

    page.keyboard.press("Escape")
    assert not nav.is_visible()
    assert focused_element(page)["text"] == "Menu"

    page.keyboard.press("Enter")
    for _ in range(6):  # close button, then the menu links in order
        page.keyboard.press("Tab")
        if focused_element(page)["text"] == "Public meetings":
            break
    assert focused_element(page)["text"] == "Public meetings"
    page.keyboard.press("Enter")
    page.wait_for_url("**/meetings/")
    assert page.locator("h1").inner_text() == "Public community meetings"
