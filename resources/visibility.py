"""Which pages the public may see: outside every section with a view restriction.

Wagtail's ``public()`` reads the restrictions each time it is called; a
search results page needs them for the form's neighborhoods, the services and
the directory page, so the view reads them once and passes them on.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction


def private_paths() -> list[str]:
    """Tree paths of the pages with a view restriction (their subtrees too)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def private_q(paths) -> Q:
    """Pages under any of ``paths``, like Wagtail's ``PageQuerySet.private_q``."""
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])  # matches nothing: exclude() keeps all
