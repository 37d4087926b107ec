"""The directory search on PostgreSQL: one query for a page of ids and the total.

Wagtail's backend would match and rank against its wide index rows and then
count the matches in a second query, both over every match (a third of the
directory for a common word). Here the match goes through the GIN index of
the narrow ``ServiceSearchText`` copy, the rank is ``ts_rank`` over that one
vector with Wagtail's own field weights, and ``COUNT(*) OVER ()`` gives the
number of matches in the same query as the page of ids: the database ranks
and counts the matches once, and sends back twenty rows.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import Count, F, Window
from wagtail.search.backends import get_search_backend

# Wagtail's weights for the A-D labels its index gives each field (from the
# boosts in ``search_fields``), filled when the apps are ready.
from wagtail.search.backends.database.postgres.weights import WEIGHTS_VALUES

DEFAULT_WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # PostgreSQL's own, for D, C, B, A
_database_configs = {}  # alias -> default_text_search_config, read once


def ranked_ids(services, words: str):
    """``(rows, matching)``: the ordered ``(pk, total)`` rows to slice, and the
    plain queryset of the matches (for a count when a page is past the end).

    ``services`` is the filtered queryset of listed services; without words
    the order is by name. The text configuration is the one Wagtail indexed
    with (its ``SEARCH_CONFIG``, else the database default), so the words are
    stemmed the same way as the index.
    """
    total = Window(Count("pk"))
    if not words:
        return services.annotate(total=total).order_by("title", "pk"), services
    query = SearchQuery(words, search_type="plain", config=search_config(services.db))
    rank = SearchRank(
        F("search_text__vector"), query, weights=WEIGHTS_VALUES or DEFAULT_WEIGHTS
    )
    matching = services.filter(search_text__vector=query)
    rows = matching.annotate(rank=rank, total=total)
    return rows.order_by(F("rank").desc(), "title", "pk"), matching


def search_config(alias: str) -> str:
    """The text search configuration Wagtail's index was built with.

    Named in the query, never left to the server's default: with a literal
    configuration ``plainto_tsquery`` is immutable, so the planner reads the
    words when planning and estimates how many services match from the
    index statistics (a third of them for "recovery") instead of guessing a
    few dozen and choosing nested loops.
    """
    configured = get_search_backend().config
    if configured:
        return configured
    if alias not in _database_configs:
        with connections[alias].cursor() as cursor:
            cursor.execute("SHOW default_text_search_config")
            _database_configs[alias] = cursor.fetchone()[0]
    return _database_configs[alias]


class PagedIds:
    """The ids of one page of results, and the total, for Django's Paginator.

    The Paginator asks for the count, then for a slice. The count comes with
    the slice the visitor asked for (``window``), in one query; a different
    slice (the Paginator falls back to the last page for a page number past
    the end) costs one more query, as does the count when the asked-for page
    is past the end.
    """

    def __init__(self, rows, *, matching, window: tuple[int, int]):
        self._rows = rows.values_list("pk", "total")  # ordered, annotated
        self._matching = matching  # the same filters, unannotated, for a count
        self._window = window
        self._ids = None
        self._total = None

    def _fetch(self, start, stop):
        rows = list(self._rows[start:stop])
        return [pk for pk, _total in rows], (rows[0][1] if rows else None)

    def count(self) -> int:
        if self._total is None:
            self._ids, total = self._fetch(*self._window)
            if total is None:
                total = 0 if self._window[0] == 0 else self._matching.count()
            self._total = total
        return self._total

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("PagedIds only supports slices")
        if self._ids is not None and (key.start, key.stop) == self._window:
            return self._ids
        return self._fetch(key.start, key.stop)[0]
