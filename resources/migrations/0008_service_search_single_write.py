"""The search copy's row is written once when Wagtail indexes a service (PostgreSQL).

Migration 0007 inserted the vector, then updated the row with the rest:
two row versions per indexed service, so a freshly built index left the table
twice its size until a vacuum. Now one INSERT ... ON CONFLICT carries every
column. Same results; see migrations 0006 and 0007.
"""

from django.db import migrations

TABLE = "resources_servicesearchtext"
SERVICE_TYPE = (
    "(SELECT id FROM django_content_type "
    "WHERE app_label = 'resources' AND model = 'servicepage')"
)


def copy_function(insert: str) -> str:
    return f"""
    CREATE OR REPLACE FUNCTION resources_copy_service_search_text() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            IF OLD.content_type_id = {SERVICE_TYPE} THEN
                DELETE FROM {TABLE} WHERE service_id = OLD.object_id::integer;
            END IF;
            RETURN OLD;
        END IF;
        IF NEW.content_type_id = {SERVICE_TYPE} THEN
            {insert}
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """


SINGLE_WRITE = f"""
            INSERT INTO {TABLE} (service_id, vector, listed, title, term_ids)
            SELECT
                NEW.object_id::integer,
                NEW.title || NEW.body,
                coalesce(p.live AND sp.status <> 'defunct', false),
                coalesce(p.title, ''),
                ARRAY(
                    SELECT term_id FROM resources_servicecategory
                    WHERE service_id = NEW.object_id::integer ORDER BY term_id)
            FROM (SELECT NEW.object_id::integer AS id) service
            LEFT JOIN wagtailcore_page p ON p.id = service.id
            LEFT JOIN resources_servicepage sp ON sp.page_ptr_id = service.id
            ON CONFLICT (service_id) DO UPDATE SET
                vector = EXCLUDED.vector,
                listed = EXCLUDED.listed,
                title = EXCLUDED.title,
                term_ids = EXCLUDED.term_ids;
"""

INSERT_THEN_REFRESH = f"""
            INSERT INTO {TABLE} (service_id, vector)
            VALUES (NEW.object_id::integer, NEW.title || NEW.body)
            ON CONFLICT (service_id) DO UPDATE SET vector = EXCLUDED.vector;
            PERFORM resources_refresh_service_search(NEW.object_id::integer);
"""


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("resources", "0007_service_search_filters")]

    operations = [
        migrations.RunPython(
            _run(copy_function(SINGLE_WRITE)), _run(copy_function(INSERT_THEN_REFRESH))
        )
    ]
