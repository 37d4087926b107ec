"""The audit log is append-only: code, queryset and PostgreSQL itself refuse changes."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from agencies.audit import audit_record, client_ip
from agencies.models import AuditAction, AuditEntry, AuditOutcome
from agencies.models.audit import AppendOnlyError
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    return audit_record(action=AuditAction.LOGIN, user=factories.user("ada"))


def test_audit_record_fills_ip_and_user_agent_from_the_request():
    user = factories.user("ada")
    request = RequestFactory().get(
        "/", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Firefox/140"
    )
    request.user = user
    entry = audit_record(action=AuditAction.LOGOUT, request=request)
    assert (entry.user, entry.username) == (user, "ada")
    assert entry.ip_address == "203.0.113.7"
    assert entry.user_agent == "Firefox/140"
    assert entry.outcome == AuditOutcome.SUCCESS


def test_object_is_stored_as_type_and_id_only():
    user = factories.user("ada")
    entry = audit_record(action=AuditAction.ACCOUNT_DISABLED, obj=user)
    assert (entry.object_type, entry.object_id) == ("auth.user", str(user.pk))


def test_forwarded_for_is_ignored_unless_proxies_are_configured(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 192.0.2.9"
    )
    assert client_ip(request) == "10.0.0.2"
    settings.AUDIT_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "192.0.2.9"


def test_unknown_action_is_refused():
    with pytest.raises(ValueError):
        audit_record(action="made_up")
    assert not AuditEntry.objects.exists()


def test_time_is_shown_in_utc_to_the_hundredth_of_a_second():
    with time_machine.travel(datetime(2026, 3, 1, 14, 5, 9, 987654, tzinfo=UTC)):
        entry = audit_record(action=AuditAction.LOGIN)
    entry.refresh_from_db()
    assert entry.at_display == "2026-03-01 14:05:09.98 UTC"


def test_saving_an_existing_entry_is_refused(entry):
    entry.reason = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_queryset_update_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="rewritten")
    entry.refresh_from_db()
    assert entry.reason == ""


def test_entries_survive_the_deletion_of_their_user(entry):
    user = entry.user
    user.delete()
    entry.refresh_from_db()
    assert entry.username == "ada"


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the append-only trigger exists on PostgreSQL only; SQLite has none",
)


@postgres_only
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE agencies_auditentry SET reason = 'rewritten' WHERE id = %s",
        "DELETE FROM agencies_auditentry WHERE id = %s",
    ],
)
def test_database_itself_refuses_raw_update_and_delete(entry, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [entry.pk])
    entry.refresh_from_db()
    assert entry.reason == ""
