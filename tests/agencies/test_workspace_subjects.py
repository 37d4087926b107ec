"""Subject screens: list and search, a subject's page, new subject, buys, decisions."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.choices import DecisionStatus
from agencies.models import AuditEntry, ControlledBuy, RiskDecision, Subject
from agencies.permissions import can_view
from agencies.services import sharing
from agencies.services.decisions import decision_approve, decision_propose
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

COUNTY = ("county_prosecutor", "county_member")
SHARED_WITH = POLICE + COUNTY + ("probation_officer",)  # who sees the shared subject
LIST_QUERIES = 20
BUY = {
    "occurred_at": "2026-03-01T14:30",
    "place": "Corner of 5th and Elm",
    "officer_reference": "UC-114",
    "substance": "Crack cocaine",
    "amount": "0.4 g",
    "video_reference": "VID-2026-0301",
}
LOW = {"tier": "low", "rationale": "No criteria met; first contact."}


def propose(team, subject, **fields):
    return decision_propose(
        subject=subject, by=team.police_officer, **{**LOW, **fields}
    )


def share(team, record, agency_key):
    sharing.record_share(
        record=record,
        by=team.police_lead,
        agency=team.agencies[agency_key],
        reason="Review",
    )


def ref(obj):
    return (obj._meta.label_lower, str(obj.pk))


# --- who may open what -------------------------------------------------------


def test_subject_list_answers_each_role_with_only_visible_subjects(client, team):
    s = records_scene(team)
    assert statuses(client, team, "/workspace/subjects/") == matrix(
        200, auditor=404, administrator=404, public_editor=404
    )
    for person in ("police_officer", "county_member", "probation_officer"):
        html = sign_in(client, team, person).get("/workspace/subjects/").content
        assert s.shared.full_name.encode() in html
        assert (s.private.full_name.encode() in html) == (person in POLICE)
    for person in ("federal_prosecutor", "provider_staff", "other_precinct_officer"):
        html = sign_in(client, team, person).get("/workspace/subjects/").content
        assert s.shared.full_name.encode() not in html


def test_subject_page_answers_owner_and_those_it_is_shared_with(client, team):
    s = records_scene(team)
    shared = statuses(client, team, f"/workspace/subjects/{s.shared.pk}/")
    assert shared == matrix(404, **dict.fromkeys(SHARED_WITH, 200))
    private = statuses(client, team, f"/workspace/subjects/{s.private.pk}/")
    assert private == matrix(404, **dict.fromkeys(POLICE, 200))


@pytest.mark.parametrize(
    "path",
    [
        "/workspace/subjects/{pk}/",
        "/workspace/subjects/{pk}/buys/new/",
        "/workspace/subjects/{pk}/decisions/new/",
        "/workspace/subjects/{pk}/cases/new/",
    ],
)
def test_an_unshared_subject_is_exactly_like_a_missing_one(client, team, path):
    s = records_scene(team)
    sign_in(client, team, "county_prosecutor")
    hidden = client.get(path.format(pk=s.private.pk))
    missing = client.get(path.format(pk=MISSING))
    assert hidden.status_code == missing.status_code == 404
    assert same_page(hidden, missing)
    posted = client.post(path.format(pk=s.private.pk), {**BUY, **LOW, "title": "x"})
    assert posted.status_code == 404
    assert not s.private.buys.exists() and not s.private.decisions.exists()
    assert not s.private.cases.exists()


def test_subject_page_shows_the_record_and_what_the_viewer_may_do(client, team):
    s = records_scene(team)
    decision = propose(
        team, s.shared, major_dealer=True, tier="high", prosecuting_office="county"
    )
    decision_approve(
        decision=decision, by=team.police_lead, rationale="Agreed: UC buys"
    )
    s.shared.buys.create(
        occurred_at="2026-03-01T14:30Z",
        place="5th and Elm",
        officer_reference="UC-114",
        substance="Heroin",
        amount="1 g",
    )
    county = sign_in(client, team, "county_prosecutor").get(
        f"/workspace/subjects/{s.shared.pk}/"
    )
    html = county.content.decode()
    assert "Dee, Big D" in html and "5th and Elm" in html and "UC-114" in html
    assert "Agreed: UC buys" in html and "Not yet approved" in html
    assert "Major dealer" in html and "County prosecutor's office" in html
    assert f"/workspace/decisions/{decision.pk}/approve/" in html  # a prosecutor lead
    assert "Sales on 5th Street" not in html  # the case is not shared with the county
    assert "Add a controlled buy" not in html and "Open a case" not in html
    assert 'id="notes-heading"' in html
    assert 'id="sharing-heading"' not in html  # sharing is the owner's business
    police = (
        sign_in(client, team, "police_officer")
        .get(f"/workspace/subjects/{s.shared.pk}/")
        .content.decode()
    )
    assert "Sales on 5th Street" in police and "Add a controlled buy" in police
    assert 'id="sharing-heading"' in police
    assert f"/workspace/decisions/{decision.pk}/approve/" not in police  # a member


def test_subject_page_hides_a_market_not_shared_with_the_viewer(client, team):
    s = records_scene(team)
    html = (
        sign_in(client, team, "probation_officer")
        .get(f"/workspace/subjects/{s.shared.pk}/")
        .content.decode()
    )
    assert "A market not shared with you" in html and s.market.name not in html


def test_subject_page_read_is_audited(client, team):
    s = records_scene(team)
    sign_in(client, team, "probation_officer").get(
        f"/workspace/subjects/{s.shared.pk}/"
    )
    entry = AuditEntry.objects.filter(action="record_viewed").first()
    assert entry.user == team.probation_officer
    assert (entry.object_type, entry.object_id) == ref(s.shared)


# --- a new subject -----------------------------------------------------------


def test_subjects_are_recorded_within_a_market_the_viewer_sees(client, team):
    s = records_scene(team)
    url = f"/workspace/markets/{s.market.pk}/subjects/new/"
    assert statuses(client, team, url) == matrix(
        404, **dict.fromkeys(POLICE + COUNTY, 200)
    )
    sign_in(client, team, "county_member")
    response = client.post(
        url,
        {"full_name": "Terrell Sample", "aliases": "T", "date_of_birth": "1999-04-02"},
    )
    created = Subject.objects.get(full_name="Terrell Sample")
    assert response["Location"] == f"/workspace/subjects/{created.pk}/"
    assert created.market == s.market and created.agency == team.agencies["county"]
    assert can_view(team.county_prosecutor, created)
    assert not can_view(team.police_lead, created)  # until the county shares it
    entry = AuditEntry.objects.get(
        action="record_created", object_type="agencies.subject", object_id=created.pk
    )
    assert entry.user == team.county_member
    assert "Terrell" not in str(entry.details) + entry.reason


def test_new_subject_errors_keep_what_was_typed(client, team):
    s = records_scene(team)
    sign_in(client, team, "police_officer")
    response = client.post(
        f"/workspace/markets/{s.market.pk}/subjects/new/",
        {
            "full_name": "Future Person",
            "date_of_birth": "2999-01-01",
            "description": "Red jacket",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "A date of birth cannot be in the future." in html
    assert 'value="Future Person"' in html and "Red jacket" in html
    assert not Subject.objects.filter(full_name="Future Person").exists()


# --- controlled buys ---------------------------------------------------------


def test_controlled_buys_are_added_by_the_owning_agency(client, team):
    s = records_scene(team)
    url = f"/workspace/subjects/{s.shared.pk}/buys/new/"
    expected = matrix(
        404,
        **dict.fromkeys(POLICE, 200),
        **dict.fromkeys(COUNTY + ("probation_officer",), 403),
    )
    assert statuses(client, team, url) == expected
    refused = statuses(client, team, url, BUY, people=COUNTY)
    assert refused == dict.fromkeys(COUNTY, 403) and not s.shared.buys.exists()
    sign_in(client, team, "police_officer")
    assert client.post(url, BUY)["Location"] == f"/workspace/subjects/{s.shared.pk}/"
    buy = ControlledBuy.objects.get(subject=s.shared)
    assert buy.recorded_by == team.police_officer and buy.video_reference
    entry = AuditEntry.objects.get(
        action="record_created", object_type="agencies.controlledbuy"
    )
    assert entry.details == {"subject_id": s.shared.pk}


def test_buy_form_errors_keep_what_was_typed(client, team):
    s = records_scene(team)
    sign_in(client, team, "police_officer")
    response = client.post(
        f"/workspace/subjects/{s.shared.pk}/buys/new/",
        {**BUY, "place": "", "occurred_at": "2999-01-01T10:00"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "A controlled buy cannot be in the future." in html
    assert "This field is required." in html
    assert 'value="UC-114"' in html and 'value="2999-01-01T10:00"' in html
    assert not s.shared.buys.exists()


# --- risk decisions ----------------------------------------------------------


def test_decisions_are_proposed_by_police_and_prosecutors_who_see_the_subject(
    client, team
):
    s = records_scene(team)
    url = f"/workspace/subjects/{s.shared.pk}/decisions/new/"
    expected = matrix(404, **dict.fromkeys(POLICE + COUNTY, 200), probation_officer=403)
    assert statuses(client, team, url) == expected
    sign_in(client, team, "county_member")
    response = client.post(
        url,
        {
            "violent_history": "on",
            "tier": "high",
            "prosecuting_office": "county",
            "rationale": "Assault record",
        },
    )
    assert response.status_code == 302
    decision = RiskDecision.objects.get(subject=s.shared)
    assert decision.violent_history and decision.prosecuting_office == "county"
    assert decision.proposed_by == team.county_member
    entry = AuditEntry.objects.get(action="decision_proposed")
    assert entry.details == {"subject_id": s.shared.pk, "tier": "high"}


def test_decision_form_shows_the_suggested_tier_and_keeps_input(client, team):
    s = records_scene(team)
    url = f"/workspace/subjects/{s.shared.pk}/decisions/new/"
    sign_in(client, team, "police_officer")
    typed = {"firearms_violation": "on", "rationale": "Gun at the buy", "tier": ""}
    preview = client.post(url, {**typed, "suggest": "1"}).content.decode()
    assert "Suggested tier: high risk" in preview
    assert "Gun at the buy" in preview and "This field is required" not in preview
    box = re.search(r'<input[^>]*name="firearms_violation"[^>]*>', preview).group(0)
    assert "checked" in box
    assert not RiskDecision.objects.exists()
    high = client.post(url, {**typed, "tier": "high"})
    assert high.status_code == 200
    html = high.content.decode()
    assert "Say which office prosecutes a high-risk subject." in html
    assert "Suggested tier: high risk" in html and "Gun at the buy" in html
    other = client.post(url, {"other": "on", "tier": "low", "rationale": "x"})
    assert b"Say what the other criterion is." in other.content
    low = client.post(url, {"tier": "low", "rationale": "Nothing found"})
    assert low.status_code == 302
    again = client.post(url, {"tier": "low", "rationale": "Second try"})
    assert b"already has a decision awaiting approval" in again.content
    assert b"Second try" in again.content
    assert RiskDecision.objects.count() == 1


def test_decisions_are_approved_by_a_police_lead_and_a_prosecutor_lead(client, team):
    s = records_scene(team)
    decision = propose(team, s.shared)
    url = f"/workspace/decisions/{decision.pk}/approve/"
    expected = matrix(
        404,
        police_lead=200,
        county_prosecutor=200,
        police_officer=403,
        county_member=403,
        probation_officer=403,
    )
    assert statuses(client, team, url) == expected
    refused = statuses(client, team, url, {"rationale": "x"}, people=("county_member",))
    assert refused == {"county_member": 403}
    sign_in(client, team, "county_prosecutor")
    assert client.post(url, {"rationale": "Low risk agreed"}).status_code == 302
    sign_in(client, team, "police_lead")
    assert client.post(url, {"rationale": "Banked for the call-in"}).status_code == 302
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.APPROVED
    assert decision.prosecutor_approved_by == team.county_prosecutor
    assert decision.police_rationale == "Banked for the call-in"
    assert AuditEntry.objects.filter(action="decision_approved").count() == 2
    s.case.refresh_from_db()
    assert s.case.status == "banked"  # an approved low-risk decision banks it
    page = client.get(f"/workspace/subjects/{s.shared.pk}/").content.decode()
    assert "Low risk agreed" in page and "Banked for the call-in" in page
    assert "Not yet approved" not in page


def test_approval_errors_keep_input_and_one_approval_per_side(client, team):
    s = records_scene(team)
    decision = propose(team, s.shared)
    url = f"/workspace/decisions/{decision.pk}/approve/"
    sign_in(client, team, "county_prosecutor")
    blank = client.post(url, {"rationale": "  "})
    assert b"Give the rationale for your approval." in blank.content
    client.post(url, {"rationale": "Agreed"})
    sign_in(client, team, "federal_prosecutor")  # cannot see the subject
    assert client.post(url, {"rationale": "Me too"}).status_code == 404
    share(team, s.shared, "city")
    sign_in(client, team, "city_prosecutor")
    twice = client.post(url, {"rationale": "Me too"})
    assert twice.status_code == 200
    assert b"A prosecutor lead has already approved this decision." in twice.content
    assert b"Me too" in twice.content
    decision.refresh_from_db()
    assert decision.prosecutor_rationale == "Agreed"


def test_a_guessed_decision_id_is_404(client, team):
    s = records_scene(team)
    hidden = propose(team, s.private)
    sign_in(client, team, "county_prosecutor")
    guessed = client.get(f"/workspace/decisions/{hidden.pk}/approve/")
    missing = client.get(f"/workspace/decisions/{MISSING}/approve/")
    assert guessed.status_code == missing.status_code == 404
    assert same_page(guessed, missing)


# --- the list: search, filters, pages, queries -------------------------------


def test_subject_search_finds_names_and_aliases_among_visible_subjects_only(
    client, team
):
    s = records_scene(team)
    sign_in(client, team, "county_member")
    by_alias = client.get("/workspace/subjects/?q=big+d").content.decode()
    assert s.shared.full_name in by_alias
    hidden = client.get("/workspace/subjects/?q=moe").content.decode()
    assert (
        s.private.full_name not in hidden and "No subject you may see matches" in hidden
    )
    entry = AuditEntry.objects.filter(action="record_listed").first()
    assert entry.details["filters"] == {"search": True}  # never the name searched
    sign_in(client, team, "police_officer")
    assert (
        s.private.full_name in client.get("/workspace/subjects/?q=Moe").content.decode()
    )


def test_subject_list_filters_by_market_and_decision_state(client, team):
    s = records_scene(team)
    north = workspace.market(team, name="Northside market")
    elsewhere = workspace.subject(team, north, full_name="Andre North")
    high = propose(
        team, s.shared, tier="high", prosecuting_office="city", major_dealer=True
    )
    for lead in (team.police_lead, team.county_prosecutor):
        decision_approve(decision=high, by=lead, rationale="ok")
    propose(team, elsewhere)  # proposed, not approved: still awaiting
    sign_in(client, team, "police_officer")

    def names(query):
        html = client.get(f"/workspace/subjects/?{query}").content.decode()
        return {
            n for n in ("Darnell Example", "Marcus Hidden", "Andre North") if n in html
        }

    assert names(f"market={north.pk}") == {"Andre North"}
    assert names("decision=high") == {"Darnell Example"}
    assert names("decision=low") == set()
    assert names("decision=awaiting") == {"Marcus Hidden", "Andre North"}
    assert names(f"decision=awaiting&market={s.market.pk}") == {"Marcus Hidden"}
    guessed = client.get(f"/workspace/subjects/?market={s.other_market.pk}")
    assert b"Choose a market from the list." in guessed.content
    assert names(f"market={s.other_market.pk}") == set()


def test_subject_list_pages(client, team, monkeypatch):
    monkeypatch.setattr(list_views, "PAGE_SIZE", 2)
    market = workspace.market(team)
    for name in ("Aaron A", "Bella B", "Carl C"):
        workspace.subject(team, market, full_name=name)
    sign_in(client, team, "police_officer")
    first = client.get("/workspace/subjects/?q=+").content.decode()
    assert "Aaron A" in first and "Bella B" in first and "Carl C" not in first
    assert "Page 1 of 2" in first
    second = client.get("/workspace/subjects/?page=2").content.decode()
    assert "Carl C" in second and "Aaron A" not in second


def test_subject_list_queries_do_not_grow_with_the_page_size(
    client, team, monkeypatch, django_assert_max_num_queries
):
    s = records_scene(team)
    for number in range(12):
        subject = workspace.subject(team, s.market, full_name=f"Person {number:02}")
        propose(team, subject)
    sign_in(client, team, "police_officer").get("/workspace/subjects/")  # warm up
    counts = []
    for size in (3, 12):
        monkeypatch.setattr(list_views, "PAGE_SIZE", size)
        with (
            django_assert_max_num_queries(LIST_QUERIES),
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.get("/workspace/subjects/")
        assert response.content.count(b'<th scope="row">') == size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_form_pages_are_audited_as_reads_of_their_subject(client, team):
    s = records_scene(team)
    decision = propose(team, s.shared)
    sign_in(client, team, "police_lead")
    for path, view in (
        (f"/workspace/subjects/{s.shared.pk}/buys/new/", "buy_create"),
        (f"/workspace/decisions/{decision.pk}/approve/", "decision_approve"),
        (f"/workspace/subjects/{s.shared.pk}/cases/new/", "case_create"),
    ):
        assert client.get(path).status_code == 200
        entry = AuditEntry.objects.filter(action="record_viewed").first()
        assert (entry.object_type, entry.object_id) == ref(s.shared)
        assert entry.details["view"] == view and entry.user == team.police_lead
