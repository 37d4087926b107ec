"""The audit log screens: search and CSV export, for auditors and administrators.

Auditors and administrators have no agency, so these views do not use
``workspace_view``: ``audit_reader_view`` lets in exactly the people
``permissions.can_read_audit_log`` names and answers 404 to everyone else,
agency leads included, as if the screen did not exist. The MFA gate in front
of every URL already demands a proved second factor of both groups.

Reading the log is itself on the log: each search writes ``audit_searched``
with its filters, each export ``audit_exported`` with its filters and the
number of rows, written before the first row is sent so that a download cut
short is still on the record.
"""

import csv
import datetime
import json
from functools import wraps

from django import forms
from django.apps import apps
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from agencies.audit import audit_record
from agencies.models import Agency, AuditAction, AuditOutcome
from agencies.permissions import can_read_audit_log
from agencies.selectors.audit import (
    audit_entry_export,
    audit_entry_list,
    utc_display,
)
from agencies.workspace.access import confidential_response

PAGE_SIZE = 50
DATE_HELP = _("A UTC date, YYYY-MM-DD.")
DATE_ERROR = _("Enter a date as YYYY-MM-DD, for example 2026-03-01.")


def audit_reader_view(view):
    """Auditors and administrators only; anonymous → sign in, others → 404."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_read_audit_log(request.user):
            raise Http404
        return confidential_response(view(request, *args, **kwargs))

    return wrapper


def _object_type_choices():
    """Every type the log can name: the workspace's models and accounts."""
    models = [*apps.get_app_config("agencies").get_models()]
    models.append(apps.get_model("auth", "User"))
    choices = sorted(
        (
            model._meta.label_lower,
            f"{model._meta.verbose_name} ({model._meta.label_lower})",
        )
        for model in models
    )
    return [("", _("- Any type -")), *choices]


class AuditFilterForm(forms.Form):
    user = forms.CharField(
        label=_("User (username)"),
        required=False,
        max_length=150,
        validators=[UnicodeUsernameValidator()],
    )
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.all(),
        required=False,
        empty_label=_("- Any agency -"),
        error_messages={"invalid_choice": _("Choose an agency from the list.")},
    )
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[("", _("- Any action -")), *AuditAction.choices],
        required=False,
        error_messages={
            "invalid_choice": _("Unknown action “%(value)s”. Choose one from the list.")
        },
    )
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", _("- Any outcome -")), *AuditOutcome.choices],
        required=False,
        error_messages={
            "invalid_choice": _(
                "Unknown outcome “%(value)s”. Choose one from the list."
            )
        },
    )
    date_from = forms.DateField(
        label=_("From (UTC)"),
        required=False,
        help_text=DATE_HELP,
        input_formats=["%Y-%m-%d"],  # 01/03/2026 means two dates; refuse it
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": DATE_ERROR},
    )
    date_to = forms.DateField(
        label=_("To (UTC, inclusive)"),
        required=False,
        help_text=DATE_HELP,
        input_formats=["%Y-%m-%d"],  # 01/03/2026 means two dates; refuse it
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": DATE_ERROR},
    )
    ip = forms.GenericIPAddressField(label=_("IP address"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["object_type"].choices = _object_type_choices()
        self.fields["object_type"].error_messages["invalid_choice"] = _(
            "Unknown object type “%(value)s”. Choose one from the list."
        )

    def clean_object_id(self):
        return self.cleaned_data["object_id"].strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("object_id") and not cleaned.get("object_type"):
            self.add_error(
                "object_type",
                _("Choose the object type too: ids repeat across types."),
            )
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned

    def active_filters(self) -> dict:
        """The filters in use (valid form only)."""
        return {key: value for key, value in self.cleaned_data.items() if value}


def _filters_for_log(filters: dict) -> dict:
    """Filters as codes, ids and ISO dates: JSON, and never a name."""
    logged = {}
    for key, value in sorted(filters.items()):
        if hasattr(value, "pk"):
            value = value.pk
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        logged[key] = value
    return logged


def _search_page(request, form, *, page=None, status=200):
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page_obj": page, "extra_query": query.urlencode()}
    return render(
        request, "agencies/workspace/audit/search.html", context, status=status
    )


def _refuse_bad_filters(request, form, action):
    """A bad filter shows its error (200), never the unfiltered log."""
    audit_record(
        action=action,
        request=request,
        outcome=AuditOutcome.FAILURE,
        details={"invalid": sorted(form.errors)},
    )
    return _search_page(request, form)


@audit_reader_view
@require_safe
def audit_search(request):
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return _refuse_bad_filters(request, form, AuditAction.AUDIT_SEARCHED)
    filters = form.active_filters() if form.is_bound else {}
    entries = audit_entry_list(user=request.user, filters=filters)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)  # read before this search is logged
    audit_record(
        action=AuditAction.AUDIT_SEARCHED,
        request=request,
        details={
            "filters": _filters_for_log(filters),
            "page": page.number,
            "matches": page.paginator.count,
        },
    )
    return _search_page(request, form, page=page)


CSV_COLUMNS = (
    "time_utc",
    "username",
    "user_id",
    "agency",
    "agency_id",
    "action",
    "object_type",
    "object_id",
    "ip_address",
    "user_agent",
    "outcome",
    "reason",
    "details",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_row(row) -> list[str]:
    """One ``EXPORT_FIELDS`` tuple as CSV cells, in ``CSV_COLUMNS`` order."""
    at, *middle, details = row
    cells = [
        utc_display(at),
        *middle,
        json.dumps(details, sort_keys=True) if details else "",
    ]
    return [csv_safe(cell) for cell in cells]


class _Lines:
    """A file-like object whose ``write`` hands the formatted line back."""

    def write(self, value):
        return value


def _csv_chunks(export, *, lines_per_chunk=500):
    """The header, then the rows, a few hundred lines per network write."""
    writer = csv.writer(_Lines())
    chunk = [writer.writerow(CSV_COLUMNS)]
    for row in export.rows():
        chunk.append(writer.writerow(_csv_row(row)))
        if len(chunk) >= lines_per_chunk:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


@audit_reader_view
@require_safe
def audit_csv(request):
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return _refuse_bad_filters(request, form, AuditAction.AUDIT_EXPORTED)
    filters = form.active_filters() if form.is_bound else {}
    export = audit_entry_export(user=request.user, filters=filters)
    audit_record(
        action=AuditAction.AUDIT_EXPORTED,
        request=request,
        details={"filters": _filters_for_log(filters), "rows": export.count},
    )
    response = StreamingHttpResponse(
        _csv_chunks(export), content_type="text/csv; charset=utf-8"
    )
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.csv"'
    return response


urlpatterns = [
    path("audit/", audit_search, name="audit"),
    path("audit/export.csv", audit_csv, name="audit_csv"),
]
