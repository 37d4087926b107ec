"""The directory's keyword search on PostgreSQL: one query over one narrow table.

``resources_servicesearchtext`` holds, per service, the vector of Wagtail's
index row and what the search filters on (``listed``, ``title``, the direct
``term_ids``), each kept by a trigger (migrations 0006 and 0007). A keyword +
category search is then two GIN index scans and a bitmap AND on that table;
``ts_rank`` with Wagtail's own field weights orders the matches, and
``COUNT(*) OVER ()`` gives their number in the same query: the database ranks
and counts the matches once and sends back one page of ids.

The SQL is written out rather than built with the ORM: on the small servers
the directory runs on, composing and compiling the equivalent queryset cost
more than running it. The other filters (neighborhood, language, age, open
now, free) and view restrictions are rare; they are added as ``IN`` subqueries
compiled from the same queryset methods the ORM path uses.
"""

from django.db import connections
from django.db.models import Count, Window
from wagtail.search.backends import get_search_backend

# Wagtail's weights for the A-D labels its index gives each field (from the
# boosts in ``search_fields``), filled when the apps are ready.
from wagtail.search.backends.database.postgres.weights import WEIGHTS_VALUES

from resources.filters import apply_filters
from resources.models import ServicePage

DEFAULT_WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # PostgreSQL's own, for D, C, B, A
_database_configs = {}  # alias -> default_text_search_config, read once


def search_config(alias: str) -> str:
    """The text search configuration Wagtail's index was built with.

    Named in the query, never left to the server's default: with a literal
    configuration ``plainto_tsquery`` is immutable, so the planner reads the
    words when planning and estimates how many services match from the
    index statistics instead of guessing a few dozen.
    """
    configured = get_search_backend().config
    if configured:
        return configured
    if alias not in _database_configs:
        with connections[alias].cursor() as cursor:
            cursor.execute("SHOW default_text_search_config")
            _database_configs[alias] = cursor.fetchone()[0]
    return _database_configs[alias]


def has_other_filters(filters: dict) -> bool:
    """Any filter besides words and category (age 0 is a filter)."""
    return (
        filters["neighborhood"] is not None
        or bool(filters["language"])
        or filters["age"] is not None
        or filters["open_now"]
        or filters["free"]
    )


class KeywordSearch:
    """Listed services matching ``filters`` (with words), best match first.

    ``fetch(start, stop)`` returns ``(ids, total)``; ``count()`` the total
    alone (for a page past the end, where ``fetch`` returns no row).
    ``category_ids`` is the chosen category and everything under it.
    """

    def __init__(self, *, filters: dict, category_ids, private_paths, alias="default"):
        self.alias = alias
        query = "plainto_tsquery(%s::regconfig, %s)"
        query_params = [search_config(alias), filters["words"]]
        where = ["s.listed", f"s.vector @@ {query}"]
        params = list(query_params)
        if category_ids is not None:
            where.append("s.term_ids && %s::bigint[]")
            params.append(list(category_ids))
        if has_other_filters(filters):
            others = {**filters, "words": "", "category": None}
            subquery = apply_filters(ServicePage.objects.all(), others)
            sql, sub_params = subquery.values("pk").query.sql_with_params()
            where.append(f"s.service_id IN ({sql})")
            params.extend(sub_params)
        if private_paths:
            where.append(
                "s.service_id IN (SELECT id FROM wagtailcore_page "
                "WHERE NOT (path LIKE ANY(%s)))"
            )
            params.append([f"{path}%" for path in private_paths])
        self._from = "FROM resources_servicesearchtext s WHERE " + " AND ".join(where)
        self._params = params
        self._rank = f"ts_rank(%s::float4[], s.vector, {query})"
        self._rank_params = [WEIGHTS_VALUES or DEFAULT_WEIGHTS, *query_params]

    def fetch(self, start: int, stop: int):
        sql = (
            f"SELECT s.service_id, COUNT(*) OVER () {self._from} "  # noqa: S608
            f"ORDER BY {self._rank} DESC, s.title, s.service_id LIMIT %s OFFSET %s"
        )
        params = [*self._params, *self._rank_params, stop - start, start]
        with connections[self.alias].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [pk for pk, _total in rows], (rows[0][1] if rows else None)

    def count(self) -> int:
        with connections[self.alias].cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) {self._from}", self._params)  # noqa: S608
            return cursor.fetchone()[0]


class PagedIds:
    """The ids of one page of results, and the total, for Django's Paginator.

    The Paginator asks for the count, then for a slice. The count comes with
    the slice the visitor asked for (``window``), in one query; a slice
    outside it (the Paginator falls back to the last page for a page number
    past the end) costs one more query, as does the count when the asked-for
    page is past the end. ``fetch(start, stop)`` returns ``(ids, total or
    None when there is no row)``.
    """

    def __init__(self, *, fetch, count, window: tuple[int, int]):
        self._fetch = fetch
        self._count = count
        self._window = window
        self._ids = None
        self._total = None

    def count(self) -> int:
        if self._total is None:
            self._ids, total = self._fetch(*self._window)
            if total is None:
                total = 0 if self._window[0] == 0 else self._count()
            self._total = total
        return self._total

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("PagedIds only supports slices")
        start, stop = self._window
        if self._ids is not None and start <= key.start and key.stop <= stop:
            return self._ids[key.start - start : key.stop - start]
        return self._fetch(key.start, key.stop)[0]


def by_name(services):
    """``fetch`` and ``count`` for the search without words: listed services
    matching the filters, by name, with the total from the same query."""
    rows = services.annotate(total=Window(Count("pk"))).order_by("title", "pk")
    rows = rows.values_list("pk", "total")

    def fetch(start, stop):
        found = list(rows[start:stop])
        return [pk for pk, _total in found], (found[0][1] if found else None)

    return fetch, services.count
