"""Forms of the invitee, meeting and letter screens.

Forms check the shape of the input (a choice from the list, a date, a
required text); the call-in services decide whether the write may happen
and raise ``WorkspaceError``, which the views show on the same form.
Choices of confidential records come from the permission layer, so a
guessed id fails exactly like a missing one.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.choices import ActivationReason, CaseStatus
from agencies.models import Agency, Case
from agencies.permissions import visible
from meetings.call_ins.outcomes import referral_moves
from meetings.choices import AttemptMethod, Attendance, FollowUpKind, Reply
from meetings.models import CallInAgency

DATETIME_WIDGET = forms.DateTimeInput(
    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
)
DATETIME_ERRORS = {
    "required": _("Give when it happened."),
    "invalid": _("Enter a date and time, for example 2026-03-01 14:30."),
}


def _when_field(label):
    return forms.DateTimeField(
        label=label, widget=DATETIME_WIDGET, error_messages=DATETIME_ERRORS
    )


def _not_future(value):
    if value is not None and value > timezone.now():
        raise forms.ValidationError(_("This cannot be in the future."))
    return value


def _text(label, *, max_length, required=True, rows=None, help_text="", message=""):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    errors = {"required": message} if message else {}
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=widget,
        help_text=help_text,
        error_messages=errors,
    )


# --- before the meeting --------------------------------------------------------


class InviteForm(forms.Form):
    subject = forms.ModelChoiceField(
        label=_("Person to invite"),
        queryset=None,
        empty_label=_("- Choose a person -"),
        help_text=_("Low-risk people of the call-in's market your agency sees."),
        error_messages={
            "required": _("Choose the person to invite."),
            "invalid_choice": _("Choose a person from the list."),
        },
    )

    def __init__(self, *args, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = subjects


class ReplyForm(forms.Form):
    reply = forms.ChoiceField(
        label=_("Their reply"),
        choices=Reply.choices,
        error_messages={"invalid_choice": _("Choose a reply from the list.")},
    )


class InfluentialForm(forms.Form):
    name = _text(_("Name"), max_length=200, message=_("Give their name."))
    relation = _text(
        _("Relation"),
        max_length=100,
        help_text=_("For example “aunt” or “coach”."),
        message=_("Say how they know the person."),
    )
    how_to_reach = _text(_("How to reach them"), max_length=300, required=False)


class AttemptForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How"),
        choices=[("", _("- Choose -")), *AttemptMethod.choices],
        error_messages={"required": _("Choose letter, home visit or phone.")},
    )
    at = _when_field(_("When"))
    delivered = forms.ChoiceField(
        label=_("Delivered?"),
        choices=[
            ("", _("- Choose -")),
            ("yes", _("Delivered: they got it")),
            ("no", _("Not delivered")),
        ],
        error_messages={"required": _("Say whether it was delivered.")},
    )
    notes = _text(_("Notes"), max_length=300, required=False)

    def clean_at(self):
        return _not_future(self.cleaned_data["at"])


class PlanForm(forms.Form):
    if_absent = _text(
        _("If they do not attend"),
        max_length=5000,
        rows=3,
        message=_("Say what happens if they do not attend."),
    )
    if_dealing = _text(
        _("If they keep dealing"),
        max_length=5000,
        rows=3,
        message=_("Say what happens if they keep dealing."),
    )


# --- at the door and after -------------------------------------------------------


class CheckInForm(forms.Form):
    attendance = forms.ChoiceField(
        label=_("Attendance"),
        choices=[("", _("- Choose -")), *Attendance.choices],
        error_messages={"required": _("Choose attended or did not come.")},
    )
    came_with = _text(
        _("Came with"),
        max_length=300,
        required=False,
        help_text=_("Who came with them, for example “mother”."),
    )


class ClosingReportForm(forms.Form):
    what_was_said = _text(
        _("What was said"),
        max_length=20000,
        rows=8,
        message=_("Write what was said at the call-in."),
    )
    agencies_present = forms.ModelMultipleChoiceField(
        label=_("Agencies present"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose agencies taking part in the call-in."),
            "invalid_pk_value": _("Choose agencies taking part in the call-in."),
        },
    )

    def __init__(self, *args, call_in, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies_present"].queryset = Agency.objects.filter(
            pk__in=CallInAgency.objects.filter(call_in=call_in).values("agency_id")
        ).order_by("name")


class OutcomeForm(forms.Form):
    outcome = _text(
        _("Outcome"),
        max_length=5000,
        rows=4,
        help_text=_("What was offered and said."),
        message=_("Write the outcome."),
    )


class ReferralForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=None,
        empty_label=_("- Choose a service -"),
        help_text=_("Published services of the directory."),
        error_messages={
            "required": _("Choose the service offered and accepted."),
            "invalid_choice": _("Choose a service from the list."),
        },
    )
    share_name = forms.BooleanField(
        label=_("The person agreed the provider sees their name"), required=False
    )
    share_contact = forms.BooleanField(
        label=_("The person agreed the provider may contact them"), required=False
    )
    contact = _text(
        _("How the provider may reach them"),
        max_length=300,
        required=False,
        help_text=_("Only with their consent. Never their criminal record."),
    )

    def __init__(self, *args, **kwargs):
        from resources.models import ServicePage

        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = ServicePage.objects.listed().order_by(
            "title", "pk"
        )


class ReferralStatusForm(forms.Form):
    to_status = forms.ChoiceField(
        label=_("New status"),
        choices=(),
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )

    def __init__(self, *args, referral, **kwargs):
        kwargs.setdefault("auto_id", f"id_referral_{referral.pk}_%s")
        super().__init__(*args, **kwargs)
        self.referral_pk = referral.pk
        labels = dict(referral._meta.get_field("status").choices)
        self.fields["to_status"].choices = [
            (code, labels[code]) for code in referral_moves(referral.status)
        ]


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What happened"),
        choices=[("", _("- Choose -")), *FollowUpKind.choices],
        error_messages={"required": _("Choose what happened.")},
    )
    at = _when_field(_("When"))
    notes = _text(_("Notes"), max_length=5000, required=False, rows=3)
    activate_case = forms.ModelChoiceField(
        label=_("Activate the banked case"),
        queryset=Case.objects.none(),
        required=False,
        empty_label=_("- No, do not activate -"),
        help_text=_("Goes through the case's own status change, recorded with why."),
        error_messages={"invalid_choice": _("Choose a banked case from the list.")},
    )
    activation_reason = forms.ChoiceField(
        label=_("Why the case is activated"),
        choices=[("", _("- Choose -")), *ActivationReason.choices],
        required=False,
    )

    def __init__(self, *args, user, invitee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activate_case"].queryset = (
            visible(Case, user=user)
            .filter(subject_id=invitee.subject_id, status=CaseStatus.BANKED)
            .order_by("pk")
        )

    def clean_at(self):
        return _not_future(self.cleaned_data["at"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("activate_case") and not cleaned.get("activation_reason"):
            self.add_error(
                "activation_reason",
                _("Say why the case is activated: no-show or renewed dealing."),
            )
        if cleaned.get("activation_reason") and not cleaned.get("activate_case"):
            self.add_error(
                "activate_case", _("Choose the case to activate, or no reason.")
            )
        return cleaned


# --- letters -----------------------------------------------------------------------


class LetterTemplateForm(forms.Form):
    text = _text(
        _("Letter"),
        max_length=10000,
        rows=16,
        message=_("Write the letter."),
    )
