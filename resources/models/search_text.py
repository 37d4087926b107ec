"""A narrow copy of each service's search vector, for the public search (PostgreSQL).

Wagtail keeps one wide row per indexed object (two vectors, the plain texts,
the autocomplete vector). Matching ``title || body`` there means reading about
2 KB a row and concatenating two vectors for every row, which at 10,000
services cost most of the directory search's time. This table holds only the
concatenated vector, under a GIN index, so a search reads a few hundred
kilobytes through the index and ranks what matched.

The rows are written by a trigger on Wagtail's index table (migration 0006),
so whatever updates Wagtail's index (publishing, ``update_index``, a defunct
service leaving the index) updates this copy in the same statement: there is
nothing to keep in step from Python. On SQLite the table exists but stays
empty; the search goes through Wagtail's FTS5 backend there.

On PostgreSQL the table also has ``listed``, ``title`` and ``term_ids``
(migration 0007), what the keyword search filters and orders on, each kept
by a trigger on its source table. They are not fields here: only triggers
write them and only the SQL of ``resources.search_postgres`` reads them.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class ServiceSearchText(models.Model):
    """One row per service in Wagtail's search index (PostgreSQL only)."""

    # No constraint and no cascade: the trigger owns these rows, and deleting a
    # page must not depend on a table that is empty on SQLite.
    service = models.OneToOneField(
        "resources.ServicePage",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="search_text",
    )
    vector = SearchVectorField()

    class Meta:
        verbose_name = "service search text"

    def __str__(self):
        return f"search text of service {self.service_id}"
