"""Call-in screens: invitees (invite, remove, the invitee's page and its writes).

A call-in's invitees are listed on the call-in page (the partial
``invitees/_panel.html``) as "Invitee #n", or by name to agencies that may
see the person. The invitee's own page, and every write about the person,
answers 404 unless the viewer's agency takes part in the call-in *and* may
see the subject in the workspace (``selectors.invitee_get_or_404``), POSTs
included; a write the viewer's role forbids (inviting or removing without
being the host, agreeing a plan without being a police or prosecutor lead)
answers 403. Every page is audited as a read, by ids only; the services
audit every write.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _

from agencies.services.records import WorkspaceError
from agencies.workspace.access import audit_read, workspace_view
from meetings.call_ins import invitations
from meetings.call_ins.invitations import NOT_BEFORE_THE_MEETING
from meetings.call_ins.outcomes import AFTER_THE_MEETING
from meetings.call_ins.permissions import can_agree_plan, can_manage
from meetings.call_ins.referrals import referrals_for_invitee
from meetings.call_ins.screens.access import call_in_for
from meetings.call_ins.screens.forms_invitees import (
    AttemptForm,
    FollowUpForm,
    InfluentialForm,
    InviteForm,
    OutcomeForm,
    PlanForm,
    ReferralForm,
    ReferralStatusForm,
    ReplyForm,
)
from meetings.call_ins.selectors import (
    invitee_get_or_404,
    invitee_label,
    subjects_invitable,
)
from meetings.models import Invitee

# --- shared by the invitee, meeting and letter screens ------------------------


def call_in_url(call_in) -> str:
    """The call-in's page, or "" while that screen does not exist."""
    try:
        return reverse("call_ins:detail", args=[call_in.pk])
    except NoReverseMatch:
        return ""


def back_to_call_in(call_in):
    return redirect(
        call_in_url(call_in) or reverse("call_ins:check_in", args=[call_in.pk])
    )


def invitee_for(request, pk) -> Invitee:
    """404 unless the viewer takes part in the call-in and may see the person."""
    return invitee_get_or_404(
        user=request.user,
        pk=pk,
        queryset=Invitee.objects.select_related("call_in__host_agency"),
    )


def invitee_page(request, invitee, *, bound=None, status=200):
    """The invitee's page; ``bound`` replaces one of the blank forms (with errors)."""
    user = request.user
    call_in = invitee.call_in
    after = call_in.status in AFTER_THE_MEETING
    referrals = referrals_for_invitee(invitee=invitee) if after else []
    forms = {
        "reply_form": ReplyForm(
            initial={"reply": invitee.reply}, auto_id="id_reply_%s"
        ),
        "influential_form": InfluentialForm(auto_id="id_influential_%s"),
        "attempt_form": AttemptForm(auto_id="id_attempt_%s"),
        "plan_form": PlanForm(
            initial={
                "if_absent": invitee.plan_if_absent,
                "if_dealing": invitee.plan_if_dealing,
            },
            auto_id="id_plan_%s",
        ),
        "outcome_form": OutcomeForm(
            initial={"outcome": invitee.outcome}, auto_id="id_outcome_%s"
        ),
        "referral_form": ReferralForm(auto_id="id_referral_%s") if after else None,
        "follow_up_form": FollowUpForm(
            user=user, invitee=invitee, auto_id="id_follow_up_%s"
        )
        if after
        else None,
    }
    status_forms = {r.pk: ReferralStatusForm(referral=r) for r in referrals}
    if bound:
        for key, form in bound.items():
            if key == "referral_status_form":
                status_forms[form.referral_pk] = form
            else:
                forms[key] = form
    audit_read(request, invitee, call_in_id=call_in.pk)
    context = {
        "invitee": invitee,
        "call_in": call_in,
        "call_in_url": call_in_url(call_in),
        "label": invitee_label(invitee, name_visible=True),
        "is_open": call_in.is_open,
        "after_meeting": after,
        "can_manage": can_manage(user, call_in),
        "can_agree_plan": can_agree_plan(user, invitee),
        "influentials": invitee.influentials.select_related("added_by"),
        "attempts": invitee.attempts.select_related("by"),
        "referrals": [(r, status_forms[r.pk]) for r in referrals],
        "follow_ups": invitee.follow_ups.select_related("by", "activated_case")
        if after
        else [],
        **forms,
    }
    return render(
        request, "meetings/call_ins/invitees/detail.html", context, status=status
    )


