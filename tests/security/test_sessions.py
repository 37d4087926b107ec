"""Session limits: 30 minutes idle, 12 hours in all, a new key at sign-in, cookies."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from agencies.accounts.session_selectors import user_sessions_active
from agencies.accounts.session_services import RECORD_KEY
from agencies.models import AuditAction, AuditEntry, UserSession
from tests.security import signin

pytestmark = pytest.mark.django_db

T0 = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
STATUS = "/accounts/session/status/"
KEEP_ALIVE = "/accounts/session/keep-alive/"


def minutes(n):
    return T0 + datetime.timedelta(minutes=n)


@pytest.fixture
def traveller():
    with time_machine.travel(T0, tick=False) as traveller:
        yield traveller


@pytest.fixture
def signed_in(client, traveller):
    """A signed-in account with no admin access, its clocks started at T0."""
    signin.public_user("pat")
    response = signin.post_login(client, "pat")
    assert response.status_code == 302, response.content[:300]
    return client


def is_signed_in(client) -> bool:
    return client.get(STATUS).status_code == 200


def test_sign_in_gives_a_new_session_key(client, traveller):
    signin.public_user("pat")
    client.get("/accounts/login/")
    client.session.save()  # an anonymous session exists before signing in
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    signin.post_login(client, "pat")
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert before and after and before != after


def test_idle_session_still_valid_at_29_minutes(signed_in, traveller):
    traveller.move_to(minutes(29))
    assert is_signed_in(signed_in)


def test_idle_session_ends_at_30_minutes(signed_in, traveller):
    traveller.move_to(minutes(30))
    assert not is_signed_in(signed_in)
    assert not is_signed_in(signed_in)  # and stays ended


def test_activity_restarts_the_idle_clock(signed_in, traveller):
    traveller.move_to(minutes(29))
    signed_in.get("/")
    traveller.move_to(minutes(58))
    assert is_signed_in(signed_in)


def test_status_check_is_not_activity(signed_in, traveller):
    traveller.move_to(minutes(20))
    assert signed_in.get(STATUS).json()["idle_remaining"] == 10 * 60
    traveller.move_to(minutes(30))
    assert not is_signed_in(signed_in)


def test_keep_alive_is_activity(signed_in, traveller):
    traveller.move_to(minutes(25))
    body = signed_in.post(KEEP_ALIVE).json()
    assert body["idle_remaining"] == 30 * 60
    traveller.move_to(minutes(54))
    assert is_signed_in(signed_in)


def test_absolute_limit_ends_an_active_session_at_12_hours(signed_in, traveller):
    for step in range(1, 36):  # a request every 20 minutes until 11 h 40
        traveller.move_to(minutes(20 * step))
        assert signed_in.get("/").status_code == 200
    traveller.move_to(minutes(12 * 60 - 1))
    assert is_signed_in(signed_in)
    traveller.move_to(minutes(12 * 60))
    assert not is_signed_in(signed_in)
    entry = AuditEntry.objects.get(action=AuditAction.SESSION_ENDED)
    assert entry.reason == "absolute_timeout"


def test_timed_out_user_is_sent_to_sign_in_with_a_message_and_next(
    signed_in, traveller
):
    traveller.move_to(minutes(31))
    response = signed_in.get("/some/page/?tab=2")
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("account_login") + "?next=/some/page/%3Ftab%3D2"
    )
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("30 minutes without activity" in text for text in texts)


def test_time_out_is_audited_with_its_reason(signed_in, traveller):
    traveller.move_to(minutes(45))
    signed_in.get("/")
    entry = AuditEntry.objects.get(action=AuditAction.SESSION_ENDED)
    assert entry.reason == "idle_timeout"
    assert entry.username == "pat"
    assert entry.details["idle_seconds"] == 45 * 60


def test_script_calls_after_time_out_get_json_not_a_redirect(signed_in, traveller):
    traveller.move_to(minutes(30))
    response = signed_in.post(KEEP_ALIVE)
    assert response.status_code == 401
    assert response.json()["reason"] == "idle_timeout"


def test_sign_in_again_after_time_out_starts_fresh_clocks(signed_in, traveller):
    traveller.move_to(minutes(40))
    assert not is_signed_in(signed_in)
    signin.post_login(signed_in, "pat")
    traveller.move_to(minutes(69))
    assert is_signed_in(signed_in)


def test_sign_in_indexes_the_session_with_address_and_browser(client, traveller):
    user = signin.public_user("pat")
    client.post(
        "/accounts/login/",
        {"login": "pat", "password": signin.PASSWORD, "acknowledge": "on"},
        HTTP_USER_AGENT="TestBrowser/1.0",
        REMOTE_ADDR="203.0.113.9",
    )
    record = UserSession.objects.get(user=user)
    assert record.session_key == client.session.session_key
    assert (record.ip_address, record.user_agent) == ("203.0.113.9", "TestBrowser/1.0")
    assert record.started_at == T0


def test_index_row_is_touched_at_most_once_a_minute(signed_in, traveller):
    traveller.move_to(T0 + datetime.timedelta(seconds=30))
    signed_in.get("/")
    record = UserSession.objects.get()
    assert record.last_activity == T0
    traveller.move_to(T0 + datetime.timedelta(seconds=61))
    signed_in.get("/")
    record.refresh_from_db()
    assert record.last_activity == T0 + datetime.timedelta(seconds=61)


def test_sign_out_removes_the_index_row(signed_in):
    assert UserSession.objects.count() == 1
    signed_in.post(reverse("account_logout"))
    assert UserSession.objects.count() == 0


def test_session_record_id_is_kept_in_the_session(signed_in):
    assert signed_in.session[RECORD_KEY] == UserSession.objects.get().pk


def test_session_cookie_is_httponly_lax_and_ends_with_the_browser(client, traveller):
    signin.public_user("pat")
    response = signin.post_login(client, "pat")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["max-age"] and not cookie["expires"]


def test_csrf_cookie_is_httponly_and_lax(client):
    response = client.get("/accounts/login/")
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_sessions_are_stored_on_the_server():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_signing_in_drops_rows_of_sessions_that_lapsed_unnoticed(signed_in, traveller):
    traveller.move_to(minutes(32))  # the first browser was simply closed
    signin.post_login(Client(), "pat")
    assert UserSession.objects.count() == 1


def test_lapsed_sessions_are_not_listed_as_active(signed_in, traveller):
    user = UserSession.objects.get().user
    traveller.move_to(minutes(29))
    assert len(user_sessions_active(user=user)) == 1
    traveller.move_to(minutes(32))
    assert len(user_sessions_active(user=user)) == 0
