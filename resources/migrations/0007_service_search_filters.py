"""The search copy also carries what the directory search filters on (PostgreSQL).

With ``listed`` (live and not defunct), ``title`` and the direct ``term_ids``
beside the vector, a keyword + category search reads one narrow table
through two GIN indexes instead of joining four tables of 10,000 rows.

Each column is kept by a trigger on the table it comes from, recomputed for
the one service a row change concerns (``resources_refresh_service_search``):
the page (live, title), the service page (status), its categories; the vector
still comes from Wagtail's index row (migration 0006), which now refreshes
the rest too. These columns exist on PostgreSQL only, written only by the
triggers and read only by ``resources.search_postgres``.
"""

from django.db import migrations

TABLE = "resources_servicesearchtext"
REFRESH = "resources_refresh_service_search"
SOURCE = "resources_service_search_source_changed"
SERVICE_TYPE = (
    "(SELECT id FROM django_content_type "
    "WHERE app_label = 'resources' AND model = 'servicepage')"
)

CREATE = [
    f"""
    ALTER TABLE {TABLE}
        ADD COLUMN IF NOT EXISTS listed boolean NOT NULL DEFAULT false,
        ADD COLUMN IF NOT EXISTS title varchar(255) NOT NULL DEFAULT '',
        ADD COLUMN IF NOT EXISTS term_ids bigint[] NOT NULL DEFAULT '{{}}'
    """,
    f"CREATE INDEX IF NOT EXISTS {TABLE}_term_ids_gin ON {TABLE} USING gin (term_ids)",
    f"""
    CREATE OR REPLACE FUNCTION {REFRESH}(sid integer) RETURNS void AS $$
        UPDATE {TABLE} SET
            listed = coalesce((
                SELECT p.live AND sp.status <> 'defunct'
                FROM wagtailcore_page p
                JOIN resources_servicepage sp ON sp.page_ptr_id = p.id
                WHERE p.id = sid), false),
            title = coalesce((SELECT title FROM wagtailcore_page WHERE id = sid), ''),
            term_ids = ARRAY(
                SELECT term_id FROM resources_servicecategory
                WHERE service_id = sid ORDER BY term_id)
        WHERE service_id = sid
    $$ LANGUAGE sql
    """,
    # Wagtail's index row: the vector, then everything else.
    f"""
    CREATE OR REPLACE FUNCTION resources_copy_service_search_text() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            IF OLD.content_type_id = {SERVICE_TYPE} THEN
                DELETE FROM {TABLE} WHERE service_id = OLD.object_id::integer;
            END IF;
            RETURN OLD;
        END IF;
        IF NEW.content_type_id = {SERVICE_TYPE} THEN
            INSERT INTO {TABLE} (service_id, vector)
            VALUES (NEW.object_id::integer, NEW.title || NEW.body)
            ON CONFLICT (service_id) DO UPDATE SET vector = EXCLUDED.vector;
            PERFORM {REFRESH}(NEW.object_id::integer);
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    f"""
    CREATE OR REPLACE FUNCTION {SOURCE}() RETURNS trigger AS $$
    BEGIN
        IF TG_TABLE_NAME = 'resources_servicecategory' THEN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                PERFORM {REFRESH}(OLD.service_id);
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                PERFORM {REFRESH}(NEW.service_id);
            END IF;
        ELSIF TG_TABLE_NAME = 'resources_servicepage' THEN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM {TABLE} WHERE service_id = OLD.page_ptr_id;
            ELSE
                PERFORM {REFRESH}(NEW.page_ptr_id);
            END IF;
        ELSE
            PERFORM {REFRESH}(NEW.id);
        END IF;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    f"""
    CREATE TRIGGER resources_search_categories
    AFTER INSERT OR UPDATE OR DELETE ON resources_servicecategory
    FOR EACH ROW EXECUTE FUNCTION {SOURCE}()
    """,
    f"""
    CREATE TRIGGER resources_search_status
    AFTER UPDATE OF status ON resources_servicepage
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION {SOURCE}()
    """,
    f"""
    CREATE TRIGGER resources_search_service_deleted
    AFTER DELETE ON resources_servicepage
    FOR EACH ROW EXECUTE FUNCTION {SOURCE}()
    """,
    f"""
    CREATE TRIGGER resources_search_page
    AFTER UPDATE OF live, title ON wagtailcore_page
    FOR EACH ROW
    WHEN (OLD.live IS DISTINCT FROM NEW.live OR OLD.title IS DISTINCT FROM NEW.title)
    EXECUTE FUNCTION {SOURCE}()
    """,
    # Rows copied before this migration.
    f"""
    UPDATE {TABLE} t SET
        listed = p.live AND sp.status <> 'defunct',
        title = p.title,
        term_ids = ARRAY(
            SELECT term_id FROM resources_servicecategory c
            WHERE c.service_id = t.service_id ORDER BY term_id)
    FROM wagtailcore_page p JOIN resources_servicepage sp ON sp.page_ptr_id = p.id
    WHERE p.id = t.service_id
    """,
]

DROP = [
    "DROP TRIGGER IF EXISTS resources_search_page ON wagtailcore_page",
    "DROP TRIGGER IF EXISTS resources_search_service_deleted ON resources_servicepage",
    "DROP TRIGGER IF EXISTS resources_search_status ON resources_servicepage",
    "DROP TRIGGER IF EXISTS resources_search_categories ON resources_servicecategory",
    f"DROP FUNCTION IF EXISTS {SOURCE}()",
    # Back to 0006's trigger function: the vector only.
    f"""
    CREATE OR REPLACE FUNCTION resources_copy_service_search_text() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            IF OLD.content_type_id = {SERVICE_TYPE} THEN
                DELETE FROM {TABLE} WHERE service_id = OLD.object_id::integer;
            END IF;
            RETURN OLD;
        END IF;
        IF NEW.content_type_id = {SERVICE_TYPE} THEN
            INSERT INTO {TABLE} (service_id, vector)
            VALUES (NEW.object_id::integer, NEW.title || NEW.body)
            ON CONFLICT (service_id) DO UPDATE SET vector = EXCLUDED.vector;
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    f"DROP FUNCTION IF EXISTS {REFRESH}(integer)",
    f"DROP INDEX IF EXISTS {TABLE}_term_ids_gin",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS listed, "
    "DROP COLUMN IF EXISTS title, DROP COLUMN IF EXISTS term_ids",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("resources", "0006_service_search_text")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
