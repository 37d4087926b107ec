"""A narrow, trigger-maintained copy of each service's search vector (PostgreSQL).

See ``resources.models.search_text``. The trigger copies ``title || body``
from Wagtail's index row whenever Wagtail writes or deletes the row of a
service page, so the copy can never fall behind the index it mirrors. Only
changes to the vectors fire it (Wagtail also rewrites ``title_norm`` alone).
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

TABLE = "resources_servicesearchtext"
INDEX = "resources_servicesearchtext_vector_gin"
FUNCTION = "resources_copy_service_search_text"
TRIGGER = "resources_service_search_text"
SERVICE_TYPE = (
    "(SELECT id FROM django_content_type "
    "WHERE app_label = 'resources' AND model = 'servicepage')"
)

CREATE = [
    f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "{TABLE}" USING gin ("vector")',
    f"""
    CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
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
    f"""
    CREATE TRIGGER {TRIGGER}
    AFTER INSERT OR UPDATE OF title, body OR DELETE ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()
    """,
    # Services indexed before this migration.
    f"""
    INSERT INTO {TABLE} (service_id, vector)
    SELECT object_id::integer, title || body FROM wagtailsearch_indexentry
    WHERE content_type_id = {SERVICE_TYPE}
    ON CONFLICT (service_id) DO UPDATE SET vector = EXCLUDED.vector
    """,
]
DROP = [
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON wagtailsearch_indexentry",
    f"DROP FUNCTION IF EXISTS {FUNCTION}()",
    f'DROP INDEX IF EXISTS "{INDEX}"',
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0005_search_index_title_body_gin"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="ServiceSearchText",
            fields=[
                (
                    "service",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_text",
                        serialize=False,
                        to="resources.servicepage",
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={"verbose_name": "service search text"},
        ),
        migrations.RunPython(_run(CREATE), _run(DROP)),
    ]
