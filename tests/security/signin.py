"""Helpers for sign-in tests: accounts with or without TOTP, codes, form posts."""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group, Permission

from tests import factories

PASSWORD = "correct-horse-battery-staple"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = SECRET) -> str:
    """The code an authenticator app shows right now (time-machine aware)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def editor(username="edith", **fields):
    """Someone who may open the Wagtail admin (an editor or provider)."""
    user = factories.user(username, password=PASSWORD, **fields)
    group, _ = Group.objects.get_or_create(name="Test editors")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    user.groups.add(group)
    return user


def administrator(username="ada", *, with_totp=True):
    user = factories.user(username, password=PASSWORD, is_staff=True, is_superuser=True)
    if with_totp:
        TOTP.activate(user, SECRET)
    return user


def public_user(username="pat"):
    """An account with no admin access at all (MFA optional for it)."""
    return factories.user(username, password=PASSWORD)


def has_totp(user) -> bool:
    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


def post_login(
    client, username, password=PASSWORD, *, acknowledge=True, next_url=None, **extra
):
    data = {"login": username, "password": password}
    if acknowledge:
        data["acknowledge"] = "on"
    url = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data, **extra)


def fail_login(client, username, times=1, **extra):
    """Wrong password ``times`` times; returns the last response."""
    for _ in range(times):
        response = post_login(client, username, "not-the-password", **extra)
    return response


def is_locked_page(response) -> bool:
    return response.status_code == 403 and b'id="lockout-message"' in response.content


def sign_in_with_totp(client, username, *, secret=SECRET, next_url=None):
    """Password, then the second factor; returns the final response."""
    response = post_login(client, username, next_url=next_url)
    assert response.status_code == 302, response.content[:500]
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    return client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})


def enrol_totp(client, password=PASSWORD) -> str:
    """Enrol from the gate as a first-time user would; returns the new secret.

    allauth asks for the password again before any MFA change. Run inside
    ``django_capture_on_commit_callbacks(execute=True)`` to get its signals.
    """
    response = client.get("/accounts/2fa/totp/activate/")
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/reauthenticate/")
        client.post(response["Location"], {"password": password})
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302, response.content[:500]
    return secret
