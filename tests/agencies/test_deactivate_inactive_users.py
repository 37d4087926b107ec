"""Accounts unused for 90 days are disabled, and disabling ends every session."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from agencies.accounts.deactivation import account_disable
from agencies.accounts.tasks import deactivate_inactive_users
from agencies.models import AuditAction, AuditEntry, UserSession
from tests import factories
from tests.security import signin

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 3, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


def account(username, *, last_login=None, joined=NOW - 365 * DAY, **fields):
    user = factories.user(username, **fields)
    get_user_model().objects.filter(pk=user.pk).update(
        last_login=last_login, date_joined=joined
    )
    return user


def is_active(user) -> bool:
    user.refresh_from_db()
    return user.is_active


@pytest.fixture
def traveller():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def run_command(*args) -> str:
    out = StringIO()
    call_command("deactivate_inactive_users", *args, stdout=out)
    return out.getvalue()


def test_account_last_used_91_days_ago_is_disabled(traveller):
    user = account("old", last_login=NOW - 91 * DAY)
    assert "Disabled: old" in run_command()
    assert not is_active(user)


def test_account_last_used_89_days_ago_stays_active(traveller):
    user = account("recent", last_login=NOW - 89 * DAY)
    run_command()
    assert is_active(user)


def test_never_used_account_created_over_90_days_ago_is_disabled(traveller):
    user = account("never", last_login=None, joined=NOW - 91 * DAY)
    run_command()
    assert not is_active(user)


def test_never_used_account_created_recently_stays_active(traveller):
    user = account("new", last_login=None, joined=NOW - 10 * DAY)
    run_command()
    assert is_active(user)


def test_dry_run_lists_without_changing_anything(traveller):
    user = account("old", last_login=NOW - 91 * DAY)
    assert "Would disable: old" in run_command("--dry-run")
    assert is_active(user)
    assert not AuditEntry.objects.filter(action=AuditAction.ACCOUNT_DISABLED).exists()


def test_disabling_is_audited_with_the_reason(traveller):
    user = account("old", last_login=NOW - 91 * DAY)
    run_command()
    entry = AuditEntry.objects.get(action=AuditAction.ACCOUNT_DISABLED)
    assert entry.reason == "inactive_for_90_days"
    assert (entry.object_type, entry.object_id) == ("auth.user", str(user.pk))
    assert entry.user is None  # the system, not a person


def test_the_task_does_what_the_command_does(traveller):
    user = account("old", last_login=NOW - 91 * DAY)
    result = deactivate_inactive_users.enqueue()
    assert result.return_value == ["old"]
    assert not is_active(user)


def test_a_second_run_changes_nothing(traveller):
    account("old", last_login=NOW - 91 * DAY)
    run_command()
    assert "Disabled 0 inactive account(s)." in run_command()
    assert AuditEntry.objects.filter(action=AuditAction.ACCOUNT_DISABLED).count() == 1


def signed_in_client(username) -> Client:
    client = Client()
    signin.post_login(client, username)
    return client


def test_disabling_an_account_ends_all_its_sessions_at_once(home):
    user = signin.public_user("pat")
    browsers = [signed_in_client("pat"), signed_in_client("pat")]
    assert UserSession.objects.filter(user=user).count() == 2
    account_disable(user=user, reason="test")
    assert UserSession.objects.filter(user=user).count() == 0
    for browser in browsers:
        assert browser.get("/accounts/session/status/").status_code == 401
    ended = AuditEntry.objects.filter(action=AuditAction.SESSION_ENDED)
    assert {entry.reason for entry in ended} == {"account_disabled"}
    assert ended.count() == 2


def test_unticking_active_in_the_admin_ends_sessions_and_names_the_admin(home):
    signin.administrator("ada")
    admin = Client()
    signin.sign_in_with_totp(admin, "ada")
    user = signin.public_user("pat")
    browser = signed_in_client("pat")
    response = admin.post(
        reverse("wagtailusers_users:edit", args=[user.pk]),
        {
            "username": "pat",
            "email": "pat@example.org",
            "first_name": "Pat",
            "last_name": "Doe",
            "is_active": "",
            "is_superuser": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert not is_active(user)
    assert browser.get("/accounts/session/status/").status_code == 401
    entry = AuditEntry.objects.get(action=AuditAction.ACCOUNT_DISABLED)
    assert entry.username == "ada"
    assert entry.reason == "disabled_by_administrator"


def test_other_saves_of_a_user_do_not_disable_or_audit(home):
    user = signin.public_user("pat")
    browser = signed_in_client("pat")
    user.first_name = "Patricia"
    user.save()
    assert browser.get("/accounts/session/status/").status_code == 200
    assert not AuditEntry.objects.filter(action=AuditAction.ACCOUNT_DISABLED).exists()
