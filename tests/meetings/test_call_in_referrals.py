"""Referrals to directory services: providers see their own, only what was agreed."""

from dataclasses import fields

import pytest
from django.http import Http404

from agencies.models import AuditEntry
from agencies.services.records import WorkspaceError
from meetings.call_ins import outcomes
from meetings.call_ins.referrals import (
    ProviderReferral,
    provider_referral_get_or_404,
    referrals_for_provider,
)
from meetings.call_ins.selectors import call_ins_visible_to
from resources.selectors import provider_organization_ids
from tests import factories, workspace
from tests.meetings import call_in_builders as build

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home):
    return factories.directory_page(home)


@pytest.fixture
def recovery(directory):
    return factories.organization(directory, title="Riverton Recovery Center")


@pytest.fixture
def jobs(directory):
    return factories.organization(directory, title="Harbor Jobs Works")


@pytest.fixture
def counseling(recovery):
    return factories.service(recovery, title="Walk-in counseling")


@pytest.fixture
def training(jobs):
    return factories.service(jobs, title="Job training", categories=("employment",))


@pytest.fixture
def recovery_staff(recovery):
    return factories.provider_user(recovery, username="recovery_staff")


@pytest.fixture
def jobs_staff(jobs):
    return factories.provider_user(jobs, username="jobs_staff")


@pytest.fixture
def held(team):
    market = workspace.market(team, partners=("county",))
    sellers = [
        build.seller(team, market, full_name=name)
        for name in ("Zeb Quixotica", "Ann Seller")
    ]
    return build.held_call_in(team, market, sellers)


def refer(team, invitee, service, **consent):
    return outcomes.referral_create(
        invitee=invitee, service=service, by=team.police_officer, **consent
    )


class TestProviderSees:
    def test_their_referral_with_the_name_and_contact_agreed(
        self, team, held, counseling, recovery_staff
    ):
        _call_in, (zeb, _ann) = held
        referral = refer(
            team,
            zeb,
            counseling,
            share_name=True,
            share_contact=True,
            contact="555-0199 after 5 pm",
        )
        rows, more = referrals_for_provider(user=recovery_staff)
        assert not more
        [row] = rows
        assert (row.pk, row.person, row.contact) == (
            referral.pk,
            "Zeb Quixotica",
            "555-0199 after 5 pm",
        )
        assert row.service_title == "Walk-in counseling"
        assert [step.status for step in row.history] == ["referred"]

    def test_nothing_the_person_did_not_agree_to(
        self, team, held, counseling, recovery_staff
    ):
        _call_in, (zeb, _ann) = held
        referral = refer(team, zeb, counseling)
        row = provider_referral_get_or_404(user=recovery_staff, pk=referral.pk)
        assert row.person == f"Person referred #{referral.pk}"
        assert row.contact == ""
        assert "Zeb" not in repr(row)

    def test_never_the_record_only_the_values_a_provider_needs(self):
        assert {f.name for f in fields(ProviderReferral)} == {
            "pk",
            "service_title",
            "status",
            "status_label",
            "referred_at",
            "person",
            "contact",
            "history",
            "next_statuses",
        }

    def test_not_the_call_in(self, team, held, counseling, recovery_staff):
        call_in, (zeb, _ann) = held
        refer(team, zeb, counseling, share_name=True)
        assert not call_ins_visible_to(user=recovery_staff).exists()


class TestOtherProvidersSeeNothing:
    def test_a_provider_without_a_referral(
        self, team, held, counseling, recovery_staff, jobs_staff
    ):
        _call_in, (zeb, _ann) = held
        referral = refer(team, zeb, counseling, share_name=True)
        assert referrals_for_provider(user=jobs_staff) == ([], False)
        with pytest.raises(Http404):
            provider_referral_get_or_404(user=jobs_staff, pk=referral.pk)

    @pytest.mark.parametrize(
        "person", ["provider_staff", "county_member", "auditor", "administrator"]
    )
    def test_workspace_users_outside_the_provider_group(
        self, team, held, counseling, person
    ):
        _call_in, (zeb, _ann) = held
        referral = refer(team, zeb, counseling, share_name=True)
        assert referrals_for_provider(user=team.people[person]) == ([], False)
        with pytest.raises(Http404):
            provider_referral_get_or_404(user=team.people[person], pk=referral.pk)


