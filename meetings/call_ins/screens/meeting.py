"""Call-in screens: the meeting and after (ready, check-in, closing, outcomes).

* Ready, the closing report and closing are the host's (403 for the other
  participating agencies, 404 for everyone else). A refusal names who is
  missing on the page itself (never in a cookie-stored message).
* The door check-in lists every invitee as the viewer may see them; each
  person they may see has a small form of their own (attended or not, who
  came with them), usable on a tablet. Recording it needs to see the
  person: 404 otherwise, like every invitee URL.
* Outcomes, referrals and follow-ups are written on the invitee's page by
  participants who see the person; activating the banked case goes through
  the workspace's ``case_status_change`` (``outcomes.follow_up_record``).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from agencies.services.records import WorkspaceError
from agencies.workspace.access import audit_read, workspace_view
from meetings.call_ins import meeting, outcomes
from meetings.call_ins.screens.access import call_in_for
from meetings.call_ins.screens.forms_invitees import (
    CheckInForm,
    ClosingReportForm,
    FollowUpForm,
    OutcomeForm,
    ReferralForm,
    ReferralStatusForm,
)
from meetings.call_ins.screens.invitees import (
    back_to_call_in,
    call_in_url,
    invitee_for,
    invitee_write,
)
from meetings.call_ins.selectors import invitees_for_call_in
from meetings.choices import Attendance, CallInStatus
from meetings.models import ClosingReport


def figures(rows) -> dict:
    """Attendance so far, counted from the rows already loaded."""
    invitees = [row.invitee for row in rows]
    attended = sum(1 for i in invitees if i.attendance == Attendance.ATTENDED)
    no_show = sum(1 for i in invitees if i.attendance == Attendance.NO_SHOW)
    return {
        "invited": len(invitees),
        "attended": attended,
        "no_show": no_show,
        "accompanied": sum(1 for i in invitees if i.came_with),
        "unrecorded": len(invitees) - attended - no_show,
    }


def _step_page(request, call_in, *, template, view, error="", **context):
    rows = invitees_for_call_in(user=request.user, call_in=call_in)
    audit_read(request, call_in, view=view)
    return render(
        request,
        template,
        {
            "call_in": call_in,
            "call_in_url": call_in_url(call_in),
            "rows": rows,
            "figures": figures(rows),
            "error": error,
            **context,
        },
    )


@workspace_view
def call_in_ready(request, pk):
    """Scheduled → ready; refused, naming who, while a plan is not agreed."""
    call_in = call_in_for(request, pk, manage=True)
    error = ""
    if request.method == "POST":
        try:
            meeting.call_in_mark_ready(
                call_in=call_in, by=request.user, request=request
            )
        except WorkspaceError as refused:
            error = str(refused)
            call_in.refresh_from_db()
        else:
            messages.success(request, _("The call-in is ready."))
            return back_to_call_in(call_in)
    return _step_page(
        request,
        call_in,
        template="meetings/call_ins/meeting/ready.html",
        view="call_in_ready",
        error=error,
    )


# --- check-in at the door --------------------------------------------------------


def _check_in_page(request, call_in, *, bound=None):
    rows = invitees_for_call_in(user=request.user, call_in=call_in)
    entries = []
    for row in rows:
        form = None
        if row.details_visible:
            invitee = row.invitee
            form = (bound or {}).get(invitee.pk) or CheckInForm(
                initial={
                    "attendance": invitee.attendance,
                    "came_with": invitee.came_with,
                },
                auto_id=f"id_check_in_{invitee.pk}_%s",
            )
        entries.append((row, form))
    audit_read(request, call_in, view="check_in")
    return render(
        request,
        "meetings/call_ins/meeting/check_in.html",
        {
            "call_in": call_in,
            "call_in_url": call_in_url(call_in),
            "entries": entries,
            "figures": figures(rows),
            "open": call_in.status in (CallInStatus.READY, CallInStatus.HELD),
        },
    )


@workspace_view
def check_in(request, pk):
    """Every participant sees the list; forms for the people they may see."""
    return _check_in_page(request, call_in_for(request, pk))


@workspace_view
def check_in_record(request, pk):
    invitee = invitee_for(request, pk)
    call_in = invitee.call_in
    if request.method != "POST":
        return redirect("call_ins:check_in", call_in.pk)
    form = CheckInForm(request.POST, auto_id=f"id_check_in_{invitee.pk}_%s")
    if form.is_valid():
        try:
            meeting.call_in_check_in(
                invitee=invitee,
                by=request.user,
                attendance=form.cleaned_data["attendance"],
                came_with=form.cleaned_data["came_with"],
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Invitee #%(number)s checked in.") % {"number": invitee.number},
            )
            url = reverse("call_ins:check_in", args=[call_in.pk])
            return redirect(f"{url}#invitee-{invitee.number}")
    call_in.refresh_from_db()
    return _check_in_page(request, call_in, bound={invitee.pk: form})


# --- closing -----------------------------------------------------------------------


@workspace_view
def closing_report(request, pk):
    """The host writes what was said and which agencies were there."""
    call_in = call_in_for(request, pk, manage=True)
    report = ClosingReport.objects.filter(call_in=call_in).first()
    initial = {}
    if report is not None:
        initial = {
            "what_was_said": report.what_was_said,
            "agencies_present": list(
                report.agencies_present.values_list("pk", flat=True)
            ),
        }
    form = ClosingReportForm(request.POST or None, call_in=call_in, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting.closing_report_save(
                call_in=call_in,
                by=request.user,
                what_was_said=form.cleaned_data["what_was_said"],
                agencies_present=list(form.cleaned_data["agencies_present"]),
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Closing report saved."))
            return redirect("call_ins:close", call_in.pk)
    return _step_page(
        request,
        call_in,
        template="meetings/call_ins/meeting/closing_report.html",
        view="closing_report",
        form=form,
        report=report,
    )


@workspace_view
def call_in_close(request, pk):
    """Held → closed; refused, naming who, while attendance is not recorded."""
    call_in = call_in_for(request, pk, manage=True)
    error = ""
    if request.method == "POST":
        try:
            meeting.call_in_close(call_in=call_in, by=request.user, request=request)
        except WorkspaceError as refused:
            error = str(refused)
        else:
            messages.success(request, _("The call-in is closed."))
            return back_to_call_in(call_in)
    return _step_page(
        request,
        call_in,
        template="meetings/call_ins/meeting/close.html",
        view="call_in_close",
        error=error,
        report=ClosingReport.objects.filter(call_in=call_in).first(),
    )


# --- after the meeting: outcome, referrals, follow-ups ------------------------------


@workspace_view
def outcome_record(request, pk):
    return invitee_write(
        request,
        invitee_for(request, pk),
        form_key="outcome_form",
        make_form=lambda i, data: OutcomeForm(data, auto_id="id_outcome_%s"),
        write=lambda i, d: outcomes.invitee_outcome_record(
            invitee=i, by=request.user, outcome=d["outcome"], request=request
        ),
        message=_("Outcome recorded."),
        anchor="outcome",
    )


@workspace_view
def referral_add(request, pk):
    return invitee_write(
        request,
        invitee_for(request, pk),
        form_key="referral_form",
        make_form=lambda i, data: ReferralForm(data, auto_id="id_referral_%s"),
        write=lambda i, d: outcomes.referral_create(
            invitee=i, by=request.user, request=request, **d
        ),
        message=_("Referral recorded."),
        anchor="referrals",
    )


@workspace_view
def referral_status(request, pk, referral_pk):
    invitee = invitee_for(request, pk)
    referral = get_object_or_404(invitee.referrals, pk=referral_pk)
    return invitee_write(
        request,
        invitee,
        form_key="referral_status_form",
        make_form=lambda i, data: ReferralStatusForm(data, referral=referral),
        write=lambda i, d: outcomes.referral_status_update(
            referral=referral,
            by=request.user,
            to_status=d["to_status"],
            request=request,
        ),
        message=_("Referral status changed."),
        anchor="referrals",
    )


@workspace_view
def follow_up_add(request, pk):
    def write(invitee, data):
        outcomes.follow_up_record(
            invitee=invitee,
            by=request.user,
            kind=data["kind"],
            at=data["at"],
            notes=data["notes"],
            activate_case=data["activate_case"],
            activation_reason=data["activation_reason"],
            request=request,
        )

    return invitee_write(
        request,
        invitee_for(request, pk),
        form_key="follow_up_form",
        make_form=lambda i, data: FollowUpForm(
            data, user=request.user, invitee=i, auto_id="id_follow_up_%s"
        ),
        write=write,
        message=_("Follow-up recorded."),
        anchor="follow-ups",
    )


urlpatterns = [
    path("<int:pk>/ready/", call_in_ready, name="ready"),
    path("<int:pk>/check-in/", check_in, name="check_in"),
    path("invitees/<int:pk>/check-in/", check_in_record, name="check_in_record"),
    path("<int:pk>/closing-report/", closing_report, name="closing_report"),
    path("<int:pk>/close/", call_in_close, name="close"),
    path("invitees/<int:pk>/outcome/", outcome_record, name="outcome"),
    path("invitees/<int:pk>/referrals/add/", referral_add, name="referral_add"),
    path(
        "invitees/<int:pk>/referrals/<int:referral_pk>/status/",
        referral_status,
        name="referral_status",
    ),
    path("invitees/<int:pk>/follow-ups/add/", follow_up_add, name="follow_up_add"),
]
