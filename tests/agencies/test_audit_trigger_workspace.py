"""PostgreSQL itself refuses to rewrite or remove a workspace audit row.

tests/agencies/test_audit_log.py proves the trigger on a sign-in row by id.
Workspace rows add what matters for 28 CFR Part 23: they carry the agency,
so the tampering worth trying is moving a read to another agency, erasing
which agency did it, or wiping one agency's trail — including through the
plain Django queryset that skips the model's own refusal.
"""

import pytest
from django.db import DatabaseError, connection, models, transaction

from agencies.models import AuditAction, AuditEntry
from tests import workspace

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the append-only trigger (migration agencies/0002) exists on "
        "PostgreSQL only; SQLite has no triggers installed",
    ),
]

INSUFFICIENT_PRIVILEGE = "42501"


@pytest.fixture
def row(team):
    """The entry market_create wrote: a workspace row with its agency."""
    the_market = workspace.market(team)
    entry = AuditEntry.objects.get(
        action=AuditAction.RECORD_CREATED,
        object_type="agencies.market",
        object_id=str(the_market.pk),
    )
    assert entry.agency_id == team.agencies["police"].pk
    return entry


def refused(run):
    """Run ``run(cursor)`` and return the database's refusal."""
    with (
        pytest.raises(DatabaseError, match="append-only") as caught,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        run(cursor)
    return caught.value


def unchanged(entry):
    fresh = AuditEntry.objects.get(pk=entry.pk)
    assert (fresh.agency_id, fresh.action, fresh.object_id) == (
        entry.agency_id,
        entry.action,
        entry.object_id,
    )


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE agencies_auditentry SET agency_id = %(other)s WHERE id = %(id)s",
        "UPDATE agencies_auditentry SET agency_id = NULL WHERE agency_id = %(agency)s",
        "DELETE FROM agencies_auditentry WHERE id = %(id)s",
        "DELETE FROM agencies_auditentry WHERE agency_id = %(agency)s",
    ],
)
def test_raw_sql_cannot_move_erase_or_remove_an_agencys_rows(team, row, sql):
    params = {
        "id": row.pk,
        "agency": row.agency_id,
        "other": team.agencies["other_police"].pk,
    }
    error = refused(lambda cursor: cursor.execute(sql, params))
    assert error.__cause__.sqlstate == INSUFFICIENT_PRIVILEGE
    unchanged(row)


def test_a_plain_queryset_that_skips_the_model_guard_is_refused_too(team, row):
    plain = models.QuerySet(AuditEntry).filter(agency_id=row.agency_id)
    refused(lambda cursor: plain.update(agency_id=team.agencies["county"].pk))
    refused(lambda cursor: plain._raw_delete(connection.alias))
    unchanged(row)
