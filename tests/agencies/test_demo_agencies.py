"""Demo accounts that must use MFA get the published TOTP secret (development only)."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command

from portal.demo.users import ensure_portal_users
from tests.security.signin import totp_code

pytestmark = pytest.mark.django_db

SECRET = "RIVERTONDEMOTOTPKEYFORTESTERSAAA"


@pytest.fixture
def demo_users(settings):
    settings.DEMO_TOTP_SECRET = SECRET
    ensure_portal_users()


def test_each_mfa_demo_account_gets_the_demo_secret_once(demo_users):
    call_command("demo_agencies", verbosity=0)
    call_command("demo_agencies", verbosity=0)
    totps = Authenticator.objects.filter(type=Authenticator.Type.TOTP)
    assert sorted(t.user.username for t in totps) == ["admin", "editor", "moderator"]
    assert all(TOTP(t).validate_code(totp_code(SECRET)) for t in totps)


def test_no_secret_means_no_authenticators(demo_users, settings):
    settings.DEMO_TOTP_SECRET = ""
    call_command("demo_agencies", verbosity=0)
    assert not Authenticator.objects.exists()


def test_demo_logins_prints_the_secret_and_an_otpauth_uri(demo_users, capsys):
    call_command("demo_logins")
    out = capsys.readouterr().out
    assert SECRET in out
    assert f"otpauth://totp/DMI%20Portal%3Ademo%20accounts?secret={SECRET}" in out
