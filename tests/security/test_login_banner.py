"""The system-use notice is shown and acknowledged before sign-in (CJIS 5.5.4)."""

import pytest

from tests.security import signin

pytestmark = pytest.mark.django_db


def test_login_page_shows_the_notice_from_settings(client, settings):
    settings.ACCOUNTS_LOGIN_BANNER = "Authorised use only; monitored (test wording)."
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b"Authorised use only; monitored (test wording)." in response.content
    assert b'name="acknowledge"' in response.content


def test_default_notice_has_the_cjis_elements(client):
    content = client.get("/accounts/login/").content.decode()
    for phrase in ["monitored", "recorded", "Unauthorized use", "consent"]:
        assert phrase in content


def test_sign_in_without_acknowledging_is_refused_and_not_counted(client):
    signin.administrator("ada")
    for _ in range(6):
        response = signin.post_login(client, "ada", acknowledge=False)
    assert response.status_code == 200
    assert (
        b"Please confirm that you have read the system-use notice." in response.content
    )
    assert "_auth_user_id" not in client.session
    # Not acknowledging is not a failed password: the account is not locked.
    assert signin.post_login(client, "ada")["Location"].startswith(
        "/accounts/2fa/authenticate/"
    )


def test_username_is_kept_when_the_box_was_missed(client):
    response = signin.post_login(client, "ada", acknowledge=False)
    assert b'value="ada"' in response.content
