"""Forms for case notes, sharing and the note list's filters.

Forms check the shape of the input; the services decide whether the write
is allowed and raise ``WorkspaceError`` with a message the view shows.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.choices import Sensitivity
from agencies.models import Agency, Case, CaseNote, Market, Membership, Subject
from agencies.permissions import visible

REASON_MAX = 300


class NoteForm(forms.Form):
    """Text fields strip blanks, so a note or reason of spaces is "required"."""

    text = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Posted notes never change; a correction is an amendment."),
    )
    sensitivity = forms.ChoiceField(
        label=_("Sensitivity"),
        choices=Sensitivity.choices,
        initial=Sensitivity.STANDARD,
    )


class AmendForm(NoteForm):
    text = forms.CharField(
        label=_("Correction"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say what was wrong and what is right; the original stays."),
    )


class ShareForm(forms.Form):
    """Share with one agency, or (rarely) one person of another agency."""

    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("- Choose an agency -"),
    )
    username = forms.CharField(
        label=_("Or one person (username)"),
        required=False,
        max_length=150,
        help_text=_("Only when one person, not their whole agency, needs to know."),
    )
    reason = forms.CharField(
        label=_("Reason (need to know)"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded in the audit log. Do not name the subject."),
    )

    def __init__(self, *args, owner_agency_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_agency_id = owner_agency_id
        self.fields["agency"].queryset = Agency.objects.exclude(pk=owner_agency_id)

    def clean(self):
        cleaned = super().clean()
        agency, username = cleaned.get("agency"), cleaned.get("username", "").strip()
        if agency is not None and username:
            raise forms.ValidationError(
                _("Choose an agency or one person, not both."), code="both"
            )
        if agency is None and not username:
            if "agency" not in self.errors:
                raise forms.ValidationError(
                    _("Choose an agency or one person to share with."), code="none"
                )
            return cleaned
        cleaned["user"] = None
        if username:
            membership = (
                Membership.objects.select_related("user")
                .filter(user__username=username, user__is_active=True)
                .exclude(agency_id=self.owner_agency_id)
                .first()
            )
            if membership is None:
                self.add_error(
                    "username",
                    _("No staff member of another agency has that username."),
                )
            else:
                cleaned["user"] = membership.user
        return cleaned


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded in the audit log. Do not name the subject."),
    )


class NoteFilterForm(forms.Form):
    """The note list's filters; choices come from what the viewer may see.

    Subject and case arrive from the links on their pages (hidden fields), so
    the list never renders every subject's name into a drop-down.
    """

    market = forms.ModelChoiceField(
        label=_("Market"),
        queryset=Market.objects.none(),
        required=False,
        empty_label=_("Any market"),
    )
    subject = forms.ModelChoiceField(
        queryset=Subject.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("There is no such subject you may see.")},
    )
    case = forms.ModelChoiceField(
        queryset=Case.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("There is no such case you may see.")},
    )
    agency = forms.ModelChoiceField(
        label=_("Written by agency"),
        queryset=Agency.objects.all(),
        required=False,
        empty_label=_("Any agency"),
    )
    sensitivity = forms.ChoiceField(
        label=_("Sensitivity"),
        choices=[("", _("Any"))] + list(Sensitivity.choices),
        required=False,
    )
    shared = forms.BooleanField(label=_("Shared with my agency"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A guessed id of a record the viewer cannot see fails exactly like a
        # missing one: "Select a valid choice".
        self.fields["market"].queryset = visible(Market, user=user)
        self.fields["subject"].queryset = visible(Subject, user=user)
        self.fields["case"].queryset = visible(Case, user=user)

    def active_filters(self) -> dict:
        """The filters that were given (empty: the fast, unfiltered list)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


NOTE_KINDS = {"market": Market, "subject": Subject, "case": Case}
SHARE_KINDS = {**NOTE_KINDS, "note": CaseNote}