def done(request, invitee, message, anchor=""):
    messages.success(request, message)
    url = reverse("call_ins:invitee", args=[invitee.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def invitee_write(request, invitee, *, form_key, make_form, write, message, anchor):
    """The pattern of every write on the invitee page.

    GET shows the page; POST validates ``make_form``, calls ``write(invitee,
    data)`` (a service) and redirects, or shows the page again with the
    form's errors (or the service's refusal) and nothing changed.
    """
    if request.method != "POST":
        return invitee_page(request, invitee)
    form = make_form(invitee, request.POST)
    if form.is_valid():
        try:
            write(invitee, form.cleaned_data)
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            return done(request, invitee, message, anchor)
    return invitee_page(request, invitee, bound={form_key: form})


# --- the call-in's invitees ------------------------------------------------------


def _invite_page(request, call_in, *, form=None, warnings=(), invited=None):
    """The invite form; once invitations close, why, and no list of people."""
    if not call_in.is_open:
        form = None
    elif form is None:
        subjects = subjects_invitable(user=request.user, call_in=call_in)
        form = InviteForm(subjects=subjects.order_by("full_name", "pk"))
    audit_read(request, call_in, view="invitee_add")
    return render(
        request,
        "meetings/call_ins/invitees/add.html",
        {
            "call_in": call_in,
            "call_in_url": call_in_url(call_in),
            "form": form,
            "closed": "" if call_in.is_open else NOT_BEFORE_THE_MEETING,
            "warnings": warnings,
            "invited": invited,
        },
    )


@workspace_view
def invitee_add(request, pk):
    """The host's staff invite a low-risk person of the market they may see."""
    call_in = call_in_for(request, pk, manage=True)
    if request.method != "POST":
        return _invite_page(request, call_in)
    subjects = subjects_invitable(user=request.user, call_in=call_in)
    form = InviteForm(request.POST, subjects=subjects)
    if form.is_valid():
        try:
            invitee, warnings = invitations.invitee_add(
                call_in=call_in,
                subject=form.cleaned_data["subject"],
                by=request.user,
                request=request,
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            if warnings:
                call_in.refresh_from_db()
                return _invite_page(
                    request, call_in, warnings=warnings, invited=invitee
                )
            messages.success(request, _("Invitation recorded."))
            return back_to_call_in(call_in)
    return _invite_page(request, call_in, form=form)


@workspace_view
def invitee_remove(request, pk):
    """The host's staff take someone off the list before the meeting."""
    invitee = invitee_for(request, pk)
    call_in = invitee.call_in
    if not can_manage(request.user, call_in):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        try:
            invitations.invitee_remove(
                invitee=invitee, by=request.user, request=request
            )
        except WorkspaceError as refused:
            error = str(refused)
        else:
            messages.success(request, _("Invitation removed."))
            return back_to_call_in(call_in)
    audit_read(request, invitee, call_in_id=call_in.pk, view="invitee_remove")
    return render(
        request,
        "meetings/call_ins/invitees/remove.html",
        {
            "invitee": invitee,
            "call_in": call_in,
            "call_in_url": call_in_url(call_in),
            "error": error,
        },
    )


@workspace_view
def invitee(request, pk):
    return invitee_page(request, invitee_for(request, pk))


# --- before the meeting: reply, influentials, attempts, plan -----------------------


@workspace_view
def invitee_reply(request, pk):
    return invitee_write(
        request,
        invitee_for(request, pk),
        form_key="reply_form",
        make_form=lambda i, data: ReplyForm(data, auto_id="id_reply_%s"),
        write=lambda i, d: invitations.invitee_reply_record(
            invitee=i, by=request.user, reply=d["reply"], request=request
        ),
        message=_("Reply recorded."),
        anchor="reply",
    )


@workspace_view
def influential_add(request, pk):
    return invitee_write(
        request,
        invitee_for(request, pk),
        form_key="influential_form",
        make_form=lambda i, data: InfluentialForm(data, auto_id="id_influential_%s"),
        write=lambda i, d: invitations.influential_add(
            invitee=i, by=request.user, request=request, **d
        ),
        message=_("Person added."),
        anchor="influentials",
    )


@workspace_view
def influential_remove(request, pk, influential_pk):
    invitee = invitee_for(request, pk)
    influential = get_object_or_404(invitee.influentials, pk=influential_pk)
    if request.method != "POST":
        return invitee_page(request, invitee)
    try:
        invitations.influential_remove(
            influential=influential, by=request.user, request=request
        )
    except WorkspaceError as error:
        form = InfluentialForm(auto_id="id_influential_%s")
        form.add_error(None, str(error))
        return invitee_page(request, invitee, bound={"influential_form": form})
    return done(request, invitee, _("Person removed."), "influentials")


@workspace_view
def attempt_add(request, pk):
    return invitee_write(
        request,
        invitee_for(request, pk),
        form_key="attempt_form",
        make_form=lambda i, data: AttemptForm(data, auto_id="id_attempt_%s"),
        write=lambda i, d: invitations.invitation_attempt_record(
            invitee=i,
            by=request.user,
            method=d["method"],
            at=d["at"],
            delivered=d["delivered"] == "yes",
            notes=d["notes"],
            request=request,
        ),
        message=_("Invitation attempt recorded."),
        anchor="attempts",
    )


@workspace_view
def plan_agree(request, pk):
    """A police or prosecutor lead who sees the person agrees the plan (else 403)."""
    invitee = invitee_for(request, pk)
    if not can_agree_plan(request.user, invitee):
        raise PermissionDenied
    return invitee_write(
        request,
        invitee,
        form_key="plan_form",
        make_form=lambda i, data: PlanForm(data, auto_id="id_plan_%s"),
        write=lambda i, d: invitations.follow_up_plan_agree(
            invitee=i,
            by=request.user,
            if_absent=d["if_absent"],
            if_dealing=d["if_dealing"],
            request=request,
        ),
        message=_("Follow-up plan agreed."),
        anchor="plan",
    )


urlpatterns = [
    path("<int:pk>/invitees/add/", invitee_add, name="invitee_add"),
    path("invitees/<int:pk>/", invitee, name="invitee"),
    path("invitees/<int:pk>/remove/", invitee_remove, name="invitee_remove"),
    path("invitees/<int:pk>/reply/", invitee_reply, name="invitee_reply"),
    path(
        "invitees/<int:pk>/influentials/add/",
        influential_add,
        name="influential_add",
    ),
    path(
        "invitees/<int:pk>/influentials/<int:influential_pk>/remove/",
        influential_remove,
        name="influential_remove",
    ),
    path("invitees/<int:pk>/attempts/add/", attempt_add, name="attempt_add"),
    path("invitees/<int:pk>/plan/", plan_agree, name="plan_agree"),
]
