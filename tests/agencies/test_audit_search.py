"""The audit log screens: who may search and export it, filters, CSV, own audit."""

import csv
import io
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import RequestFactory
from django.urls import reverse

from agencies.audit import audit_record
from agencies.models import AuditAction, AuditEntry, AuditOutcome
from agencies.selectors.audit import (
    audit_entry_export,
    audit_entry_list,
    utc_display,
)
from agencies.workspace import audit_log
from tests import workspace

pytestmark = pytest.mark.django_db

SEARCH = reverse("workspace:audit")
EXPORT = reverse("workspace:audit_csv")
READERS = ["auditor", "administrator"]
REFUSED = [*workspace.STAFF, "public_editor"]


def log(user=None, *, at=None, address="203.0.113.9", agent="Firefox/140", **kw):
    """One entry as a request from ``address`` would write it, at ``at`` (UTC)."""
    request = RequestFactory().get("/", REMOTE_ADDR=address, HTTP_USER_AGENT=agent)
    request.user = user
    kw.setdefault("action", AuditAction.RECORD_VIEWED)
    with time_machine.travel(at or datetime(2026, 3, 1, 14, 5, 9, 987654, tzinfo=UTC)):
        return audit_record(request=request, user=user, **kw)


def rows_of(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def searches(user) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(user=user, action=AuditAction.AUDIT_SEARCHED))


# --- who may open the screens -------------------------------------------------


@pytest.mark.parametrize("url", [SEARCH, EXPORT])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", [SEARCH, EXPORT])
@pytest.mark.parametrize("person", REFUSED)
def test_agency_staff_and_editors_get_404(client, team, person, url):
    workspace.mfa_client(client, team.people[person])
    assert client.get(url).status_code == 404
    assert not AuditEntry.objects.filter(
        action__in=[AuditAction.AUDIT_SEARCHED, AuditAction.AUDIT_EXPORTED]
    ).exists()


@pytest.mark.parametrize("url", [SEARCH, EXPORT])
@pytest.mark.parametrize("person", READERS)
def test_auditors_and_administrators_read_it_never_cached(client, team, person, url):
    workspace.mfa_client(client, team.people[person])
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.parametrize("url", [SEARCH, EXPORT])
def test_the_screens_only_read(client, team, url):
    workspace.mfa_client(client, team.auditor)
    assert client.post(url, {"user": "ada"}).status_code == 405
    workspace.mfa_client(client, team.police_lead)
    assert client.post(url, {"user": "ada"}).status_code == 404


def test_an_auditor_must_have_a_second_factor(client, team):
    client.force_login(team.auditor)
    response = client.get(SEARCH)
    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]


def test_an_inactive_auditor_is_refused(client, team):
    workspace.mfa_client(client, team.auditor)
    team.auditor.is_active = False
    team.auditor.save()
    response = client.get(SEARCH)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# --- what the list shows ------------------------------------------------------


def test_the_list_shows_every_column_of_an_entry(client, team):
    the_market = workspace.market(team)
    log(
        team.police_officer,
        obj=the_market,
        outcome=AuditOutcome.DENIED,
        reason="no need to know",
        agent="Firefox/140 (X11)",
    )
    workspace.mfa_client(client, team.auditor)
    html = client.get(SEARCH, {"user": "police_officer"}).content.decode()
    assert "2026-03-01 14:05:09.98 UTC" in html
    assert "police_officer" in html
    assert "Riverton Police, 3rd Precinct" in html
    assert "Record viewed" in html
    assert f"agencies.market</code> {the_market.pk}" in html
    assert "203.0.113.9" in html and "Firefox/140 (X11)" in html
    assert "Denied" in html and "no need to know" in html
    # The auditor learns that a market was opened, never what it holds.
    assert the_market.name not in html


