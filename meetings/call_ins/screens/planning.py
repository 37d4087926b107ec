"""Call-in screens: planning (list, new draft, page, details, schedule, cancel,
participating agencies, staff attendees and their replies, agenda).

A call-in the viewer's agency does not take part in answers 404, exactly
like a missing id, POSTs included; a write only the host may make answers
403 to the other participants. Every page is audited as a read; the services
audit every write. Clashes (same place, staff or person at the same time)
are warnings shown on the call-in's page, never a refusal.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency, Market
from agencies.permissions import visible
from agencies.services.records import WorkspaceError
from agencies.workspace.access import audit_read, workspace_view
from agencies.workspace.markets import list_page
from meetings.call_ins import scheduling, staff
from meetings.call_ins.conflicts import call_in_conflicts_for
from meetings.call_ins.permissions import can_manage, is_staff_attendee
from meetings.call_ins.screens.access import call_in_for, require_manager
from meetings.call_ins.screens.forms_planning import (
    AgencyAddForm,
    AgencyRemoveForm,
    AgendaItemForm,
    CallInDetailsForm,
    CallInFilterForm,
    CallInForm,
    CancelForm,
    ReplyForm,
    StaffAddForm,
)
from meetings.call_ins.selectors import (
    call_ins_visible_to,
    invitees_for_call_in,
)
from meetings.choices import CallInStatus, OnSiteService
from meetings.models import AgendaItem, StaffAttendee
from meetings.models.call_ins import OPEN_STATUSES

TEMPLATES = "meetings/call_ins/planning/"
EDITABLE = (*OPEN_STATUSES, CallInStatus.HELD)
AGENDA_FIELDS = ("order", "speaker", "topic", "minutes")


def _to_page(call_in):
    return redirect("call_ins:detail", call_in.pk)


def _call_in_row(request, pk, model, row_pk):
    """The call-in and one of its rows (staff attendee, agenda item).

    404 for a call-in the viewer may not see or a row not in it, before 403
    for a viewer who is not the host.
    """
    call_in = call_in_for(request, pk)
    row = get_object_or_404(model, pk=row_pk, call_in=call_in)
    require_manager(request, call_in)
    return call_in, row


def _saved(request, form, *, write, message) -> bool:
    """A valid POST of ``form`` handed to ``write(data)`` (an audited service).

    True once written, with ``message`` queued; False leaves ``form`` with its
    errors or the service's refusal, nothing changed.
    """
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        write(form.cleaned_data)
    except WorkspaceError as error:
        form.add_error(None, str(error))
        return False
    messages.success(request, message)
    return True


def call_in_write(request, call_in, *, form_key, make_form, service, message):
    """The pattern of every form posted from the call-in's page.

    GET goes back to the page; POST binds ``make_form(request.POST)``, calls
    ``service(call_in=, by=, request=, **cleaned_data)`` (an audited write) and
    goes back to the page, or shows the page again with the bound form under
    ``form_key`` (its errors, or the service's refusal).
    """
    if request.method != "POST":
        return _to_page(call_in)
    form = make_form(request.POST)
    if _saved(
        request,
        form,
        write=lambda data: service(
            call_in=call_in, by=request.user, request=request, **data
        ),
        message=message,
    ):
        return _to_page(call_in)
    return _detail_page(request, call_in, **{form_key: form})


def call_in_action(request, call_in, *, write, message):
    """A button on the call-in's page with no form: ``write()`` on POST, then back.

    The service's refusal is shown as an error message on the page.
    """
    if request.method == "POST":
        try:
            write()
        except WorkspaceError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, message)
    return _to_page(call_in)


# --- list ----------------------------------------------------------------------


@workspace_view
def call_in_list(request):
    form = CallInFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    rows = call_ins_visible_to(user=request.user).select_related(
        "market", "host_agency"
    )
    rows = rows.prefetch_related(
        Prefetch("agencies", queryset=Agency.objects.order_by("name"))
    )
    now = timezone.now()
    if filters["when"] == "past":
        rows = rows.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    else:
        rows = rows.filter(ends_at__gt=now).order_by("starts_at", "pk")
    if filters.get("market"):
        rows = rows.filter(market=filters["market"])
    if filters.get("status"):
        rows = rows.filter(status=filters["status"])
    return list_page(
        request,
        form=form,
        rows=rows,
        name="call_in",
        filters={key: value for key, value in filters.items() if key != "when"},
        template=TEMPLATES + "list.html",
        when=filters["when"],
        can_create=visible(Market, user=request.user).exists(),
    )


# --- new, change, schedule, cancel ---------------------------------------------


@workspace_view
def call_in_new(request):
    """A draft hosted by the viewer's agency, in a market it may see."""
    form = CallInForm(request.POST or None, user=request.user, host=request.agency)
    if request.method == "POST" and form.is_valid():
        try:
            created = scheduling.call_in_create(
                by=request.user,
                request=request,
                market=form.cleaned_data["market"],
                agencies=list(form.cleaned_data["agencies"]),
                **form.details(),
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Call-in saved as a draft."))
            return _to_page(created.call_in)
    audit_read(request, None, view="call_in_create")
    return render(request, TEMPLATES + "new.html", {"form": form})


@workspace_view
def call_in_edit(request, pk):
    """Host only. A new time or place raises the sequence and tells the staff."""
    call_in = call_in_for(request, pk, manage=True)
    form = CallInDetailsForm(
        request.POST or None, initial=CallInDetailsForm.initial_for(call_in)
    )
    if _saved(
        request,
        form,
        write=lambda data: scheduling.call_in_update(
            call_in=call_in, by=request.user, request=request, **form.details()
        ),
        message=_("Call-in saved."),
    ):
        return _to_page(call_in)
    audit_read(request, call_in, view="call_in_edit")
    return render(request, TEMPLATES + "edit.html", {"form": form, "call_in": call_in})


@workspace_view
def call_in_schedule(request, pk):
    """Host only: draft → scheduled, after a confirmation page."""
    call_in = call_in_for(request, pk, manage=True)
    error = ""
    if request.method == "POST":
        try:
            scheduling.call_in_schedule(
                call_in=call_in, by=request.user, request=request
            )
        except WorkspaceError as refused:
            error = str(refused)
        else:
            messages.success(
                request, _("Call-in scheduled. The staff attendees were told.")
            )
            return _to_page(call_in)
    audit_read(request, call_in, view="call_in_schedule")
    return render(
        request, TEMPLATES + "schedule.html", {"call_in": call_in, "error": error}
    )


@workspace_view
def call_in_cancel(request, pk):
    """Host only, with a reason, after a confirmation page."""
    call_in = call_in_for(request, pk, manage=True)
    form = CancelForm(request.POST or None)
    if _saved(
        request,
        form,
        write=lambda data: scheduling.call_in_cancel(
            call_in=call_in, by=request.user, reason=data["reason"], request=request
        ),
        message=_("Call-in cancelled."),
    ):
        return _to_page(call_in)
    audit_read(request, call_in, view="call_in_cancel")
    return render(
        request, TEMPLATES + "cancel.html", {"form": form, "call_in": call_in}
    )


# --- the call-in's page --------------------------------------------------------


def _staff_rows(call_in):
    rows = []
    attendees = call_in.staff_attendees.select_related(
        "user__membership__agency"
    ).order_by("pk")
    for attendee in attendees:
        person = attendee.user
        membership = getattr(person, "membership", None)
        rows.append(
            {
                "attendee": attendee,
                "name": person.get_full_name() or person.get_username(),
                "agency": membership.agency.name if membership else "",
            }
        )
    return rows


def _detail_page(request, call_in, **forms):
    """The call-in's page; ``forms`` replace the blank ones (bound, with errors)."""
    user = request.user
    manage = can_manage(user, call_in)
    agencies = list(call_in.agencies.order_by("name"))
    participant_ids = [agency.pk for agency in agencies]
    staff_rows = _staff_rows(call_in)
    mine = next(
        (row["attendee"] for row in staff_rows if row["attendee"].user_id == user.pk),
        None,
    )
    status = call_in.status
    is_open = status in OPEN_STATUSES
    context = {
        "call_in": call_in,
        "call_in_status": status,
        "can_manage": manage,
        "is_open": is_open,
        "agencies": agencies,
        "staff_rows": staff_rows,
        "my_attendee": mine,
        "agenda_items": list(call_in.agenda_items.all()),
        "invitee_rows": invitees_for_call_in(user=user, call_in=call_in),
        "conflicts": call_in_conflicts_for(call_in, viewer=user) if is_open else [],
        "services_on_site": _services_labels(call_in),
        "reply_form": None,
    }
    if mine is not None and (is_open or "reply_form" in forms):
        context["reply_form"] = forms.get("reply_form") or ReplyForm(
            initial={"reply": mine.reply}
        )
    if manage:
        if status in EDITABLE:
            context["agency_add_form"] = forms.get("agency_add_form") or AgencyAddForm(
                participant_ids=participant_ids
            )
            context["agenda_form"] = forms.get("agenda_form") or AgendaItemForm()
        if is_open:
            if len(participant_ids) > 1:
                context["agency_remove_form"] = forms.get(
                    "agency_remove_form"
                ) or AgencyRemoveForm(
                    participant_ids=participant_ids, host_id=call_in.host_agency_id
                )
            context["staff_add_form"] = forms.get("staff_add_form") or StaffAddForm(
                participant_ids=participant_ids,
                attendee_user_ids=[row["attendee"].user_id for row in staff_rows],
            )
    audit_read(request, call_in)
    return render(request, TEMPLATES + "detail.html", context)


def _services_labels(call_in):
    labels = dict(OnSiteService.choices)
    return [labels.get(code, code) for code in call_in.services_on_site]


@workspace_view
def call_in_detail(request, pk):
    return _detail_page(request, call_in_for(request, pk))


# --- participating agencies -----------------------------------------------------


def _participant_ids(call_in):
    return list(call_in.agencies.values_list("pk", flat=True))


@workspace_view
def agency_add(request, pk):
    call_in = call_in_for(request, pk, manage=True)
    return call_in_write(
        request,
        call_in,
        form_key="agency_add_form",
        make_form=lambda data: AgencyAddForm(
            data, participant_ids=_participant_ids(call_in)
        ),
        service=scheduling.call_in_agency_add,
        message=_("Agency added: its staff now see the call-in."),
    )


@workspace_view
def agency_remove(request, pk):
    call_in = call_in_for(request, pk, manage=True)
    return call_in_write(
        request,
        call_in,
        form_key="agency_remove_form",
        make_form=lambda data: AgencyRemoveForm(
            data,
            participant_ids=_participant_ids(call_in),
            host_id=call_in.host_agency_id,
        ),
        service=scheduling.call_in_agency_remove,
        message=_("Agency removed: its staff no longer see the call-in."),
    )


# --- staff attendees and replies ------------------------------------------------


@workspace_view
def staff_add(request, pk):
    call_in = call_in_for(request, pk, manage=True)
    return call_in_write(
        request,
        call_in,
        form_key="staff_add_form",
        make_form=lambda data: StaffAddForm(
            data,
            participant_ids=_participant_ids(call_in),
            attendee_user_ids=list(
                call_in.staff_attendees.values_list("user_id", flat=True)
            ),
        ),
        service=staff.staff_attendee_add,
        message=_("Staff member added."),
    )


@workspace_view
def staff_remove(request, pk, attendee_pk):
    call_in, attendee = _call_in_row(request, pk, StaffAttendee, attendee_pk)
    return call_in_action(
        request,
        call_in,
        write=lambda: staff.staff_attendee_remove(
            attendee=attendee, by=request.user, request=request
        ),
        message=_("Staff member removed from the list."),
    )


@workspace_view
def reply(request, pk):
    """A staff attendee answers for themselves; others may not (403)."""
    call_in = call_in_for(request, pk)
    if not is_staff_attendee(request.user, call_in):
        raise PermissionDenied
    return call_in_write(
        request,
        call_in,
        form_key="reply_form",
        make_form=ReplyForm,
        service=staff.staff_attendee_reply,
        message=_("Your reply was saved."),
    )


# --- agenda ----------------------------------------------------------------------


@workspace_view
def agenda_add(request, pk):
    call_in = call_in_for(request, pk, manage=True)
    return call_in_write(
        request,
        call_in,
        form_key="agenda_form",
        make_form=AgendaItemForm,
        service=staff.agenda_item_add,
        message=_("Agenda item added."),
    )


@workspace_view
def agenda_edit(request, pk, item_pk):
    call_in, item = _call_in_row(request, pk, AgendaItem, item_pk)
    initial = {name: getattr(item, name) for name in AGENDA_FIELDS}
    form = AgendaItemForm(request.POST or None, initial=initial, require_order=True)
    if _saved(
        request,
        form,
        write=lambda data: staff.agenda_item_update(
            item=item, by=request.user, request=request, **data
        ),
        message=_("Agenda item saved."),
    ):
        return _to_page(call_in)
    audit_read(request, call_in, view="agenda_item_edit", item_id=item.pk)
    return render(
        request,
        TEMPLATES + "agenda_edit.html",
        {"form": form, "call_in": call_in, "item": item},
    )


@workspace_view
def agenda_remove(request, pk, item_pk):
    call_in, item = _call_in_row(request, pk, AgendaItem, item_pk)
    return call_in_action(
        request,
        call_in,
        write=lambda: staff.agenda_item_remove(
            item=item, by=request.user, request=request
        ),
        message=_("Agenda item removed."),
    )


urlpatterns = [
    path("", call_in_list, name="list"),
    path("new/", call_in_new, name="new"),
    path("<int:pk>/", call_in_detail, name="detail"),
    path("<int:pk>/edit/", call_in_edit, name="edit"),
    path("<int:pk>/schedule/", call_in_schedule, name="schedule"),
    path("<int:pk>/cancel/", call_in_cancel, name="cancel"),
    path("<int:pk>/agencies/add/", agency_add, name="agency_add"),
    path("<int:pk>/agencies/remove/", agency_remove, name="agency_remove"),
    path("<int:pk>/staff/add/", staff_add, name="staff_add"),
    path("<int:pk>/staff/<int:attendee_pk>/remove/", staff_remove, name="staff_remove"),
    path("<int:pk>/reply/", reply, name="reply"),
    path("<int:pk>/agenda/add/", agenda_add, name="agenda_add"),
    path("<int:pk>/agenda/<int:item_pk>/edit/", agenda_edit, name="agenda_edit"),
    path("<int:pk>/agenda/<int:item_pk>/remove/", agenda_remove, name="agenda_remove"),
]
