"""MFA is required before an administrator, staff member or editor sees anything."""

import pytest
from django.test import Client

from agencies.accounts.policy import mfa_required
from tests.security import signin

pytestmark = pytest.mark.django_db


def test_administrator_signs_in_with_password_and_totp_and_reaches_the_admin(client):
    signin.administrator("ada")
    response = signin.sign_in_with_totp(client, "ada")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_password_alone_does_not_sign_in_an_account_with_totp(client):
    signin.administrator("ada")
    signin.post_login(client, "ada")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_wrong_totp_code_does_not_sign_in(client):
    signin.administrator("ada")
    signin.post_login(client, "ada")
    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("path", ["/admin/", "/workspace/", "/admin/pages/", "/"])
def test_first_login_without_authenticator_is_sent_to_enrolment(client, path):
    signin.administrator("ada", with_totp=False)
    signin.post_login(client, "ada")
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_enrolment_page_logout_and_static_stay_open_before_enrolment(client):
    signin.administrator("ada", with_totp=False)
    signin.post_login(client, "ada")
    activate = client.get("/accounts/2fa/totp/activate/")
    assert activate["Location"].startswith("/accounts/reauthenticate/")
    assert client.get(activate["Location"]).status_code == 200
    assert client.get("/accounts/logout/").status_code == 200


def test_enrolling_totp_opens_the_admin(client, django_capture_on_commit_callbacks):
    user = signin.administrator("ada", with_totp=False)
    signin.post_login(client, "ada")
    with django_capture_on_commit_callbacks(execute=True):
        signin.enrol_totp(client)
    assert signin.has_totp(user)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/workspace/"])
def test_password_only_session_of_an_mfa_account_is_ended(path):
    """However a session was made without the second factor, it reaches nothing."""
    user = signin.administrator("ada")
    client = Client()
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert client.get("/admin/").status_code == 302


def test_editors_must_enrol_by_default(client):
    signin.editor("edith")
    signin.post_login(client, "edith")
    assert client.get("/admin/")["Location"] == "/accounts/2fa/totp/activate/"


def test_editors_may_skip_mfa_when_the_setting_is_off(client, settings):
    settings.ACCOUNTS_MFA_REQUIRED_FOR_EDITORS = False
    signin.editor("edith")
    signin.post_login(client, "edith")
    assert client.get("/admin/").status_code == 200


def test_policy_names_who_must_use_mfa(settings):
    settings.ACCOUNTS_MFA_REQUIRED_FOR_EDITORS = False
    from django.contrib.auth.models import Group

    auditor = signin.public_user("audrey")
    auditor.groups.add(Group.objects.create(name="Auditors"))
    assert mfa_required(signin.administrator("ada", with_totp=False))
    assert mfa_required(signin.public_user("stan") and _staff("stan"))
    assert mfa_required(auditor)
    assert not mfa_required(signin.editor("edith"))
    assert not mfa_required(signin.public_user("pat"))


def test_providers_staff_must_use_mfa_even_when_editors_need_not(settings):
    # They read referred people's names and contacts at /referrals/.
    from tests import factories

    settings.ACCOUNTS_MFA_REQUIRED_FOR_EDITORS = False
    directory = factories.directory_page(factories.site_with_home())
    provider = factories.provider_user(factories.organization(directory))
    assert mfa_required(provider)
    assert not mfa_required(signin.editor("edith"))


def _staff(username):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=username)
    user.is_staff = True
    user.save()
    return user
