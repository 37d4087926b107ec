"""Call-in blocks on workspace pages that ``agencies`` renders without importing us."""

from django import template

from meetings.call_ins.selectors import FIGURE_NAMES, market_call_in_figures

register = template.Library()


@register.inclusion_tag(
    "meetings/call_ins/figures/_market_block.html", takes_context=True
)
def market_call_in_figures_block(context, market):
    """The market's call-in figures for the viewer (none if they may not see it)."""
    request = context["request"]
    figures = market_call_in_figures(user=request.user, market_ids=[market.pk])
    counts = figures.get(market.pk)
    return {
        "market": market,
        "figures": [counts[name] for name in FIGURE_NAMES] if counts else None,
    }
