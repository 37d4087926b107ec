"""Workspace screens: markets (list, page, new market, phase and dates, partners).

A market is visible to its lead agency and its partners (``permissions``).
Anything the viewer may not see answers 404, POSTs included; a write their
role forbids on a market they can see answers 403. Every page is audited as
a read; the services audit every write.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from agencies.models import AuditAction, Market
from agencies.permissions import can_change, can_share, get_visible_or_404
from agencies.selectors.records import market_detail, market_list, paginate
from agencies.services.records import (
    WorkspaceError,
    market_create,
    market_partner_add,
    market_partner_remove,
    market_schedule_update,
)
from agencies.workspace.access import audit_read, workspace_view
from agencies.workspace.forms.records import (
    MarketFilterForm,
    MarketForm,
    MarketScheduleForm,
    PartnerAddForm,
    PartnerRemoveForm,
)

PAGE_SIZE = 25


def list_page(request, *, form, rows, name, filters: dict, template, **context):
    """Render one page of a record list and audit it as a listing.

    A bad filter shows its error (200), never the unfiltered list. The audit
    entry holds the filters as ids and codes; a search text is never logged
    (it is usually a person's name), only that there was one.
    """
    page = None
    if not form.errors:
        page = paginate(rows, page=request.GET.get("page"), per_page=PAGE_SIZE)
    logged = {
        key: (bool(value) if key == "search" else getattr(value, "pk", value))
        for key, value in sorted(filters.items())
        if value
    }
    audit_read(
        request,
        None,
        action=AuditAction.RECORD_LISTED,
        list=name,
        page=page.number if page else None,
        filters=logged,
        shown=len(page.object_list) if page else 0,
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        template,
        {
            "form": form,
            "page_obj": page,
            "filtered": bool(logged),
            "extra_query": query.urlencode(),
            **context,
        },
    )


@workspace_view
def markets(request):
    form = MarketFilterForm(request.GET or None)
    phase = form.cleaned_data["phase"] if form.is_bound and form.is_valid() else ""
    return list_page(
        request,
        form=form,
        rows=market_list(user=request.user, phase=phase),
        name="market",
        filters={"phase": phase},
        template="agencies/workspace/markets/list.html",
    )


@workspace_view
def market(request, pk):
    context = market_detail(user=request.user, pk=pk)
    audit_read(request, context["market"])
    return render(request, "agencies/workspace/markets/detail.html", context)


@workspace_view
def market_new(request):
    """Any agency's staff may start a market; their agency leads it."""
    form = MarketForm(request.POST or None, lead_agency=request.agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = market_create(
                by=request.user,
                request=request,
                partners=list(data["partners"]),
                name=data["name"],
                neighborhood=data["neighborhood"],
                selection_reasons=data["selection_reasons"],
                **form.schedule(),
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Market created. Your agency leads it."))
            return redirect("workspace:market", created.pk)
    audit_read(request, None, view="market_create")
    return render(request, "agencies/workspace/markets/new.html", {"form": form})


def _market_for_write(request, pk, allowed) -> Market:
    """404 if the viewer cannot see the market, 403 if the rule says no."""
    record = get_visible_or_404(
        Market,
        user=request.user,
        pk=pk,
        queryset=Market.objects.select_related("lead_agency"),
    )
    if not allowed(request.user, record):
        raise PermissionDenied
    return record


@workspace_view
def market_edit(request, pk):
    """Phase and key dates: the lead agency's staff."""
    record = _market_for_write(request, pk, can_change)
    initial = {name: getattr(record, name) for name in MarketScheduleForm.base_fields}
    form = MarketScheduleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            market_schedule_update(
                market=record, by=request.user, request=request, **form.schedule()
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Phase and dates saved."))
            return redirect("workspace:market", record.pk)
    audit_read(request, record, view="market_edit")
    return render(
        request,
        "agencies/workspace/markets/edit.html",
        {"form": form, "market": record},
    )


def _partner_page(request, record, *, add_form=None, remove_form=None):
    partner_ids = list(record.partners.values_list("pk", flat=True))
    audit_read(request, record, view="market_partners")
    return render(
        request,
        "agencies/workspace/markets/partners.html",
        {
            "market": record,
            "partners": record.partners.order_by("name"),
            "add_form": add_form
            or PartnerAddForm(
                market=record, partner_ids=partner_ids, auto_id="id_add_%s"
            ),
            "remove_form": remove_form
            or PartnerRemoveForm(partner_ids=partner_ids, auto_id="id_remove_%s"),
        },
    )


@workspace_view
def market_partner_add_view(request, pk):
    """Leads of the lead agency add a partner, saying why it needs to know."""
    record = _market_for_write(request, pk, can_share)
    if request.method != "POST":
        return _partner_page(request, record)
    partner_ids = list(record.partners.values_list("pk", flat=True))
    form = PartnerAddForm(
        request.POST, market=record, partner_ids=partner_ids, auto_id="id_add_%s"
    )
    if form.is_valid():
        try:
            market_partner_add(
                market=record,
                agency=form.cleaned_data["agency"],
                by=request.user,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Partner added: they now see the market."))
            return redirect("workspace:market_partners", record.pk)
    return _partner_page(request, record, add_form=form)


@workspace_view
def market_partner_remove_view(request, pk):
    record = _market_for_write(request, pk, can_share)
    if request.method != "POST":
        return _partner_page(request, record)
    partner_ids = list(record.partners.values_list("pk", flat=True))
    form = PartnerRemoveForm(
        request.POST, partner_ids=partner_ids, auto_id="id_remove_%s"
    )
    if form.is_valid():
        try:
            market_partner_remove(
                market=record,
                agency=form.cleaned_data["agency"],
                by=request.user,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Partner removed: they no longer see it."))
            return redirect("workspace:market_partners", record.pk)
    return _partner_page(request, record, remove_form=form)


@workspace_view
def market_partners(request, pk):
    return _partner_page(request, _market_for_write(request, pk, can_share))


urlpatterns = [
    path("markets/", markets, name="markets"),
    path("markets/new/", market_new, name="market_create"),
    path("markets/<int:pk>/", market, name="market"),
    path("markets/<int:pk>/edit/", market_edit, name="market_edit"),
    path("markets/<int:pk>/partners/", market_partners, name="market_partners"),
    path(
        "markets/<int:pk>/partners/add/",
        market_partner_add_view,
        name="market_partner_add",
    ),
    path(
        "markets/<int:pk>/partners/remove/",
        market_partner_remove_view,
        name="market_partner_remove",
    ),
]
