"""PostgreSQL refuses UPDATE and DELETE on the audit log, whatever code runs.

A row trigger, not a TRUNCATE trigger: test runners empty tables with TRUNCATE
between transactional tests, and TRUNCATE needs table-owner rights that the
application's account should not hold in production anyway.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION agencies_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'agencies_auditentry is append-only: %% refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agencies_auditentry_append_only
    BEFORE UPDATE OR DELETE ON agencies_auditentry
    FOR EACH ROW EXECUTE FUNCTION agencies_auditentry_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS agencies_auditentry_append_only ON agencies_auditentry;
DROP FUNCTION IF EXISTS agencies_auditentry_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("agencies", "0001_audit_log")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