def test_the_audit_frame_names_no_agency_and_links_no_workspace(client, team):
    workspace.mfa_client(client, team.auditor)
    html = client.get(SEARCH).content.decode()
    assert reverse("workspace:dashboard") + '"' not in html
    assert "Signed in for" not in html


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"user": "POLICE_OFFICER"}, {"police"}),
        ({"agency": "county"}, {"county"}),
        ({"action": AuditAction.NOTE_AMENDED}, {"amend"}),
        ({"outcome": AuditOutcome.DENIED}, {"denied"}),
        ({"ip": "198.51.100.4"}, {"other_ip"}),
        ({"date_from": "2026-02-01", "date_to": "2026-02-28"}, {"february"}),
        ({"date_to": "2026-01-31"}, {"january"}),
        ({"object_type": "auth.user", "object_id": "SELF"}, {"object"}),
    ],
)
def test_each_filter_narrows_the_list(client, team, filters, expected):
    entries = {
        "police": log(team.police_officer),
        "county": log(team.county_member),
        "amend": log(team.federal_member, action=AuditAction.NOTE_AMENDED),
        "denied": log(team.city_prosecutor, outcome=AuditOutcome.DENIED),
        "other_ip": log(team.provider_staff, address="198.51.100.4"),
        "february": log(
            team.probation_officer, at=datetime(2026, 2, 28, 23, 59, 59, tzinfo=UTC)
        ),
        "january": log(team.federal_prosecutor, at=datetime(2026, 1, 31, tzinfo=UTC)),
        "object": log(team.police_lead, obj=team.police_lead),
    }
    if filters.get("agency"):
        filters["agency"] = team.agencies[filters["agency"]].pk
    if filters.get("object_id") == "SELF":
        filters["object_id"] = str(team.police_lead.pk)
    workspace.mfa_client(client, team.auditor)
    response = client.get(SEARCH, filters)
    assert response.status_code == 200
    shown = {entry.pk for entry in response.context["page_obj"].object_list}
    assert shown == {entries[key].pk for key in expected}


def test_the_list_is_paginated_by_50_newest_first(client, team):
    for second in range(55):
        log(team.police_officer, at=datetime(2026, 3, 1, 10, 0, second, tzinfo=UTC))
    workspace.mfa_client(client, team.auditor)
    first = client.get(SEARCH, {"user": "police_officer"}).context["page_obj"]
    second_page = client.get(SEARCH, {"user": "police_officer", "page": 2}).context
    assert len(first.object_list) == 50
    assert first.object_list[0].at > first.object_list[-1].at
    assert len(second_page["page_obj"].object_list) == 5
    assert "user=police_officer" in second_page["extra_query"]


@pytest.mark.parametrize("page_size", [5, 50])
def test_query_count_does_not_grow_with_the_page(
    client, team, monkeypatch, django_assert_max_num_queries, page_size
):
    for person in workspace.STAFF:
        for _ in range(6):
            log(team.people[person])
    monkeypatch.setattr(audit_log, "PAGE_SIZE", page_size)
    workspace.mfa_client(client, team.auditor)
    client.get(SEARCH)  # warm the session and MFA look-ups
    with django_assert_max_num_queries(18):
        response = client.get(SEARCH)
    assert len(response.context["page_obj"].object_list) == page_size


# --- searching is audited -----------------------------------------------------


def test_a_search_is_audited_with_its_filters_as_ids(client, team):
    workspace.mfa_client(client, team.auditor)
    county = team.agencies["county"]
    client.get(
        SEARCH,
        {"user": "county_member", "agency": county.pk, "date_from": "2026-01-01"},
    )
    (entry,) = searches(team.auditor)
    assert entry.outcome == AuditOutcome.SUCCESS
    assert entry.agency_id is None  # auditors have no agency
    assert entry.details["filters"] == {
        "agency": county.pk,
        "date_from": "2026-01-01",
        "user": "county_member",
    }
    assert entry.details["page"] == 1


# --- bad filters --------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "field", "message"),
    [
        ({"date_from": "01/03/2026"}, "date_from", "Enter a date as YYYY-MM-DD"),
        ({"date_to": "2026-02-30"}, "date_to", "Enter a date as YYYY-MM-DD"),
        ({"action": "made_up"}, "action", "Unknown action “made_up”"),
        ({"outcome": "maybe"}, "outcome", "Unknown outcome"),
        ({"object_type": "auth.group_x"}, "object_type", "Unknown object type"),
        ({"object_id": "12"}, "object_type", "Choose the object type too"),
        ({"ip": "999.1.1.1"}, "ip", "valid IPv4 or IPv6"),
        ({"agency": "999999"}, "agency", "Choose an agency from the list"),
        ({"user": "two words"}, "user", "Enter a valid username"),
        (
            {"date_from": "2026-03-02", "date_to": "2026-03-01"},
            "date_to",
            "before the start date",
        ),
    ],
)
@pytest.mark.parametrize("url", [SEARCH, EXPORT])
def test_a_bad_filter_gets_a_clear_error_and_no_entries(
    client, team, filters, field, message, url
):
    log(team.police_officer)
    workspace.mfa_client(client, team.auditor)
    response = client.get(url, filters)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert response.context["page_obj"] is None
    html = response.content.decode()
    assert "police_officer" not in html.split('id="audit-filter-heading"')[1]
    # What was typed stays in the form.
    for name, value in filters.items():
        if name in ("user", "object_id", "date_from", "date_to", "ip"):
            assert f'value="{value}"' in html
    action = AuditAction.AUDIT_SEARCHED if url == SEARCH else AuditAction.AUDIT_EXPORTED
    refused = AuditEntry.objects.get(user=team.auditor, action=action)
    assert refused.outcome == AuditOutcome.FAILURE
    assert field in refused.details["invalid"]


