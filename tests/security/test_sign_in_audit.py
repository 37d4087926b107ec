"""Every sign-in event leaves an audit entry (CJIS 5.4.1.1)."""

import re

import pytest

from agencies.models import AuditAction, AuditEntry
from tests.security import signin

pytestmark = pytest.mark.django_db


def entries(action):
    return list(AuditEntry.objects.filter(action=action))


def test_successful_login_records_methods_ip_and_agent(client):
    ada = signin.administrator("ada")
    client.defaults.update(REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="TestBrowser/1")
    signin.sign_in_with_totp(client, "ada")
    [entry] = entries(AuditAction.LOGIN)
    assert (entry.user, entry.outcome) == (ada, "success")
    assert entry.details == {"methods": ["password", "mfa"]}
    assert (entry.ip_address, entry.user_agent) == ("203.0.113.5", "TestBrowser/1")


def test_failed_login_records_the_typed_name_for_auditors(client):
    ada = signin.administrator("ada")
    signin.fail_login(client, "ada")
    signin.fail_login(client, "ghost")
    known, unknown = sorted(
        entries(AuditAction.LOGIN_FAILED), key=lambda e: e.details["username"]
    )
    assert (known.user, known.outcome, known.details) == (
        ada,
        "failure",
        {"username": "ada"},
    )
    assert (unknown.user, unknown.details) == (None, {"username": "ghost"})


def test_wrong_second_factor_is_recorded(client):
    signin.administrator("ada")
    signin.post_login(client, "ada")
    client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    [entry] = entries(AuditAction.LOGIN_FAILED)
    assert entry.reason == "second factor rejected"


def test_logout_is_recorded(client):
    ada = signin.administrator("ada")
    signin.sign_in_with_totp(client, "ada")
    client.post("/accounts/logout/")
    [entry] = entries(AuditAction.LOGOUT)
    assert entry.user == ada


def test_enrolment_is_recorded(client, django_capture_on_commit_callbacks):
    ada = signin.administrator("ada", with_totp=False)
    signin.post_login(client, "ada")
    with django_capture_on_commit_callbacks(execute=True):
        signin.enrol_totp(client)
    types = sorted(e.details["type"] for e in entries(AuditAction.MFA_ENROLLED))
    assert types == ["recovery_codes", "totp"]
    assert {e.user for e in entries(AuditAction.MFA_ENROLLED)} == {ada}


def test_removal_is_recorded_and_the_gate_asks_to_enrol_again(client):
    ada = signin.administrator("ada")
    signin.sign_in_with_totp(client, "ada")
    response = client.get("/accounts/2fa/totp/deactivate/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post(response["Location"], {"password": signin.PASSWORD})
    response = client.post("/accounts/2fa/totp/deactivate/")
    assert response.status_code == 302
    [entry] = entries(AuditAction.MFA_REMOVED)
    assert (entry.user, entry.details) == (ada, {"type": "totp"})
    assert client.get("/admin/")["Location"] == "/accounts/2fa/totp/activate/"


def test_password_reset_is_recorded(client, mailoutbox):
    ada = signin.administrator("ada")
    client.post("/accounts/password/reset/", {"email": ada.email})
    link = re.search(
        r"https?://[^/]+(/accounts/password/reset/key/\S+)", mailoutbox[0].body
    )
    response = client.get(link.group(1))
    new = "a-brand-new-long-password-7"
    client.post(response["Location"], {"password1": new, "password2": new})
    [entry] = entries(AuditAction.PASSWORD_RESET)
    assert entry.user == ada
    ada.refresh_from_db()
    assert ada.check_password(new)
