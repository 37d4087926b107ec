"""Sign in with password + TOTP, get warned, time out, sign in again."""

import datetime
from importlib import import_module

import pytest
from django.conf import settings

from agencies.accounts.session_services import LAST_ACTIVITY_KEY
from agencies.models import AuditAction, AuditEntry
from tests.browser.accounts import next_totp_window, sign_in, sign_in_as_administrator
from tests.security import signin

pytestmark = pytest.mark.browser


def session_of(context):
    key = next(c["value"] for c in context.cookies() if c["name"] == "sessionid")
    return import_module(settings.SESSION_ENGINE).SessionStore(key)


def idle_for(context, minutes):
    """Server-side time travel: the session's last activity, ``minutes`` ago."""
    session = session_of(context)
    now = datetime.datetime.now(tz=datetime.UTC).timestamp()
    session[LAST_ACTIVITY_KEY] = now - minutes * 60
    session.save()


def test_admin_times_out_after_30_idle_minutes_and_signs_in_again(
    page, browser_context, public_site
):
    sign_in_as_administrator(page)
    assert page.get_by_role("heading", level=1).first.is_visible()
    # The time-out script's first status check is done before the session
    # ages, so only the next request finds it idle (one audit entry).
    page.wait_for_load_state("networkidle")

    idle_for(browser_context, 31)
    page.goto("/admin/pages/")
    assert "/accounts/login/?next=/admin/pages/" in page.url
    assert page.get_by_text("signed out after 30 minutes without activity").is_visible()
    entry = AuditEntry.objects.get(action=AuditAction.SESSION_ENDED)
    assert entry.reason == "idle_timeout"

    next_totp_window()
    sign_in(page, "ada")
    page.wait_for_url("**/admin/pages/")


def test_warning_dialog_offers_to_stay_signed_in(page, browser_context, public_site):
    page.clock.install()
    sign_in_as_administrator(page)
    page.wait_for_load_state("networkidle")

    idle_for(browser_context, 26)
    page.clock.fast_forward("25:00")
    dialog = page.get_by_role("alertdialog", name="Are you still there?")
    dialog.wait_for()
    assert "You will be signed out in 4 min" in dialog.inner_text()

    dialog.get_by_role("button", name="Stay signed in").click()
    dialog.wait_for(state="hidden")
    idle = datetime.datetime.now(tz=datetime.UTC).timestamp() - session_of(
        browser_context
    ).get(LAST_ACTIVITY_KEY)
    assert idle < 60


@pytest.mark.urls("tests.browser.session_form_urls")
def test_form_work_survives_the_time_out_and_sign_in(
    page, browser_context, public_site
):
    signin.public_user("pat")
    page.clock.install()
    page.goto("/note-form/")
    sign_in(page, "pat", with_totp=False)
    page.wait_for_url("**/note-form/")
    page.get_by_label("Note").fill("Met at the corner store; wants job training.")
    page.get_by_label("PIN").fill("1234")
    # The script's first status check must have come back before the clocks
    # move: answered later, it would schedule from the pre-idle status.
    page.wait_for_load_state("networkidle")

    idle_for(browser_context, 26)
    page.clock.fast_forward("25:00")
    page.get_by_role("alertdialog").wait_for()
    idle_for(browser_context, 31)
    page.clock.fast_forward("05:00")
    page.wait_for_url("**/accounts/login/?next=/note-form/")
    assert page.get_by_text("signed out after 30 minutes without activity").is_visible()

    sign_in(page, "pat", with_totp=False)
    page.wait_for_url("**/note-form/")
    assert page.get_by_label("Note").input_value() == (
        "Met at the corner store; wants job training."
    )
    assert page.get_by_label("PIN").input_value() == ""  # never kept
    assert page.get_by_role("status").inner_text().startswith("What you had typed")
