"""Five failed sign-ins within 15 minutes lock an account until an administrator
releases it (CJIS 5.5.3), whether or not the account exists."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from agencies.models import AuditAction, AuditEntry
from tests.security import signin

pytestmark = pytest.mark.django_db

START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def ada(db):
    return signin.administrator("ada")


def test_fourth_failure_does_not_lock(client, ada, clock):
    response = signin.fail_login(client, "ada", times=4)
    assert response.status_code == 200
    assert not signin.is_locked_page(response)
    assert signin.post_login(client, "ada")["Location"].startswith(
        "/accounts/2fa/authenticate/"
    )


def test_fifth_failure_locks_and_says_so(client, ada, clock):
    signin.fail_login(client, "ada", times=4)
    response = signin.fail_login(client, "ada")
    assert signin.is_locked_page(response)
    assert b"Contact your administrator" in response.content


def test_locked_account_is_refused_even_with_the_right_password(client, ada, clock):
    signin.fail_login(client, "ada", times=5)
    response = signin.post_login(client, "ada")
    assert signin.is_locked_page(response)
    assert "_auth_user_id" not in client.session


def test_lock_does_not_expire_by_itself(client, ada, clock):
    signin.fail_login(client, "ada", times=5)
    clock.shift(timedelta(days=3))
    assert signin.is_locked_page(signin.post_login(client, "ada"))


def test_failures_spread_over_more_than_15_minutes_do_not_add_up(client, ada, clock):
    for _ in range(4):
        signin.fail_login(client, "ada")
        clock.shift(timedelta(minutes=1))
    # Failures at 0, 1, 2, 3 minutes; at 16 minutes the first is outside the window.
    clock.shift(timedelta(minutes=12, seconds=1))
    response = signin.fail_login(client, "ada")
    assert not signin.is_locked_page(response)
    clock.shift(timedelta(seconds=59))  # 17:00 - window [2:00, 17:00] holds 2, 3, 16
    assert not signin.is_locked_page(signin.fail_login(client, "ada"))


def test_five_failures_inside_15_minutes_lock_even_when_spread_out(client, ada, clock):
    for _ in range(5):
        response = signin.fail_login(client, "ada")
        clock.shift(timedelta(minutes=3, seconds=29))
    assert signin.is_locked_page(response)


def test_lockout_counts_by_account_across_addresses(client, ada, clock):
    for number in range(5):
        response = signin.fail_login(client, "ada", REMOTE_ADDR=f"198.51.100.{number}")
    assert signin.is_locked_page(response)
    assert signin.is_locked_page(
        signin.post_login(client, "ada", REMOTE_ADDR="10.9.9.9")
    )


def test_usernames_are_counted_without_regard_to_case(client, ada, clock):
    for username in ["ada", "Ada", "ADA", "aDa", "adA"]:
        response = signin.fail_login(client, username)
    assert signin.is_locked_page(response)


def test_success_ends_a_run_of_failures(client, ada, clock):
    signin.fail_login(client, "ada", times=4)
    signin.sign_in_with_totp(client, "ada")
    client.post("/accounts/logout/")
    assert not signin.is_locked_page(signin.fail_login(client, "ada"))


def test_nonexistent_account_locks_the_same_way(client, clock):
    assert not signin.is_locked_page(signin.fail_login(client, "nobody", times=4))
    assert signin.is_locked_page(signin.fail_login(client, "nobody"))


def test_lockout_is_audited_once(client, ada, clock):
    signin.fail_login(client, "ada", times=7)
    lockouts = AuditEntry.objects.filter(action=AuditAction.LOCKOUT)
    assert lockouts.count() == 1
    entry = lockouts.get()
    assert (entry.user, entry.outcome) == (ada, "denied")
    denied = AuditEntry.objects.filter(
        action=AuditAction.LOGIN_FAILED, outcome="denied", reason="account locked"
    )
    assert denied.count() == 2


class TestRelease:
    @pytest.fixture
    def admin_client(self, client):
        signin.administrator("root")
        signin.sign_in_with_totp(client, "root")
        return client

    def test_superuser_sees_locked_accounts_and_releases_one(
        self, admin_client, ada, clock
    ):
        from django.test import Client

        victim = Client()
        signin.fail_login(victim, "ada", times=5)
        page = admin_client.get("/admin/locked-accounts/")
        assert page.status_code == 200
        assert b"Release ada" in page.content
        response = admin_client.post("/admin/locked-accounts/", {"username": "ada"})
        assert response.status_code == 302
        assert (
            b"No account is locked"
            in admin_client.get("/admin/locked-accounts/").content
        )
        entry = AuditEntry.objects.get(action=AuditAction.LOCKOUT_RELEASED)
        assert entry.username == "root"
        assert (entry.object_type, entry.object_id) == ("auth.user", str(ada.pk))
        signin.sign_in_with_totp(victim, "ada")
        assert victim.get("/admin/").status_code == 200

    def test_release_gives_a_fresh_count(self, admin_client, ada, clock):
        from django.test import Client

        victim = Client()
        signin.fail_login(victim, "ada", times=5)
        admin_client.post("/admin/locked-accounts/", {"username": "ada"})
        assert not signin.is_locked_page(signin.fail_login(victim, "ada"))

    def test_releasing_an_unlocked_name_changes_nothing(self, admin_client):
        admin_client.post("/admin/locked-accounts/", {"username": "ada"})
        assert not AuditEntry.objects.filter(
            action=AuditAction.LOCKOUT_RELEASED
        ).exists()

    def test_only_superusers_may_release(self, client, settings, ada, clock):
        """Wagtail answers a refused admin view with a redirect to the dashboard."""
        from django.test import Client

        signin.fail_login(Client(), "ada", times=5)
        settings.ACCOUNTS_MFA_REQUIRED_FOR_EDITORS = False
        signin.editor("edith")
        signin.post_login(client, "edith")
        assert client.get("/admin/locked-accounts/")["Location"] == "/admin/"
        client.post("/admin/locked-accounts/", {"username": "ada"})
        assert signin.is_locked_page(signin.post_login(Client(), "ada"))
        assert not AuditEntry.objects.filter(
            action=AuditAction.LOCKOUT_RELEASED
        ).exists()
