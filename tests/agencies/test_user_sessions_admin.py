"""Superusers see an account's signed-in sessions in the admin and end them."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client
from django.urls import reverse

from agencies.models import AuditAction, AuditEntry, UserSession
from tests.security import signin

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(home):
    signin.administrator("ada")
    client = Client()
    signin.sign_in_with_totp(client, "ada")
    return client


@pytest.fixture
def pat(home):
    return signin.public_user("pat")


def browser_of(username, agent="Firefox/140", address="203.0.113.5") -> Client:
    client = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    signin.post_login(client, username)
    return client


def screen(user) -> str:
    return reverse("accounts_user_sessions", args=[user.pk])


def is_signed_in(client) -> bool:
    return client.get("/accounts/session/status/").status_code == 200


def test_screen_lists_start_last_activity_address_and_browser(admin, pat):
    browser_of("pat")
    response = admin.get(screen(pat))
    assert response.status_code == 200
    html = response.content.decode()
    assert "203.0.113.5" in html and "Firefox/140" in html
    assert len(response.context["sessions"]) == 1


def test_ending_one_session_signs_out_that_browser_only(admin, pat):
    first, second = browser_of("pat"), browser_of("pat", agent="Chrome/140")
    record = UserSession.objects.get(user=pat, user_agent="Firefox/140")
    response = admin.post(screen(pat), {"session": record.pk})
    assert response.status_code == 302
    assert not is_signed_in(first)
    assert is_signed_in(second)


def test_ending_all_sessions_signs_out_every_browser(admin, pat):
    browsers = [browser_of("pat"), browser_of("pat", agent="Chrome/140")]
    admin.post(screen(pat), {"session": "all"})
    assert not any(is_signed_in(browser) for browser in browsers)
    assert not UserSession.objects.filter(user=pat).exists()


def test_ending_a_session_is_audited_naming_the_administrator(admin, pat):
    browser_of("pat")
    admin.post(screen(pat), {"session": "all"})
    entry = AuditEntry.objects.get(action=AuditAction.SESSION_ENDED)
    assert entry.username == "ada"
    assert entry.reason == "ended_by_administrator"
    assert (entry.object_type, entry.object_id) == ("auth.user", str(pat.pk))


def test_an_unknown_or_foreign_session_changes_nothing(admin, pat):
    browser = browser_of("pat")
    other = signin.public_user("sam")
    browser_of("sam")
    foreign = UserSession.objects.get(user=other)
    for bad in [str(foreign.pk), "999999", "not-a-number", ""]:
        response = admin.post(screen(pat), {"session": bad}, follow=True)
        assert b"That session has already ended." in response.content
    assert is_signed_in(browser)
    assert UserSession.objects.count() == 3  # ada, pat, sam


def test_editors_may_not_see_or_end_sessions(pat):
    TOTP.activate(signin.editor("edith"), signin.SECRET)
    editor = Client()
    signin.sign_in_with_totp(editor, "edith")
    browser = browser_of("pat")
    # Wagtail turns the refusal into a redirect to the dashboard, with a message.
    for response in [
        editor.get(screen(pat)),
        editor.post(screen(pat), {"session": "all"}),
    ]:
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert is_signed_in(browser)


def test_user_listing_links_to_the_sessions_screen_for_superusers(admin, pat):
    response = admin.get(reverse("wagtailusers_users:index"))
    assert screen(pat).encode() in response.content