# --- CSV export ---------------------------------------------------------------


def test_csv_streams_a_header_and_one_row_per_entry(client, team):
    the_case = workspace.case(team, workspace.subject(team, workspace.market(team)))
    log(team.county_prosecutor, obj=the_case, reason="shared: need to know")
    workspace.mfa_client(client, team.administrator)
    response = client.get(EXPORT, {"object_type": "agencies.case"})
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="audit-log-'
    )
    header, *rows = rows_of(response)
    assert header == list(audit_log.CSV_COLUMNS)
    by_reason = [row for row in rows if row[11] == "shared: need to know"]
    assert len(by_reason) == 1
    row = dict(zip(header, by_reason[0], strict=True))
    assert row["time_utc"] == "2026-03-01 14:05:09.98 UTC"
    assert row["username"] == "county_prosecutor"
    assert row["agency"] == "Harbor County Prosecutor"
    assert (row["object_type"], row["object_id"]) == ("agencies.case", str(the_case.pk))
    assert (row["ip_address"], row["user_agent"]) == ("203.0.113.9", "Firefox/140")
    assert all(r[6] == "agencies.case" for r in rows)


def test_csv_export_is_audited_with_the_number_of_rows_sent(client, team):
    for _ in range(3):
        log(team.police_officer)
    log(team.county_member)
    workspace.mfa_client(client, team.auditor)
    response = client.get(EXPORT, {"user": "police_officer"})
    header, *rows = rows_of(response)
    exported = AuditEntry.objects.get(action=AuditAction.AUDIT_EXPORTED)
    assert exported.user == team.auditor
    assert exported.details == {"filters": {"user": "police_officer"}, "rows": 3}
    assert len(rows) == 3


@pytest.mark.parametrize("payload", ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_never_start_a_formula(client, team, payload):
    log(team.police_officer, reason=payload, agent=payload)
    workspace.mfa_client(client, team.auditor)
    header, *rows = rows_of(client.get(EXPORT, {"user": "police_officer"}))
    (row,) = rows
    assert row[header.index("reason")] == "'" + payload
    assert row[header.index("user_agent")] == "'" + payload
    for cell in row:
        assert not cell.startswith(("=", "+", "-", "@"))


def test_an_export_holds_the_rows_that_existed_when_it_started(team):
    for _ in range(5):
        log(team.police_officer)
    export = audit_entry_export(user=team.auditor, filters={})
    log(team.police_officer)  # written while the download runs
    lines = "".join(audit_log._csv_chunks(export, lines_per_chunk=2)).splitlines()
    assert len(lines) == 1 + export.count
    assert export.count == AuditEntry.objects.count() - 1


def test_nobody_else_gets_rows_from_the_selectors(team):
    log(team.police_officer)
    for person in ["police_lead", "county_prosecutor", "public_editor"]:
        assert not audit_entry_list(user=team.people[person], filters={}).exists()
        assert audit_entry_export(user=team.people[person], filters={}).count == 0


@pytest.mark.parametrize("microsecond", [0, 9999, 10000, 987654, 999999])
def test_csv_time_is_the_logs_own_display(team, microsecond):
    entry = log(
        team.police_officer,
        at=datetime(2026, 3, 1, 23, 59, 59, microsecond, tzinfo=UTC),
    )
    entry.refresh_from_db()
    assert utc_display(entry.at) == entry.at_display


def test_csv_safe_leaves_ordinary_text_alone():
    assert audit_log.csv_safe("Firefox/140") == "Firefox/140"
    assert audit_log.csv_safe(None) == ""
    assert audit_log.csv_safe(12) == "12"
    assert audit_log.csv_safe("\t=1") == "'\t=1"
