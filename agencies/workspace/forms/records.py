"""Forms of the market, subject and case screens.

Forms check the shape of the input (required fields, dates in order, a
reason where one is needed); the services decide whether the write may
happen and raise ``WorkspaceError``, which the views show on the same form.
Choices of confidential records come from ``agencies.permissions.visible``,
so a guessed id fails exactly like a missing one.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.choices import (
    ActivationReason,
    CaseStatus,
    MarketPhase,
    ProsecutingOffice,
    RiskTier,
)
from agencies.models import Agency, Market
from agencies.permissions import visible
from agencies.selectors.records import CASE_REVIEW
from agencies.services.records import CASE_TRANSITIONS
from portal.models import NeighborhoodPage

REASON_MAX = 300
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERROR = _("Enter a date as YYYY-MM-DD, for example 2026-03-01.")


def _date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": DATE_ERROR},
    )


def _reason_field(label, help_text, required_message):
    return forms.CharField(
        label=label,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=help_text,
        error_messages={"required": required_message},
    )


# --- markets -----------------------------------------------------------------

SCHEDULE_ORDER = (
    "identified_on",
    "investigation_started_on",
    "call_in_on",
    "follow_up_ends_on",
)


class MarketScheduleForm(forms.Form):
    """The phase and the key dates, which must follow one another."""

    phase = forms.ChoiceField(
        label=_("Phase"),
        choices=MarketPhase.choices,
        initial=MarketPhase.IDENTIFICATION,
    )
    identified_on = _date_field(_("Identified on"))
    investigation_started_on = _date_field(_("Investigation started on"))
    call_in_on = _date_field(_("Call-in on"))
    follow_up_ends_on = _date_field(_("Follow-up ends on"))

    def clean(self):
        cleaned = super().clean()
        previous = None
        for name in SCHEDULE_ORDER:
            day = cleaned.get(name)
            if day is None:
                continue
            if previous is not None and day < cleaned[previous]:
                self.add_error(
                    name,
                    _("This date is before “%(earlier)s”.")
                    % {"earlier": self.fields[previous].label},
                )
            else:
                previous = name
        return cleaned

    def schedule(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("phase", *SCHEDULE_ORDER)}


class MarketForm(MarketScheduleForm):
    """A new market: the creator's agency leads it."""

    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        error_messages={"required": _("Give the market a name.")},
    )
    neighborhood = forms.ModelChoiceField(
        label=_("Public neighborhood page"),
        queryset=NeighborhoodPage.objects.none(),
        required=False,
        empty_label=_("- None yet -"),
        help_text=_("The public progress page of this neighborhood, if there is one."),
    )
    selection_reasons = forms.CharField(
        label=_("Why this market was chosen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Calls for service, complaints, crime data. Name no one."),
        error_messages={"required": _("Say why this market was chosen.")},
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner agencies"),
        queryset=Agency.objects.none(),
        required=False,
        help_text=_("They see the market (not its subjects, cases or notes)."),
    )

    field_order = ["name", "neighborhood", "selection_reasons", "partners", "phase"]

    def __init__(self, *args, lead_agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighborhood"].queryset = NeighborhoodPage.objects.live().order_by(
            "title"
        )
        self.fields["partners"].queryset = Agency.objects.exclude(pk=lead_agency.pk)


class PartnerAddForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.none(),
        empty_label=_("- Choose an agency -"),
        error_messages={"invalid_choice": _("Choose an agency from the list.")},
    )
    reason = _reason_field(
        _("Reason (need to know)"),
        _("Recorded in the audit log. Name no one."),
        _("Give the reason they need to know."),
    )

    def __init__(self, *args, market: Market, partner_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.exclude(
            pk__in=[market.lead_agency_id, *partner_ids]
        )


class PartnerRemoveForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=Agency.objects.none(),
        empty_label=_("- Choose a partner -"),
        error_messages={"invalid_choice": _("Choose one of the market's partners.")},
    )
    reason = _reason_field(
        _("Reason for removing"),
        _("Recorded in the audit log. Name no one."),
        _("Give the reason for removing them."),
    )

    def __init__(self, *args, partner_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=partner_ids)


class MarketFilterForm(forms.Form):
    phase = forms.ChoiceField(
        label=_("Phase"),
        choices=[("", _("Any phase")), *MarketPhase.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a phase from the list.")},
    )


# --- subjects ----------------------------------------------------------------


class SubjectForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        error_messages={"required": _("Give a full name.")},
    )
    aliases = forms.CharField(
        label=_("Aliases"),
        max_length=300,
        required=False,
        help_text=_("Separate aliases with commas."),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": DATE_ERROR},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What identifies the person; reasonable suspicion only."),
    )

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born is not None and born > timezone.localdate():
            raise forms.ValidationError(_("A date of birth cannot be in the future."))
        return born


DECISION_STATES = [
    ("", _("Any")),
    ("awaiting", _("Awaiting a decision")),
    (RiskTier.HIGH.value, _("Decided: high risk")),
    (RiskTier.LOW.value, _("Decided: low risk")),
]


class SubjectFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name or alias"), required=False, max_length=100, strip=True
    )
    market = forms.ModelChoiceField(
        label=_("Market"),
        queryset=Market.objects.none(),
        required=False,
        empty_label=_("Any market"),
        error_messages={"invalid_choice": _("Choose a market from the list.")},
    )
    decision = forms.ChoiceField(
        label=_("Risk decision"),
        choices=DECISION_STATES,
        required=False,
        error_messages={"invalid_choice": _("Choose a decision state from the list.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["market"].queryset = visible(Market, user=user).order_by("name")

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "market": data["market"],
            "decision": data["decision"],
            "search": data["q"],
        }


class ControlledBuyForm(forms.Form):
    occurred_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        error_messages={
            "invalid": _("Enter a date and time, for example 2026-03-01 14:30.")
        },
    )
    place = forms.CharField(label=_("Place"), max_length=200)
    officer_reference = forms.CharField(
        label=_("Officer or informant reference"),
        max_length=100,
        help_text=_("A badge number or informant reference, never a name."),
    )
    substance = forms.CharField(label=_("Substance"), max_length=100)
    amount = forms.CharField(
        label=_("Amount"), max_length=50, help_text=_("For example “0.4 g”.")
    )
    evidence_reference = forms.CharField(
        label=_("Evidence reference"), max_length=100, required=False
    )
    video_reference = forms.CharField(
        label=_("Video reference"), max_length=100, required=False
    )
    lab_result = forms.CharField(label=_("Lab result"), max_length=200, required=False)

    def clean_occurred_at(self):
        when = self.cleaned_data["occurred_at"]
        if when > timezone.now():
            raise forms.ValidationError(_("A controlled buy cannot be in the future."))
        return when


CRITERIA = ("major_dealer", "firearms_violation", "violent_history")


class DecisionForm(forms.Form):
    """Criteria met suggest a tier; the proposer chooses, two leads approve."""

    major_dealer = forms.BooleanField(label=_("Major dealer"), required=False)
    firearms_violation = forms.BooleanField(
        label=_("Firearms violation"), required=False
    )
    violent_history = forms.BooleanField(label=_("Violent history"), required=False)
    other = forms.BooleanField(label=_("Other criterion"), required=False)
    other_criterion = forms.CharField(
        label=_("Other criterion: what"),
        max_length=300,
        required=False,
        help_text=_("Needed when “Other criterion” is ticked."),
    )
    tier = forms.ChoiceField(
        label=_("Tier"),
        choices=[("", _("- Choose a tier -")), *RiskTier.choices],
        error_messages={"required": _("Choose a tier.")},
    )
    prosecuting_office = forms.ChoiceField(
        label=_("Prosecuting office"),
        choices=[("", _("- None (low risk) -")), *ProsecutingOffice.choices],
        required=False,
        help_text=_("Required for high risk: the one office that takes the case."),
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the rationale for this decision.")},
    )

    def clean(self):
        cleaned = super().clean()
        other, text = cleaned.get("other"), cleaned.get("other_criterion", "").strip()
        if other and not text:
            self.add_error("other_criterion", _("Say what the other criterion is."))
        elif text and not other:
            self.add_error(
                "other_criterion",
                _("Tick “Other criterion” to use this text, or clear it."),
            )
        if cleaned.get("tier") == RiskTier.HIGH and not cleaned.get(
            "prosecuting_office"
        ):
            self.add_error(
                "prosecuting_office",
                _("Say which office prosecutes a high-risk subject."),
            )
        return cleaned

    @classmethod
    def suggested_tier(cls, data):
        """The tier the ticked criteria in ``data`` suggest (any criterion: high)."""
        widget = forms.CheckboxInput()
        ticked = any(
            widget.value_from_datadict(data, {}, name) for name in (*CRITERIA, "other")
        )
        return RiskTier.HIGH if ticked else RiskTier.LOW

    def decision_fields(self) -> dict:
        data = self.cleaned_data
        return {
            **{name: data[name] for name in CRITERIA},
            "other_criterion": data["other_criterion"].strip() if data["other"] else "",
            "tier": data["tier"],
            "prosecuting_office": data["prosecuting_office"],
            "rationale": data["rationale"],
        }


class ApprovalForm(forms.Form):
    rationale = forms.CharField(
        label=_("Rationale for your approval"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the rationale for your approval.")},
    )


# --- cases -------------------------------------------------------------------


class CaseForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("What the case is about, for example “Sales on 5th Street”."),
        error_messages={"required": _("Give the case a title.")},
    )


class CaseStatusForm(forms.Form):
    """Only the moves the case's current status allows are offered."""

    to_status = forms.ChoiceField(
        label=_("New status"),
        error_messages={
            "invalid_choice": _("A case cannot move to that status from here.")
        },
    )
    activation_reason = forms.ChoiceField(
        label=_("Why the banked case is activated"),
        choices=[("", _("- Not activating -")), *ActivationReason.choices],
        required=False,
    )
    comment = forms.CharField(label=_("Comment"), max_length=300, required=False)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = CASE_TRANSITIONS[CaseStatus(case.status)]
        self.fields["to_status"].choices = [("", _("- Choose -"))] + [
            (value, label) for value, label in CaseStatus.choices if value in allowed
        ]

    @property
    def has_moves(self) -> bool:
        return len(self.fields["to_status"].choices) > 1

    def clean(self):
        cleaned = super().clean()
        to_status, reason = cleaned.get("to_status"), cleaned.get("activation_reason")
        if to_status == CaseStatus.ACTIVATED and not reason:
            self.add_error(
                "activation_reason",
                _("Say why the banked case is activated: no-show or renewed dealing."),
            )
        elif reason and to_status and to_status != CaseStatus.ACTIVATED:
            self.add_error(
                "activation_reason",
                _("A reason is only given when a banked case is activated."),
            )
        return cleaned


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            ("", _("Any status")),
            *CaseStatus.choices,
            (CASE_REVIEW, _("Banked cases due for review (longest waiting first)")),
        ],
        required=False,
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )
