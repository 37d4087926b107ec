"""Forms of the call-in planning screens: filter, call-in, agencies, staff, agenda.

Forms check the shape of the input; the services in ``meetings.call_ins``
decide whether the write may happen and raise ``WorkspaceError``, which the
views show on the same form. Times are entered in the site's time zone
(``TIME_ZONE``): a date and two times, made aware here.
"""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Market
from agencies.permissions import visible
from meetings.choices import CallInStatus, OnSiteService, Reply

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE_ERROR = _("Enter a date as YYYY-MM-DD, for example 2026-03-01.")
TIME_ERROR = _("Enter a time as HH:MM, for example 18:30.")

WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name() or user.get_username()
        return f"{name} ({user.membership.agency.name})"


class CallInFilterForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"),
        choices=WHEN_CHOICES,
        required=False,
        error_messages={"invalid_choice": _("Choose upcoming or past.")},
    )
    market = forms.ModelChoiceField(
        label=_("Market"),
        queryset=Market.objects.none(),
        required=False,
        empty_label=_("Any market"),
        error_messages={"invalid_choice": _("Choose a market from the list.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *CallInStatus.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["market"].queryset = visible(Market, user=user).order_by("name")

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {"when": "upcoming"}
        data = self.cleaned_data
        return {
            "when": data["when"] or "upcoming",
            "market": data["market"],
            "status": data["status"],
        }


class CallInDetailsForm(forms.Form):
    """What the host may change: title, time, place, notes, services on site."""

    title = forms.CharField(
        label=_("Working title"),
        max_length=200,
        help_text=_("Never a person's name: calendars show it."),
        error_messages={"required": _("Give the call-in a working title.")},
    )
    day = forms.DateField(
        label=_("Date"),
        widget=DATE_WIDGET,
        error_messages={"required": _("Give the date."), "invalid": DATE_ERROR},
    )
    starts = forms.TimeField(
        label=_("Starts at"),
        widget=TIME_WIDGET,
        error_messages={"required": _("Give the start time."), "invalid": TIME_ERROR},
    )
    ends = forms.TimeField(
        label=_("Ends at"),
        widget=TIME_WIDGET,
        error_messages={"required": _("Give the end time."), "invalid": TIME_ERROR},
    )
    location = forms.CharField(
        label=_("Place"),
        max_length=300,
        help_text=_("Private: only the participating agencies see it."),
        error_messages={"required": _("Give the place.")},
    )
    security_notes = forms.CharField(
        label=_("Security notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    logistics_notes = forms.CharField(
        label=_("Logistics notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    services_on_site = forms.MultipleChoiceField(
        label=_("Services on site"),
        choices=OnSiteService.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose services from the list.")},
    )
    services_on_site_notes = forms.CharField(
        label=_("About the services on site"),
        max_length=300,
        required=False,
        help_text=_("For example the languages offered."),
    )

    def clean(self):
        cleaned = super().clean()
        day, starts, ends = (cleaned.get(name) for name in ("day", "starts", "ends"))
        if day and starts and ends:
            if ends <= starts:
                self.add_error("ends", _("A call-in must end after it starts."))
            else:
                zone = timezone.get_current_timezone()
                cleaned["starts_at"] = timezone.make_aware(
                    datetime.datetime.combine(day, starts), zone
                )
                cleaned["ends_at"] = timezone.make_aware(
                    datetime.datetime.combine(day, ends), zone
                )
        return cleaned

    def details(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "location": data["location"],
            "security_notes": data["security_notes"],
            "logistics_notes": data["logistics_notes"],
            "services_on_site": list(data["services_on_site"]),
            "services_on_site_notes": data["services_on_site_notes"],
        }

    @staticmethod
    def initial_for(call_in) -> dict:
        starts = timezone.localtime(call_in.starts_at)
        ends = timezone.localtime(call_in.ends_at)
        return {
            "title": call_in.title,
            "day": starts.date(),
            "starts": starts.time(),
            "ends": ends.time(),
            "location": call_in.location,
            "security_notes": call_in.security_notes,
            "logistics_notes": call_in.logistics_notes,
            "services_on_site": call_in.services_on_site,
            "services_on_site_notes": call_in.services_on_site_notes,
        }


class CallInForm(CallInDetailsForm):
    """A new draft: also its market and the agencies invited to take part."""

    market = forms.ModelChoiceField(
        label=_("Market"),
        queryset=Market.objects.none(),
        empty_label=_("- Choose a market -"),
        error_messages={
            "required": _("Choose the market."),
            "invalid_choice": _("Choose a market from the list."),
        },
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Participating agencies"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their staff see the call-in. Your agency always takes part."),
        error_messages={"invalid_choice": _("Choose agencies from the list.")},
    )

    field_order = ["market", "title", "day", "starts", "ends", "location", "agencies"]

    def __init__(self, *args, user, host, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["market"].queryset = visible(Market, user=user).order_by("name")
        self.fields["agencies"].queryset = Agency.objects.exclude(pk=host.pk).order_by(
            "name"
        )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Participating agencies see it. Name no one."),
        error_messages={"required": _("Give the reason for cancelling.")},
    )


class AgencyAddForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency to add"),
        queryset=Agency.objects.none(),
        empty_label=_("- Choose an agency -"),
        error_messages={
            "required": _("Choose an agency."),
            "invalid_choice": _("Choose an agency from the list."),
        },
    )

    def __init__(self, *args, participant_ids, **kwargs):
        kwargs.setdefault("auto_id", "id_agency_add_%s")
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.exclude(
            pk__in=participant_ids
        ).order_by("name")


class AgencyRemoveForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency to remove"),
        queryset=Agency.objects.none(),
        empty_label=_("- Choose an agency -"),
        help_text=_("Its staff stop seeing the call-in and leave the staff list."),
        error_messages={
            "required": _("Choose an agency."),
            "invalid_choice": _("Choose one of the participating agencies."),
        },
    )

    def __init__(self, *args, participant_ids, host_id, **kwargs):
        kwargs.setdefault("auto_id", "id_agency_remove_%s")
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = (
            Agency.objects.filter(pk__in=participant_ids)
            .exclude(pk=host_id)
            .order_by("name")
        )


class StaffAddForm(forms.Form):
    user = StaffChoiceField(
        label=_("Staff member"),
        queryset=get_user_model().objects.none(),
        empty_label=_("- Choose a staff member -"),
        help_text=_("Staff of the participating agencies."),
        error_messages={
            "required": _("Choose a staff member."),
            "invalid_choice": _("Choose a staff member from the list."),
        },
    )

    def __init__(self, *args, participant_ids, attendee_user_ids, **kwargs):
        kwargs.setdefault("auto_id", "id_staff_%s")
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, membership__agency_id__in=participant_ids)
            .exclude(pk__in=attendee_user_ids)
            .select_related("membership__agency")
            .order_by("membership__agency__name", "last_name", "username")
        )


