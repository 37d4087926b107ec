"""The workspace dashboard: each panel shows only what the viewer may see."""

import datetime

import pytest
from django.utils import timezone

from agencies.choices import CaseStatus, DecisionStatus, RiskTier
from agencies.models import AuditEntry, RiskDecision, Share
from agencies.services import records, sharing
from tests import workspace
from tests.agencies.workspace_notes_helpers import (
    EVERYONE,
    STAFF,
    expect,
    response_as,
    scene,
    sign_in,
)

pytestmark = pytest.mark.django_db


def bank(team, case):
    for status in (CaseStatus.READY, CaseStatus.BANKED):
        records.case_status_change(case=case, to_status=status, by=team.police_lead)


def dashboard(client, team, person):
    return response_as(client, team, person, "/workspace/").content.decode()


@pytest.mark.parametrize("person", EVERYONE)
def test_dashboard_answers_each_role(client, team, person):
    scene(team)
    response = response_as(client, team, person, "/workspace/")
    assert response.status_code == expect({}, 200 if person in STAFF else 404)[person]


def test_dashboard_read_is_audited(client, team):
    dashboard(client, team, "federal_member")
    entry = AuditEntry.objects.filter(action="record_listed").first()
    assert entry.details == {"list": "dashboard"} and entry.user == team.federal_member


def test_my_markets_are_the_ones_my_agency_leads_or_partners_in(client, team):
    workspace.market(team, name="Eastgate market", partners=("county",))
    workspace.market(team, lead="federal", partners=(), name="Harbor market")
    police = dashboard(client, team, "police_officer")
    assert "Eastgate market" in police and "we lead" in police
    assert "Harbor market" not in police
    county = dashboard(client, team, "county_member")
    assert "Eastgate market" in county and "partner; led by" in county
    assert "Eastgate market" not in dashboard(client, team, "probation_officer")


def test_notes_newly_shared_with_my_agency(client, team):
    s = scene(team)
    old = workspace.note(team, s.market, text="Shared long ago.")
    share = sharing.record_share(
        record=old, by=team.police_lead, agency=team.agencies["county"], reason="Old"
    )
    Share.objects.filter(pk=share.pk).update(
        decided_at=timezone.now() - datetime.timedelta(days=15)
    )
    gone = workspace.note(team, s.market, text="Shared then revoked.")
    revoked = sharing.record_share(
        record=gone, by=team.police_lead, agency=team.agencies["county"], reason="x"
    )
    sharing.share_revoke(share=revoked, by=team.police_lead, reason="Mistake")
    county = dashboard(client, team, "county_member")
    assert "Shared with the county office." in county
    assert "Shared long ago." not in county and "Shared then revoked." not in county
    police = dashboard(client, team, "police_officer")
    assert "Shared with the county office." not in police  # our own note


def test_a_note_shared_with_me_personally_is_on_my_dashboard(client, team):
    s = scene(team)
    sharing.record_share(
        record=s.private, by=team.police_lead, user=team.federal_member, reason="Agent"
    )
    assert "Police eyes only." in dashboard(client, team, "federal_member")
    assert "Police eyes only." not in dashboard(client, team, "federal_prosecutor")


def test_subjects_awaiting_a_decision(client, team):
    s = scene(team)
    decided = workspace.subject(team, s.market, full_name="Decided Person")
    RiskDecision.objects.create(
        subject=decided,
        tier=RiskTier.LOW,
        rationale="r",
        status=DecisionStatus.APPROVED,
    )
    pending = workspace.subject(team, s.market, full_name="Pending Person")
    RiskDecision.objects.create(subject=pending, tier=RiskTier.LOW, rationale="r")
    police = dashboard(client, team, "police_officer")
    assert "Darnell Example" in police and "Pending Person" in police
    assert "Decided Person" not in police
    assert f"/workspace/binder/{s.subject.pk}/" in police
    assert "Darnell Example" not in dashboard(client, team, "county_member")


def test_banked_cases_oldest_first(client, team):
    s = scene(team)
    newer = workspace.case(team, s.subject, title="Newer banked case")
    bank(team, newer)
    bank(team, s.case)
    workspace.case(team, s.subject, title="Still building")
    police = dashboard(client, team, "police_lead")
    assert police.index("Sales on 5th Street") < police.index("Newer banked case")
    assert "Still building" not in police
    assert "Sales on 5th Street" not in dashboard(client, team, "county_prosecutor")


def test_proposals_wait_for_the_owning_agencys_leads_only(client, team):
    s = scene(team)
    proposal = sharing.share_propose(
        record=s.subject,
        by=team.police_officer,
        agency=team.agencies["city"],
        reason="City charges",
    )
    link = f"/workspace/share/subject/{s.subject.pk}/"
    assert link in dashboard(client, team, "police_lead")
    assert link not in dashboard(client, team, "police_officer")
    assert link not in dashboard(client, team, "county_prosecutor")
    assert link not in dashboard(client, team, "city_prosecutor")
    assert proposal.pk


def fill(team, count):
    for i in range(count):
        market = workspace.market(team, name=f"Mkt-{i}", partners=("county",))
        subject = workspace.subject(team, market, full_name=f"Person {i}")
        bank(team, workspace.case(team, subject, title=f"Case {i}"))
        note = workspace.note(team, subject)
        sharing.record_share(
            record=note, by=team.police_lead, agency=team.agencies["county"], reason="r"
        )
        sharing.share_propose(
            record=subject,
            by=team.police_officer,
            agency=team.agencies["city"],
            reason="r",
        )


@pytest.mark.parametrize("count", [1, 14])
@pytest.mark.parametrize("person", ["police_lead", "county_member"])
def test_dashboard_query_count_is_bounded(
    client, team, count, person, django_assert_max_num_queries
):
    fill(team, count)
    sign_in(client, team, person)
    client.get("/workspace/notes/")  # the session's first request records the session
    with django_assert_max_num_queries(19):
        response = client.get("/workspace/")
    assert response.status_code == 200
    assert response.content.decode().count("Mkt-") == min(count, 10)
