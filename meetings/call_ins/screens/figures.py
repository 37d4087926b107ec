"""Call-in screens: market figures (invited, attended, referred, engaged, activated).

Counts of people per market the viewer may see, from
``selectors.market_call_in_figures`` (two queries for a page of markets).
The market page shows the same figures through ``call_in_tags``.
"""

from django.shortcuts import render
from django.urls import path

from agencies.models import AuditAction, Market
from agencies.permissions import visible
from agencies.selectors.records import paginate
from agencies.workspace.access import audit_read, workspace_view
from meetings.call_ins.selectors import FIGURE_NAMES, market_call_in_figures

PAGE_SIZE = 25


@workspace_view
def market_figures(request):
    markets = visible(Market, user=request.user).order_by("name", "pk")
    page = paginate(markets, page=request.GET.get("page"), per_page=PAGE_SIZE)
    figures = market_call_in_figures(
        user=request.user, market_ids=[market.pk for market in page.object_list]
    )
    rows = [
        {
            "market": market,
            "figures": [figures[market.pk][name] for name in FIGURE_NAMES],
        }
        for market in page.object_list
    ]
    audit_read(
        request,
        None,
        action=AuditAction.RECORD_LISTED,
        list="call_in_figures",
        page=page.number,
        shown=len(rows),
    )
    return render(
        request,
        "meetings/call_ins/figures/list.html",
        {"rows": rows, "page_obj": page, "extra_query": ""},
    )


urlpatterns = [path("figures/", market_figures, name="figures")]
