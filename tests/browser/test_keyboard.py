"""Keyboard alone: the skip link comes first and the mobile menu opens and closes."""

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


def test_header_menu_opens_and_closes_by_keyboard_on_a_phone(page, public_site):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto("/")
    menu_button = page.get_by_role("button", name="Menu")
    nav = page.get_by_role("navigation", name="Primary navigation")
    assert not nav.is_visible()

    menu_button.focus()
    page.keyboard.press("Enter")
    assert nav.is_visible()

    page.keyboard.press("Tab")  # focus moves into the open menu
    assert nav.evaluate("(nav) => nav.contains(document.activeElement)")
    meetings_link = nav.get_by_role("link", name="Public meetings")
    meetings_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/meetings/")
    assert page.locator("h1").inner_text() == "Public community meetings"


def test_escape_closes_the_phone_menu_and_returns_focus_to_its_button(
    page, public_site
):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto("/")
    page.get_by_role("button", name="Menu").focus()
    page.keyboard.press("Enter")
    nav = page.get_by_role("navigation", name="Primary navigation")
    assert nav.is_visible()

    page.keyboard.press("Escape")
    assert not nav.is_visible()
    assert focused_element(page)["text"] == "Menu"
