"""After the call-in: banked cases activated (audited), market figures, letters."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agencies.choices import ActivationReason, CaseStatus
from agencies.models import AuditEntry, Case
from agencies.services.records import WorkspaceError
from meetings.call_ins import letters, outcomes, scheduling
from meetings.call_ins.selectors import market_call_in_figures
from tests import factories, workspace
from tests.meetings import call_in_builders as build

pytestmark = pytest.mark.django_db

YESTERDAY = timedelta(days=1)


@pytest.fixture
def market(team):
    return workspace.market(team, partners=("county",))


@pytest.fixture
def held(team, market):
    sellers = [
        build.seller(team, market, full_name=name)
        for name in ("Ann Seller", "Bo Seller")
    ]
    return build.held_call_in(team, market, sellers, attendance={1: "no_show"})


def follow_up(team, invitee, *, by="police_officer", **kwargs):
    return outcomes.follow_up_record(
        invitee=invitee,
        by=team.people[by],
        kind=kwargs.pop("kind", "other"),
        at=timezone.now() - YESTERDAY,
        **kwargs,
    )


class TestActivation:
    def test_a_no_show_activates_the_banked_case_through_the_workspace(
        self, team, held
    ):
        _call_in, (_ann, bo) = held
        case = Case.objects.get(subject=bo.subject)
        assert case.status == CaseStatus.BANKED
        record = follow_up(
            team,
            bo,
            activate_case=case,
            activation_reason=ActivationReason.NO_SHOW,
            notes="Did not come; plan says activate.",
        )
        case.refresh_from_db()
        assert case.status == CaseStatus.ACTIVATED
        change = case.history.last()
        assert change.activation_reason == ActivationReason.NO_SHOW
        assert change.changed_by == team.police_officer
        # Audited where every case activation is: the workspace's own entry.
        entry = AuditEntry.objects.filter(action="case_status_changed").latest("pk")
        assert (entry.object_type, entry.object_id) == ("agencies.case", str(case.pk))
        assert entry.reason == ActivationReason.NO_SHOW
        assert entry.details == {"from": "banked", "to": "activated"}
        assert AuditEntry.objects.filter(
            details__event="follow_up_recorded", object_id=str(record.pk)
        ).exists()
        assert record.activated_case == case

    def test_someone_who_attended_is_not_a_no_show(self, team, held):
        _call_in, (ann, _bo) = held
        case = Case.objects.get(subject=ann.subject)
        with pytest.raises(WorkspaceError, match="no-show"):
            follow_up(
                team,
                ann,
                activate_case=case,
                activation_reason=ActivationReason.NO_SHOW,
            )
        case.refresh_from_db()
        assert case.status == CaseStatus.BANKED
        assert not ann.follow_ups.exists()

    def test_renewed_dealing_activates_after_an_arrest(self, team, held):
        _call_in, (ann, _bo) = held
        case = Case.objects.get(subject=ann.subject)
        follow_up(
            team,
            ann,
            kind="arrest",
            activate_case=case,
            activation_reason=ActivationReason.RENEWED_DEALING,
        )
        case.refresh_from_db()
        assert case.status == CaseStatus.ACTIVATED

    def test_only_who_may_change_the_case_activates_it(self, team, held):
        _call_in, (_ann, bo) = held
        build.share(team, bo.subject, "county")
        case = Case.objects.get(subject=bo.subject)
        for person in ("county_member", "county_prosecutor"):
            with pytest.raises(WorkspaceError, match="activate"):
                follow_up(
                    team,
                    bo,
                    by=person,
                    activate_case=case,
                    activation_reason=ActivationReason.NO_SHOW,
                )
        # A prosecutor lead who sees the case may.
        build.share(team, case, "county")
        follow_up(
            team,
            bo,
            by="county_prosecutor",
            activate_case=case,
            activation_reason=ActivationReason.NO_SHOW,
        )
        case.refresh_from_db()
        assert case.status == CaseStatus.ACTIVATED

    def test_only_a_banked_case_of_this_person(self, team, held):
        _call_in, (ann, bo) = held
        other_case = Case.objects.get(subject=ann.subject)
        with pytest.raises(WorkspaceError, match="not about this invitee"):
            follow_up(
                team,
                bo,
                activate_case=other_case,
                activation_reason=ActivationReason.NO_SHOW,
            )
        second = workspace.case(team, bo.subject, title="Still building")
        with pytest.raises(WorkspaceError, match="banked"):
            follow_up(
                team,
                bo,
                activate_case=second,
                activation_reason=ActivationReason.NO_SHOW,
            )

    def test_follow_up_waits_for_the_meeting_and_the_past(self, team, market, held):
        _call_in, (ann, _bo) = held
        with pytest.raises(WorkspaceError, match="future"):
            outcomes.follow_up_record(
                invitee=ann,
                by=team.police_officer,
                kind="new_contact",
                at=timezone.now() + YESTERDAY,
            )
        _ready, [invitee] = build.ready_call_in(
            team, market, [build.seller(team, market, full_name="Cy")]
        )
        with pytest.raises(WorkspaceError, match="held"):
            follow_up(team, invitee, kind="new_contact")


def test_market_figures_count_people_in_constant_queries(
    team, market, held, home, django_assert_num_queries
):
    _call_in, (ann, bo) = held
    directory = factories.directory_page(home)
    service = factories.service(factories.organization(directory))
    for _ in range(2):  # two referrals of one person: one person referred
        referral = outcomes.referral_create(
            invitee=ann, service=service, by=team.police_officer
        )
    outcomes.referral_status_update(
        referral=referral, by=team.police_officer, to_status="engaged"
    )
    follow_up(
        team,
        bo,
        activate_case=Case.objects.get(subject=bo.subject),
        activation_reason=ActivationReason.NO_SHOW,
    )
    # Ann invited again to a later call-in of the market: still one person.
    later = build.call_in(
        team, market, starts_at=timezone.now() + timedelta(days=30), title="Again"
    )
    scheduling.call_in_schedule(call_in=later, by=team.police_lead)
    build.invite(team, later, ann.subject)
    other = workspace.market(team, lead="federal", partners=(), name="Harbor")
    workspace_user = team.police_lead
    with django_assert_num_queries(2):
        figures = market_call_in_figures(
            user=workspace_user, market_ids=[market.pk, other.pk]
        )
    assert figures == {
        market.pk: {
            "invited": 2,
            "attended": 1,
            "referred": 1,
            "engaged": 1,
            "activated": 1,
        }
    }
    assert (
        market_call_in_figures(user=team.federal_member, market_ids=[market.pk]) == {}
    )


class TestLetters:
    def test_the_hosts_template_is_filled_for_each_invitee(self, team, held):
        _call_in, (ann, _bo) = held
        letters.invitation_letter_template_save(
            by=team.police_lead,
            text="Dear {{ name }}, come on {{date}} to {{ place }}. {{ host }}",
        )
        text = letters.invitation_letter_render(invitee=ann, by=team.police_officer)
        assert text.startswith("Dear Ann Seller, come on ")
        assert (
            "Eastgate Community Center, Room 2. Riverton Police, 3rd Precinct" in text
        )
        entry = AuditEntry.objects.filter(details__event="invitation_letter").get()
        assert (entry.action, entry.object_id) == ("record_viewed", str(ann.pk))

    def test_unknown_placeholders_are_refused(self, team):
        with pytest.raises(WorkspaceError, match=r"\{\{ case_number \}\}"):
            letters.invitation_letter_template_save(
                by=team.police_lead, text="Your case {{ case_number }}"
            )

    def test_without_a_template_the_default_letter(self, team, held):
        _call_in, (ann, _bo) = held
        text = letters.invitation_letter_render(invitee=ann, by=team.police_lead)
        assert text.startswith("Dear Ann Seller,")
        assert "{{" not in text

    def test_no_letter_for_someone_who_may_not_see_the_person(self, team, held):
        _call_in, (ann, _bo) = held
        with pytest.raises(WorkspaceError, match="cannot see"):
            letters.invitation_letter_render(invitee=ann, by=team.county_member)
