"""Header navigation and breadcrumbs for public pages."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, trail=None):
    """Breadcrumbs from the site root to ``page``, or an explicit ``trail``.

    ``trail`` is a list of (title, url) pairs for views that are not pages; the
    last item is the current page and is not linked.
    """
    request = context.get("request")
    crumbs = []
    if page is not None:
        ancestors = page.get_ancestors(inclusive=True).filter(depth__gt=1).specific()
        crumbs = [(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors]
    elif trail:
        home = _site_root(request)
        crumbs = [(home.title, home.get_url(request))] if home else []
        crumbs += list(trail)
    return {"crumbs": crumbs}


@register.simple_tag(takes_context=True)
def site_root(context):
    return _site_root(context.get("request"))


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page.specific if site else None


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """The home page's live children that editors marked 'show in menus'."""
    root = _site_root(context.get("request"))
    if root is None:
        return Page.objects.none()
    return root.get_children().live().public().in_menu()
