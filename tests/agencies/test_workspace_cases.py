"""Case screens: the list (and banked cases due for review), a case's page,
opening a case, moving its status."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agencies.choices import CaseStatus
from agencies.models import AuditEntry, Case, CaseStatusChange
from agencies.services.records import case_status_change
from agencies.workspace import markets as list_views
from tests import workspace
from tests.agencies.workspace_notes_helpers import POLICE, sign_in
from tests.agencies.workspace_records_helpers import (
    MISSING,
    matrix,
    records_scene,
    same_page,
    statuses,
)

pytestmark = pytest.mark.django_db

FEDERAL = ("federal_prosecutor", "federal_member")
COUNTY = ("county_prosecutor", "county_member")
LIST_QUERIES = 20


def move(team, case, *statuses_in_order, by="police_officer", **kw):
    for status in statuses_in_order:
        case_status_change(case=case, to_status=status, by=team.people[by], **kw)
    case.refresh_from_db()
    return case


def bank(team, case):
    return move(team, case, CaseStatus.READY, CaseStatus.BANKED)


# --- who may open what -------------------------------------------------------


def test_case_list_answers_each_role_with_only_visible_cases(client, team):
    s = records_scene(team)
    assert statuses(client, team, "/workspace/cases/") == matrix(
        200, auditor=404, administrator=404, public_editor=404
    )
    for person in ("police_officer", "federal_member", "county_prosecutor"):
        html = sign_in(client, team, person).get("/workspace/cases/").content
        assert (s.case.title.encode() in html) == (person in POLICE + FEDERAL)


def test_case_list_names_a_subject_only_to_those_who_may_see_it(client, team):
    s = records_scene(team)
    federal = sign_in(client, team, "federal_member").get("/workspace/cases/")
    assert b"Sales on 5th Street" in federal.content
    assert b"A subject not shared with you" in federal.content
    assert s.shared.full_name.encode() not in federal.content
    police = sign_in(client, team, "police_officer").get("/workspace/cases/")
    assert s.shared.full_name.encode() in police.content


def test_case_page_answers_owner_and_those_it_is_shared_with(client, team):
    s = records_scene(team)
    url = f"/workspace/cases/{s.case.pk}/"
    # The county sees the subject but not this case: 404 all the same.
    assert statuses(client, team, url) == matrix(
        404, **dict.fromkeys(POLICE + FEDERAL, 200)
    )


@pytest.mark.parametrize(
    "path", ["/workspace/cases/{pk}/", "/workspace/cases/{pk}/status/"]
)
def test_an_unshared_case_is_exactly_like_a_missing_one(client, team, path):
    s = records_scene(team)
    sign_in(client, team, "county_prosecutor")
    hidden = client.get(path.format(pk=s.case.pk))
    missing = client.get(path.format(pk=MISSING))
    assert hidden.status_code == missing.status_code == 404
    assert same_page(hidden, missing)
    posted = client.post(path.format(pk=s.case.pk), {"to_status": "ready"})
    assert posted.status_code == 404
    s.case.refresh_from_db()
    assert s.case.status == CaseStatus.BUILDING


def test_case_page_shows_status_history_and_notes(client, team):
    s = records_scene(team)
    move(team, s.case, CaseStatus.READY, CaseStatus.BANKED, comment="Call-in list")
    move(
        team,
        s.case,
        CaseStatus.ACTIVATED,
        by="police_lead",
        activation_reason="no_show",
    )
    html = sign_in(client, team, "federal_member").get(f"/workspace/cases/{s.case.pk}/")
    text = html.content.decode()
    assert "Activated" in text and "Did not attend the call-in" in text
    assert "Call-in list" in text and "police_lead" in text
    assert "A subject not shared with you" in text and s.shared.full_name not in text
    assert 'id="notes-heading"' in text
    assert 'id="case-status-heading"' not in text  # a member of another agency
    federal_lead = sign_in(client, team, "federal_prosecutor").get(
        f"/workspace/cases/{s.case.pk}/"
    )
    assert b'id="case-status-heading"' in federal_lead.content


def test_case_page_read_is_audited(client, team):
    s = records_scene(team)
    sign_in(client, team, "federal_member").get(f"/workspace/cases/{s.case.pk}/")
    entry = AuditEntry.objects.filter(action="record_viewed").first()
    assert entry.user == team.federal_member
    assert (entry.object_type, entry.object_id) == ("agencies.case", str(s.case.pk))


# --- opening a case ----------------------------------------------------------


def test_cases_are_opened_by_the_subjects_owner(client, team):
    s = records_scene(team)
    url = f"/workspace/subjects/{s.shared.pk}/cases/new/"
    expected = matrix(
        404,
        **dict.fromkeys(POLICE, 200),
        **dict.fromkeys(COUNTY + ("probation_officer",), 403),
    )
    assert statuses(client, team, url) == expected
    refused = statuses(client, team, url, {"title": "Mine"}, people=COUNTY)
    assert refused == dict.fromkeys(COUNTY, 403)
    sign_in(client, team, "police_officer")
    response = client.post(url, {"title": "Sales on Elm"})
    created = Case.objects.get(title="Sales on Elm")
    assert response["Location"] == f"/workspace/cases/{created.pk}/"
    assert created.agency == team.agencies["police"]
    assert created.status == CaseStatus.BUILDING
    assert created.history.get().to_status == CaseStatus.BUILDING
    assert AuditEntry.objects.filter(
        action="record_created", object_type="agencies.case", object_id=created.pk
    ).exists()


def test_new_case_errors_keep_input(client, team):
    s = records_scene(team)
    sign_in(client, team, "police_officer")
    response = client.post(
        f"/workspace/subjects/{s.shared.pk}/cases/new/", {"title": "x" * 201}
    )
    assert response.status_code == 200
    assert b"Ensure this value has at most 200 characters" in response.content
    assert b"x" * 201 in response.content
    blank = client.post(f"/workspace/subjects/{s.shared.pk}/cases/new/", {"title": ""})
    assert b"Give the case a title." in blank.content
    assert Case.objects.count() == 1


# --- moving a case -----------------------------------------------------------


def test_status_changes_are_for_the_owner_and_prosecutor_leads_who_see_it(client, team):
    s = records_scene(team)
    url = f"/workspace/cases/{s.case.pk}/status/"
    expected = matrix(
        404,
        **dict.fromkeys(POLICE, 200),
        federal_prosecutor=200,
        federal_member=403,
    )
    assert statuses(client, team, url) == expected
    refused = statuses(
        client, team, url, {"to_status": "ready"}, people=("federal_member",)
    )
    assert refused == {"federal_member": 403}
    s.case.refresh_from_db()
    assert s.case.status == CaseStatus.BUILDING


def test_only_allowed_transitions_are_offered_and_accepted(client, team):
    s = records_scene(team)
    url = f"/workspace/cases/{s.case.pk}/status/"
    sign_in(client, team, "police_officer")
    form = client.get(url).content.decode()
    assert 'value="ready"' in form and 'value="closed"' in form
    assert 'value="filed"' not in form and 'value="activated"' not in form
    jump = client.post(url, {"to_status": "filed", "comment": "Skip ahead"})
    assert jump.status_code == 200
    assert b"A case cannot move to that status from here." in jump.content
    assert b"Skip ahead" in jump.content
    ready = client.post(url, {"to_status": "ready", "comment": "Buys complete"})
    assert ready["Location"] == f"/workspace/cases/{s.case.pk}/"
    s.case.refresh_from_db()
    assert s.case.status == CaseStatus.READY
    entry = AuditEntry.objects.get(action="case_status_changed")
    assert entry.details == {"from": "building", "to": "ready"}
    assert entry.user == team.police_officer


def test_activating_a_banked_case_requires_the_reason(client, team):
    s = records_scene(team)
    bank(team, s.case)
    url = f"/workspace/cases/{s.case.pk}/status/"
    sign_in(client, team, "federal_prosecutor")
    missing = client.post(url, {"to_status": "activated", "comment": "Seen dealing"})
    assert missing.status_code == 200
    assert b"Say why the banked case is activated" in missing.content
    assert b"Seen dealing" in missing.content
    wrong = client.post(
        url, {"to_status": "closed", "activation_reason": "no_show", "comment": "c"}
    )
    assert b"A reason is only given when a banked case is activated." in wrong.content
    s.case.refresh_from_db()
    assert s.case.status == CaseStatus.BANKED
    done = client.post(
        url,
        {
            "to_status": "activated",
            "activation_reason": "renewed_dealing",
            "comment": "Seen dealing",
        },
    )
    assert done.status_code == 302
    change = CaseStatusChange.objects.filter(case=s.case).last()
    assert change.to_status == "activated"
    assert change.activation_reason == "renewed_dealing"
    assert change.changed_by == team.federal_prosecutor
    entry = AuditEntry.objects.filter(action="case_status_changed").first()
    assert entry.reason == "renewed_dealing" and entry.user == team.federal_prosecutor


def test_a_closed_case_offers_no_move(client, team):
    s = records_scene(team)
    move(team, s.case, CaseStatus.CLOSED)
    sign_in(client, team, "police_officer")
    page = client.get(f"/workspace/cases/{s.case.pk}/status/")
    assert b"A closed case does not change status." in page.content
    refused = client.post(
        f"/workspace/cases/{s.case.pk}/status/", {"to_status": "ready"}
    )
    assert refused.status_code == 200
    assert b"A closed case does not change status." in refused.content
    s.case.refresh_from_db()
    assert s.case.status == CaseStatus.CLOSED


# --- the list: filters, review order, pages, queries -------------------------


def test_case_list_filters_by_status(client, team):
    s = records_scene(team)
    other = workspace.case(team, s.private, title="Hand-to-hand on Elm")
    move(team, other, CaseStatus.READY)
    sign_in(client, team, "police_officer")
    ready = client.get("/workspace/cases/?status=ready").content.decode()
    assert "Hand-to-hand on Elm" in ready and "Sales on 5th Street" not in ready
    building = client.get("/workspace/cases/?status=building").content.decode()
    assert "Sales on 5th Street" in building and "Hand-to-hand" not in building
    bad = client.get("/workspace/cases/?status=lost")
    assert b"Choose a status from the list." in bad.content
    entry = AuditEntry.objects.filter(action="record_listed").first()
    assert entry.details["list"] == "case"


def test_banked_cases_due_for_review_come_oldest_status_change_first(
    client, team, time_machine
):
    s = records_scene(team)
    cases = [workspace.case(team, s.private, title=f"Case {n}") for n in "ABC"]
    start = timezone.now() + datetime.timedelta(days=1)
    # Banked on different days, and not in the order they were opened.
    for days, case in zip((20, 5, 10), cases, strict=True):
        time_machine.move_to(start + datetime.timedelta(days=days))
        bank(team, case)
    move(team, s.case, CaseStatus.READY)  # ready, not banked: not due
    time_machine.move_to(start + datetime.timedelta(days=30))
    sign_in(client, team, "police_officer")
    html = client.get("/workspace/cases/?status=review").content.decode()
    positions = [html.index(f"Case {n}") for n in "BCA"]
    assert positions == sorted(positions)
    assert "Sales on 5th Street" not in html


def test_case_list_pages(client, team, monkeypatch):
    monkeypatch.setattr(list_views, "PAGE_SIZE", 2)
    s = records_scene(team)
    for n in range(2):
        workspace.case(team, s.private, title=f"Extra case {n}")
    sign_in(client, team, "police_officer")
    first = client.get("/workspace/cases/").content.decode()
    assert "Extra case 1" in first and "Extra case 0" in first  # newest first
    assert "Page 1 of 2" in first and "Sales on 5th Street" not in first
    second = client.get("/workspace/cases/?page=2").content.decode()
    assert "Sales on 5th Street" in second


def test_case_list_queries_do_not_grow_with_the_page_size(
    client, team, monkeypatch, django_assert_max_num_queries
):
    s = records_scene(team)
    for n in range(12):
        bank(team, workspace.case(team, s.private, title=f"Case {n:02}"))
    sign_in(client, team, "police_officer").get("/workspace/cases/")  # warm up
    counts = []
    for size in (3, 12):
        monkeypatch.setattr(list_views, "PAGE_SIZE", size)
        with (
            django_assert_max_num_queries(LIST_QUERIES),
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.get("/workspace/cases/?status=review")
        assert response.content.count(b'<th scope="row">') == size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