class TestStatusUpdates:
    def test_the_provider_moves_it_forward_and_the_history_keeps_who(
        self, team, held, counseling, recovery_staff
    ):
        _call_in, (zeb, _ann) = held
        referral = refer(team, zeb, counseling)
        for status in ("first_contact", "engaged", "completed"):
            outcomes.referral_status_update(
                referral=referral, by=recovery_staff, to_status=status
            )
        referral.refresh_from_db()
        assert referral.status == "completed"
        assert [(h.to_status, h.by) for h in referral.history.all()][1:] == [
            ("first_contact", recovery_staff),
            ("engaged", recovery_staff),
            ("completed", recovery_staff),
        ]
        entries = AuditEntry.objects.filter(details__event="referral_status_changed")
        assert entries.count() == 3
        assert set(entries.values_list("user", flat=True)) == {recovery_staff.pk}

    @pytest.mark.parametrize(
        "steps, refused",
        [
            ([], "referred"),
            (["engaged"], "first_contact"),
            (["declined"], "engaged"),
            (["completed"], "declined"),
        ],
    )
    def test_backwards_or_after_the_end_is_refused(
        self, team, held, counseling, recovery_staff, steps, refused
    ):
        _call_in, (zeb, _ann) = held
        referral = refer(team, zeb, counseling)
        for status in steps:
            outcomes.referral_status_update(
                referral=referral, by=recovery_staff, to_status=status
            )
        with pytest.raises(WorkspaceError, match="cannot become"):
            outcomes.referral_status_update(
                referral=referral, by=recovery_staff, to_status=refused
            )

    def test_another_provider_cannot_update(self, team, held, counseling, jobs_staff):
        _call_in, (zeb, _ann) = held
        referral = refer(team, zeb, counseling)
        with pytest.raises(WorkspaceError, match="Only the provider"):
            outcomes.referral_status_update(
                referral=referral, by=jobs_staff, to_status="engaged"
            )
        referral.refresh_from_db()
        assert referral.status == "referred"


class TestCreating:
    def test_a_contact_needs_consent_and_consent_needs_a_contact(
        self, team, held, counseling
    ):
        _call_in, (zeb, _ann) = held
        with pytest.raises(WorkspaceError, match="agreed to be contacted"):
            refer(team, zeb, counseling, contact="555-0100")
        with pytest.raises(WorkspaceError, match="how the provider may reach"):
            refer(team, zeb, counseling, share_contact=True)
        assert not zeb.referrals.exists()

    def test_only_after_the_meeting(self, team, counseling):
        market = workspace.market(team, partners=("county",))
        _call_in, [invitee] = build.ready_call_in(
            team, market, [build.seller(team, market)]
        )
        with pytest.raises(WorkspaceError, match="held"):
            refer(team, invitee, counseling)

    def test_a_participant_who_cannot_see_the_person_cannot_refer(
        self, team, held, counseling
    ):
        _call_in, (zeb, _ann) = held
        with pytest.raises(WorkspaceError, match="cannot see"):
            outcomes.referral_create(
                invitee=zeb, service=counseling, by=team.county_member
            )

    @pytest.mark.parametrize("unlisted", ["draft", "defunct", "private"])
    def test_only_to_a_service_the_directory_lists(
        self, team, held, counseling, unlisted
    ):
        from wagtail.models import PageViewRestriction

        _call_in, (zeb, _ann) = held
        if unlisted == "draft":
            counseling.unpublish()
        elif unlisted == "defunct":
            counseling.status = "defunct"
            counseling.save(update_fields=["status"])
        else:
            PageViewRestriction.objects.create(
                page=counseling, restriction_type="password", password="x"
            )
        with pytest.raises(WorkspaceError, match="directory lists"):
            refer(team, zeb, counseling)
        assert not zeb.referrals.exists()

    def test_the_organization_is_the_services_parent(
        self, team, held, counseling, recovery
    ):
        _call_in, (zeb, _ann) = held
        referral = refer(team, zeb, counseling)
        assert referral.organization_id == recovery.pk
        assert referral.service_title == "Walk-in counseling"


def test_the_provider_list_costs_the_same_for_any_page_size(
    team, held, counseling, recovery_staff, django_assert_max_num_queries
):
    _call_in, (zeb, ann) = held
    for invitee in (zeb, ann) * 6:
        refer(team, invitee, counseling, share_name=True)
    provider_organization_ids(recovery_staff)  # cached on the user, like a request's
    counts = []
    for page_size in (3, 12):
        with django_assert_max_num_queries(2) as captured:
            rows, _more = referrals_for_provider(
                user=recovery_staff, page_size=page_size
            )
        assert len(rows) == page_size
        counts.append(len(captured))
    assert counts[0] == counts[1]
