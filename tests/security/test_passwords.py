"""Password rules (NIST SP 800-63B), checked through allauth's password change."""

import pytest

from agencies.models import AuditAction, AuditEntry
from tests.security import signin

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada_client(client):
    signin.administrator("ada")
    signin.sign_in_with_totp(client, "ada")
    return client


def change_password(client, new):
    return client.post(
        "/accounts/password/change/",
        {"oldpassword": signin.PASSWORD, "password1": new, "password2": new},
    )


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("short-pw-1", b"at least 12 characters"),
        ("password1234", b"too common"),
        ("ada@example.org-x", b"too similar"),
        ("123456789012345", b"entirely numeric"),
    ],
)
def test_weak_passwords_are_refused(ada_client, new, message):
    response = change_password(ada_client, new)
    assert response.status_code == 200
    assert message in response.content
    assert not AuditEntry.objects.filter(action=AuditAction.PASSWORD_CHANGED).exists()


def test_long_uncommon_password_is_accepted_and_audited(
    ada_client, django_capture_on_commit_callbacks
):
    response = change_password(ada_client, "quiet-river-lantern-42")
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action=AuditAction.PASSWORD_CHANGED).count() == 1


def test_no_hasher_override_outside_tests():
    """Production and dev store passwords with Django's default (PBKDF2) hasher."""
    from portal.settings import base, dev

    assert not hasattr(base, "PASSWORD_HASHERS")
    assert not hasattr(dev, "PASSWORD_HASHERS")
