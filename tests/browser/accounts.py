"""Signing in through the real sign-in page, as a person would."""

import time

from tests.security import signin


def next_totp_window():
    """allauth refuses a code used before: wait for the authenticator's next one."""
    time.sleep(30 - time.time() % 30 + 0.5)


def sign_in(page, username, *, with_totp=True):
    """Password (and banner), then the code from the authenticator app."""
    if "/accounts/login/" not in page.url:
        page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(signin.PASSWORD)
    page.locator("label[for=id_acknowledge]").click()  # USWDS hides the box itself
    page.locator("form").get_by_role("button", name="Sign in").click()
    if with_totp:
        page.locator("input[name=code]").fill(signin.totp_code())
        page.locator("input[name=code]").press("Enter")
    page.wait_for_load_state()


def sign_in_as_administrator(page):
    signin.administrator("ada")
    sign_in(page, "ada")
    page.wait_for_url("**/admin/")
