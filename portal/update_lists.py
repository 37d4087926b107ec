"""Update lists that name each update's neighborhood without a query per row."""

from wagtail.models import Page


def with_neighborhood_titles(updates) -> list:
    """Evaluate ``updates`` and set ``neighborhood_title`` on each, in one query.

    An update's neighborhood is its parent page; asking each row for
    ``get_parent()`` costs one query per update on the home page.
    """
    updates = list(updates)
    parent_paths = {update.path[: -Page.steplen] for update in updates}
    titles = dict(
        Page.objects.filter(path__in=parent_paths).values_list("path", "title")
    )
    for update in updates:
        update.neighborhood_title = titles.get(update.path[: -Page.steplen], "")
    return updates
