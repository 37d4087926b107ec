"""Market screens: list, page, new market, phase and dates, partners."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.models import AuditEntry, Market
from agencies.permissions import can_view
from agencies.workspace import markets as market_views
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

COUNTY = ("county_prosecutor", "county_member")
# A list page: the door (session, user, MFA, membership), count, page of rows,
# one prefetch, the audit entry, the site's chrome. Not one more per row.
LIST_QUERIES = 20
NEW_MARKET = {
    "name": "Northgate market",
    "selection_reasons": "Calls for service up 40 %.",
    "phase": "investigation",
    "identified_on": "2026-01-05",
    "investigation_started_on": "2026-02-01",
}


def market_ref(market):
    return ("agencies.market", str(market.pk))


# --- who may open what -------------------------------------------------------


def test_market_list_answers_each_role_with_only_their_markets(client, team):
    s = records_scene(team)
    assert statuses(client, team, "/workspace/markets/") == matrix(
        200, auditor=404, administrator=404, public_editor=404
    )
    for person in ("police_officer", "county_member", "federal_prosecutor"):
        html = sign_in(client, team, person).get("/workspace/markets/").content
        assert (s.market.name.encode() in html) == (person in POLICE + COUNTY)
        assert s.other_market.name.encode() not in html
    html = sign_in(client, team, "other_precinct_officer").get("/workspace/markets/")
    assert s.other_market.name.encode() in html.content
    assert s.market.name.encode() not in html.content


def test_market_page_answers_lead_and_partners_only(client, team):
    s = records_scene(team)
    url = f"/workspace/markets/{s.market.pk}/"
    expected = matrix(404, **dict.fromkeys(POLICE + COUNTY, 200))
    assert statuses(client, team, url) == expected


@pytest.mark.parametrize(
    "path",
    [
        "/workspace/markets/{pk}/",
        "/workspace/markets/{pk}/edit/",
        "/workspace/markets/{pk}/partners/",
        "/workspace/markets/{pk}/subjects/new/",
    ],
)
def test_an_invisible_market_is_exactly_like_a_missing_one(client, team, path):
    s = records_scene(team)
    sign_in(client, team, "police_lead")
    hidden = client.get(path.format(pk=s.other_market.pk))
    missing = client.get(path.format(pk=MISSING))
    assert hidden.status_code == missing.status_code == 404
    assert same_page(hidden, missing)
    posted = client.post(path.format(pk=s.other_market.pk), {"reason": "x"})
    assert posted.status_code == 404


def test_market_page_shows_dates_reasons_partners_and_visible_subjects(
    client, team, neighborhood
):
    s = records_scene(team)
    Market.objects.filter(pk=s.market.pk).update(
        neighborhood=neighborhood, call_in_on=datetime.date(2026, 6, 3)
    )
    html = sign_in(client, team, "county_member").get(
        f"/workspace/markets/{s.market.pk}/"
    )
    text = html.content.decode()
    assert "Calls for service" in text and "Harbor County Prosecutor" in text
    assert "Riverton Police, 3rd Precinct" in text
    assert neighborhood.url in text and "June 3, 2026" in text
    assert "Darnell Example" in text  # shared with the county
    assert "Marcus Hidden" not in text  # shared with nobody
    assert 'id="notes-heading"' in text  # the notes block
    assert "Change phase and dates" not in text and ">Partners</a>" not in text
    police = sign_in(client, team, "police_lead").get(
        f"/workspace/markets/{s.market.pk}/"
    )
    assert b"Marcus Hidden" in police.content
    assert b"Change phase and dates" in police.content


def test_market_page_read_is_audited(client, team):
    s = records_scene(team)
    sign_in(client, team, "county_member").get(f"/workspace/markets/{s.market.pk}/")
    entry = AuditEntry.objects.filter(action="record_viewed").first()
    assert entry.user == team.county_member
    assert (entry.object_type, entry.object_id) == ("agencies.market", str(s.market.pk))
    assert entry.agency_id == team.agencies["county"].pk


# --- a new market ------------------------------------------------------------


def test_any_agency_staff_member_may_open_the_new_market_form(client, team):
    assert statuses(client, team, "/workspace/markets/new/") == matrix(
        200, auditor=404, administrator=404, public_editor=404
    )


def test_a_new_market_is_led_by_the_creators_agency_and_seen_by_partners(client, team):
    sign_in(client, team, "county_member")
    county, federal = team.agencies["county"], team.agencies["federal"]
    response = client.post(
        "/workspace/markets/new/", {**NEW_MARKET, "partners": [federal.pk]}
    )
    market = Market.objects.get(name="Northgate market")
    assert response.status_code == 302
    assert response["Location"] == f"/workspace/markets/{market.pk}/"
    assert market.lead_agency == county and market.created_by == team.county_member
    assert market.phase == "investigation"
    assert list(market.partners.all()) == [federal]
    assert can_view(team.federal_member, market)
    assert not can_view(team.police_lead, market)
    actions = set(
        AuditEntry.objects.filter(
            object_type="agencies.market", object_id=str(market.pk)
        ).values_list("action", flat=True)
    )
    assert {"record_created", "shared"} <= actions


def test_new_market_errors_keep_what_was_typed(client, team):
    sign_in(client, team, "police_officer")
    response = client.post(
        "/workspace/markets/new/",
        {
            **NEW_MARKET,
            "selection_reasons": "   ",
            "investigation_started_on": "2025-12-01",  # before identification
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Say why this market was chosen." in html
    assert "This date is before" in html
    assert 'value="Northgate market"' in html and 'value="2025-12-01"' in html
    assert not Market.objects.filter(name="Northgate market").exists()


# --- phase and dates ---------------------------------------------------------


def test_phase_and_dates_are_for_the_lead_agency(client, team):
    s = records_scene(team)
    url = f"/workspace/markets/{s.market.pk}/edit/"
    expected = matrix(
        404, police_lead=200, police_officer=200, **dict.fromkeys(COUNTY, 403)
    )
    assert statuses(client, team, url) == expected
    # A refused POST changes nothing.
    refused = statuses(client, team, url, {"phase": "call_in"}, people=COUNTY)
    assert refused == dict.fromkeys(COUNTY, 403)
    s.market.refresh_from_db()
    assert s.market.phase == "identification"


def test_changing_phase_and_dates_is_audited(client, team):
    s = records_scene(team)
    sign_in(client, team, "police_officer")
    response = client.post(
        f"/workspace/markets/{s.market.pk}/edit/",
        {"phase": "call_in", "call_in_on": "2026-06-03"},
    )
    assert response.status_code == 302
    s.market.refresh_from_db()
    assert s.market.phase == "call_in"
    assert s.market.call_in_on == datetime.date(2026, 6, 3)
    entry = AuditEntry.objects.get(action="record_changed")
    assert entry.user == team.police_officer
    assert entry.details == {"fields": ["call_in_on", "phase"], "phase": "call_in"}


def test_phase_form_errors_keep_input(client, team):
    s = records_scene(team)
    sign_in(client, team, "police_lead")
    response = client.post(
        f"/workspace/markets/{s.market.pk}/edit/",
        {"phase": "sideways", "call_in_on": "2026-06-03"},
    )
    assert response.status_code == 200
    assert b'value="2026-06-03"' in response.content
    assert b"Select a valid choice" in response.content
    assert not AuditEntry.objects.filter(action="record_changed").exists()


# --- partners ----------------------------------------------------------------


def test_partners_are_managed_by_leads_of_the_lead_agency(client, team):
    s = records_scene(team)
    expected = matrix(
        404, police_lead=200, police_officer=403, **dict.fromkeys(COUNTY, 403)
    )
    for path in ("partners/", "partners/add/", "partners/remove/"):
        url = f"/workspace/markets/{s.market.pk}/{path}"
        assert statuses(client, team, url) == expected, path
    refused = {"agency": team.agencies["federal"].pk, "reason": "Need"}
    add = f"/workspace/markets/{s.market.pk}/partners/add/"
    people = ("police_officer", *COUNTY)
    assert set(statuses(client, team, add, refused, people=people).values()) == {403}
    assert not can_view(team.federal_member, s.market)


def test_adding_and_removing_a_partner_with_a_reason(client, team):
    s = records_scene(team)
    federal = team.agencies["federal"]
    sign_in(client, team, "police_lead")
    base = f"/workspace/markets/{s.market.pk}/partners/"
    added = client.post(
        base + "add/", {"agency": federal.pk, "reason": "Federal firearms case"}
    )
    assert added.status_code == 302
    assert can_view(team.federal_member, s.market)
    shared = AuditEntry.objects.filter(action="shared").first()  # newest
    assert (shared.object_type, shared.object_id) == market_ref(s.market)
    assert shared.reason == "Federal firearms case"
    assert shared.details == {"agency_id": federal.pk}
    removed = client.post(
        base + "remove/", {"agency": federal.pk, "reason": "Case declined"}
    )
    assert removed.status_code == 302
    assert not can_view(team.federal_member, s.market)
    revoked = AuditEntry.objects.get(action="share_revoked")
    assert (revoked.object_type, revoked.object_id) == market_ref(s.market)
    assert revoked.reason == "Case declined" and revoked.user == team.police_lead


def test_partner_forms_need_a_reason_and_a_real_choice(client, team):
    s = records_scene(team)
    before = AuditEntry.objects.filter(action__in=["shared", "share_revoked"]).count()
    sign_in(client, team, "police_lead")
    base = f"/workspace/markets/{s.market.pk}/partners/"
    no_reason = client.post(
        base + "add/", {"agency": team.agencies["federal"].pk, "reason": " "}
    )
    assert no_reason.status_code == 200
    assert b"Give the reason they need to know." in no_reason.content
    lead_again = client.post(
        base + "add/", {"agency": team.agencies["police"].pk, "reason": "Typed text"}
    )
    assert b"Choose an agency from the list." in lead_again.content
    assert b"Typed text" in lead_again.content
    not_partner = client.post(
        base + "remove/", {"agency": team.agencies["federal"].pk, "reason": "Gone"}
    )
    assert b"Choose one of the market&#x27;s partners." in not_partner.content
    after = AuditEntry.objects.filter(action__in=["shared", "share_revoked"]).count()
    assert after == before
    assert list(s.market.partners.all()) == [team.agencies["county"]]


# --- the list: filters, pages, queries ---------------------------------------


def test_market_list_filters_by_phase_and_pages(client, team, monkeypatch):
    monkeypatch.setattr(market_views, "PAGE_SIZE", 2)
    for number in range(3):
        workspace.market(team, name=f"Market {number}", phase="call_in")
    workspace.market(team, name="Market quiet")
    sign_in(client, team, "police_officer")
    first = client.get("/workspace/markets/?phase=call_in").content.decode()
    assert "Market 0" in first and "Market 1" in first and "Market 2" not in first
    assert "Page 1 of 2" in first and "phase=call_in&amp;page=2" in first
    second = client.get("/workspace/markets/?phase=call_in&page=2").content.decode()
    assert "Market 2" in second and "Market quiet" not in second
    bad = client.get("/workspace/markets/?phase=nonsense")
    assert bad.status_code == 200 and b"Choose a phase from the list." in bad.content
    assert b"Market 0" not in bad.content
    entry = AuditEntry.objects.filter(action="record_listed").first()
    assert entry.details["list"] == "market"


def test_market_list_queries_do_not_grow_with_the_page_size(
    client, team, monkeypatch, django_assert_max_num_queries
):
    for number in range(12):
        workspace.market(team, name=f"Market {number:02}", partners=("county", "city"))
    sign_in(client, team, "police_officer").get("/workspace/markets/")  # warm up
    counts = []
    for size in (3, 12):
        monkeypatch.setattr(market_views, "PAGE_SIZE", size)
        with (
            django_assert_max_num_queries(LIST_QUERIES),
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.get("/workspace/markets/")
        assert response.content.count(b'<th scope="row">') == size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
