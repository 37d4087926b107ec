"""One sign-in page: every other password path redirects there and signs no one in."""

import pytest

from tests.security import signin

pytestmark = pytest.mark.django_db

PASSWORD_ONLY_PATHS = [
    ("/admin/login/", "/accounts/login/"),
    ("/_util/login/", "/accounts/login/"),
    ("/admin/password_reset/", "/accounts/password/reset/"),
    ("/admin/password_reset/done/", "/accounts/password/reset/"),
    ("/admin/password_reset/confirm/MQ/set-password/", "/accounts/password/reset/"),
]


@pytest.fixture
def ada(db):
    return signin.administrator("ada")


@pytest.mark.parametrize(("path", "target"), PASSWORD_ONLY_PATHS)
def test_get_redirects_to_the_allauth_page_keeping_next(client, path, target):
    response = client.get(path, {"next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == f"{target}?next=%2Fadmin%2Fpages%2F"


@pytest.mark.parametrize(("path", "target"), PASSWORD_ONLY_PATHS)
def test_post_of_valid_credentials_signs_no_one_in(client, ada, path, target):
    response = client.post(
        path,
        {
            "username": "ada",
            "password": signin.PASSWORD,
            "email": ada.email,
            "next": "/admin/",
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith(target)
    assert "_auth_user_id" not in client.session


def test_post_of_valid_credentials_to_wagtail_login_without_totp_user(client):
    """Even an account with no second factor yet gets no session this way."""
    signin.administrator("newcomer", with_totp=False)
    client.post("/admin/login/", {"username": "newcomer", "password": signin.PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")


def test_next_pointing_elsewhere_is_dropped(client):
    response = client.get("/admin/login/", {"next": "https://evil.example/"})
    assert response["Location"] == "/accounts/login/"


def test_admin_redirects_anonymous_visitors_to_the_one_sign_in_page(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/pages/")


def test_django_admin_is_not_installed(client):
    from django.apps import apps

    assert not apps.is_installed("django.contrib.admin")


def test_public_sign_up_is_closed(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "mallory",
            "email": "m@example.org",
            "password1": "a-very-long-password-9",
            "password2": "a-very-long-password-9",
        },
    )
    from django.contrib.auth import get_user_model

    assert response.templates[0].name == "account/signup_closed.html"
    assert not get_user_model().objects.filter(username="mallory").exists()


def test_wagtail_account_page_offers_no_password_change(client, ada):
    """Passwords change through allauth only (validated and audited in one place)."""
    signin.sign_in_with_totp(client, "ada")
    response = client.get("/admin/account/")
    assert response.status_code == 200
    assert b"old_password" not in response.content


def test_next_survives_the_redirect_the_password_and_the_second_factor(client, ada):
    start = client.get("/admin/login/", {"next": "/admin/pages/"})["Location"]
    next_url = start.split("next=", 1)[1]
    response = signin.sign_in_with_totp(client, "ada", next_url=next_url)
    assert response["Location"] == "/admin/pages/"