class ReplyForm(forms.Form):
    reply = forms.ChoiceField(
        label=_("Your reply"),
        choices=[
            (Reply.ACCEPTED, Reply.ACCEPTED.label),
            (Reply.TENTATIVE, Reply.TENTATIVE.label),
            (Reply.DECLINED, Reply.DECLINED.label),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose accepted, tentative or declined."),
            "invalid_choice": _("Choose accepted, tentative or declined."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_reply_%s")
        super().__init__(*args, **kwargs)


class AgendaItemForm(forms.Form):
    order = forms.IntegerField(
        label=_("Order"),
        min_value=1,
        max_value=999,
        required=False,
        help_text=_("Leave empty to add at the end."),
        error_messages={"invalid": _("Give the order as a whole number.")},
    )
    speaker = forms.CharField(
        label=_("Speaker"),
        max_length=200,
        help_text=_("A role or agency."),
        error_messages={"required": _("Give the speaker.")},
    )
    topic = forms.CharField(
        label=_("Topic"),
        max_length=300,
        error_messages={"required": _("Give the topic.")},
    )
    minutes = forms.IntegerField(
        label=_("Minutes"),
        min_value=1,
        max_value=240,
        error_messages={
            "required": _("Give the minutes."),
            "invalid": _("Give the minutes as a whole number from 1 to 240."),
            "min_value": _("Give the minutes as a whole number from 1 to 240."),
            "max_value": _("Give the minutes as a whole number from 1 to 240."),
        },
    )

    def __init__(self, *args, require_order=False, **kwargs):
        kwargs.setdefault("auto_id", "id_agenda_%s")
        super().__init__(*args, **kwargs)
        if require_order:
            self.fields["order"].required = True
            self.fields["order"].help_text = ""
            self.fields["order"].error_messages["required"] = _("Give the order.")
