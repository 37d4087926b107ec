"""Risk decisions need a police and a prosecutor lead; cases move only by the rules."""

import pytest

from agencies.choices import (
    ActivationReason,
    CaseStatus,
    DecisionStatus,
    ProsecutingOffice,
    RiskTier,
)
from agencies.models import AuditEntry, Case
from agencies.services.decisions import decision_approve, decision_propose
from agencies.services.records import WorkspaceError, case_status_change
from tests import workspace

pytestmark = pytest.mark.django_db


@pytest.fixture
def subject(team):
    market = workspace.market(team, partners=("county", "federal"))
    subject = workspace.subject(team, market)
    workspace.case(team, subject)
    return subject


def propose(team, subject, **fields):
    fields = {"tier": RiskTier.LOW, "rationale": "No criteria met", **fields}
    return decision_propose(subject=subject, by=team.police_officer, **fields)


def test_criteria_suggest_a_tier(team, subject):
    decision = propose(
        team,
        subject,
        violent_history=True,
        tier=RiskTier.HIGH,
        prosecuting_office=ProsecutingOffice.COUNTY,
    )
    assert decision.suggested_tier == RiskTier.HIGH
    assert decision.status == DecisionStatus.PROPOSED


def test_high_risk_must_name_the_prosecuting_office(team, subject):
    with pytest.raises(WorkspaceError, match="office"):
        propose(team, subject, tier=RiskTier.HIGH)
    assert not subject.decisions.exists()


def test_low_risk_approved_by_both_leads_banks_the_case(team, subject):
    decision = propose(team, subject)
    decision = decision_approve(
        decision=decision, by=team.police_lead, rationale="Agreed"
    )
    assert decision.status == DecisionStatus.PROPOSED
    assert decision.police_approved_at is not None
    decision = decision_approve(
        decision=decision, by=team.county_prosecutor, rationale="Agreed, bank it"
    )
    assert decision.status == DecisionStatus.APPROVED
    assert decision.prosecutor_approved_by == team.county_prosecutor
    case = Case.objects.get(subject=subject)
    assert case.status == CaseStatus.BANKED
    assert [h.to_status for h in case.history.all()] == ["building", "ready", "banked"]
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions.count("decision_approved") == 2
    assert actions.count("case_status_changed") == 2


@pytest.mark.parametrize(
    "person", ["police_officer", "county_member", "probation_officer"]
)
def test_members_and_other_agencies_cannot_approve(team, subject, person):
    decision = propose(team, subject)
    with pytest.raises(WorkspaceError):
        decision_approve(decision=decision, by=team.people[person], rationale="Yes")


def test_one_approval_per_side_and_a_rationale_each(team, subject):
    decision = propose(team, subject)
    with pytest.raises(WorkspaceError, match="rationale"):
        decision_approve(decision=decision, by=team.police_lead, rationale=" ")
    decision_approve(decision=decision, by=team.police_lead, rationale="Yes")
    with pytest.raises(WorkspaceError, match="already"):
        decision_approve(decision=decision, by=team.police_lead, rationale="Again")


def test_activating_a_banked_case_records_why_and_who(team, subject):
    decision = propose(team, subject)
    decision_approve(decision=decision, by=team.police_lead, rationale="Yes")
    decision_approve(decision=decision, by=team.city_prosecutor, rationale="Yes")
    case = Case.objects.get(subject=subject)
    with pytest.raises(WorkspaceError, match="why"):
        case_status_change(
            case=case, to_status=CaseStatus.ACTIVATED, by=team.police_lead
        )
    change = case_status_change(
        case=case,
        to_status=CaseStatus.ACTIVATED,
        by=team.police_lead,
        activation_reason=ActivationReason.NO_SHOW,
    )
    assert (change.from_status, change.to_status) == ("banked", "activated")
    assert change.changed_by == team.police_lead
    entry = AuditEntry.objects.filter(action="case_status_changed").first()
    assert entry.reason == "no_show"
    assert entry.details == {"from": "banked", "to": "activated"}


def test_a_case_cannot_skip_the_rules(team, subject):
    case = Case.objects.get(subject=subject)
    with pytest.raises(WorkspaceError, match="cannot become"):
        case_status_change(case=case, to_status=CaseStatus.FILED, by=team.police_lead)
    case.refresh_from_db()
    assert case.status == CaseStatus.BUILDING
