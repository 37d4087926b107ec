"""``/referrals/``: what a provider sees (only what the person agreed to share,
never the call-in or the record) and how they move a referral on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.call_ins import outcomes
from meetings.call_ins.screens import provider
from meetings.models import ReferralStatusChange
from tests import workspace
from tests.meetings.screens.provider_fixtures import *  # noqa: F403 - fixtures
from tests.meetings.screens.provider_fixtures import (
    CONTACT,
    HIDDEN_NAME,
    SECRETS,
    SHARED_NAME,
    refer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def recovery(client, orgs):
    return workspace.mfa_client(client, orgs.recovery_staff)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def move(referral, by, *statuses):
    for status in statuses:
        outcomes.referral_status_update(referral=referral, by=by, to_status=status)


class TestConsent:
    def test_the_list_names_only_who_agreed_and_shows_only_agreed_contacts(
        self, recovery, referrals
    ):
        page = html(recovery, "/referrals/")
        assert SHARED_NAME in page and CONTACT in page
        assert HIDDEN_NAME not in page
        assert f"Person referred #{referrals.unshared.pk}" in page
        assert "Not shared" in page
        assert "Walk-in counseling" in page
        assert "Job training" not in page  # the jobs program's referral

    def test_with_consent_the_page_names_them_and_says_how_to_reach_them(
        self, recovery, referrals
    ):
        page = html(recovery, f"/referrals/{referrals.shared.pk}/")
        assert f"<h1>{SHARED_NAME}</h1>" in page
        assert CONTACT in page

    def test_without_consent_the_page_has_a_number_and_no_contact(
        self, recovery, referrals
    ):
        page = html(recovery, f"/referrals/{referrals.unshared.pk}/")
        assert f"<h1>Person referred #{referrals.unshared.pk}</h1>" in page
        assert HIDDEN_NAME not in page
        assert "did not agree to be contacted" in page

    def test_name_without_contact(self, team, recovery, held, orgs):
        _zeb, ann = held.invitees
        referral = refer(team, ann, orgs.counseling, share_name=True)
        page = html(recovery, f"/referrals/{referral.pk}/")
        assert f"<h1>{HIDDEN_NAME}</h1>" in page
        assert "did not agree to be contacted" in page


class TestNeverTheRecord:
    @pytest.mark.parametrize("which", ["list", "shared", "unshared"])
    def test_no_call_in_subject_case_or_plan_on_the_page(
        self, recovery, referrals, which
    ):
        url = (
            "/referrals/"
            if which == "list"
            else f"/referrals/{getattr(referrals, which).pk}/"
        )
        page = html(recovery, url)
        leaked = [secret for secret in SECRETS if secret in page]
        assert leaked == []
        assert "/workspace/" not in page

    def test_the_secrets_are_real_words_of_the_record(self, team, held, referrals):
        """The check above would be empty if the scene lacked them."""
        invitee = held.invitees[0]
        subject, case = invitee.subject, invitee.subject.cases.get()
        assert held.call_in.title in SECRETS and held.call_in.location in SECRETS
        assert case.title in SECRETS and subject.aliases in SECRETS
        assert subject.description in SECRETS
        assert subject.buys.get().evidence_reference in SECRETS
        assert invitee.plan_if_absent.startswith("Activate the banked case")


class TestStatusForm:
    def test_offers_only_the_next_statuses(self, recovery, referrals):
        move(referrals.shared, referrals.shared.created_by, "first_contact")
        page = html(recovery, f"/referrals/{referrals.shared.pk}/")
        offered = [
            status
            for status in ("referred", "first_contact", "engaged", "completed")
            if f'value="{status}"' in page
        ]
        assert offered == ["engaged", "completed"]
        assert 'value="declined"' in page

    def test_moving_on_shows_the_history_and_says_so(self, recovery, orgs, referrals):
        url = f"/referrals/{referrals.shared.pk}/"
        response = recovery.post(
            url + "status/", {"to_status": "first_contact"}, follow=True
        )
        page = response.content.decode()
        assert "Referral status changed." in page
        assert page.index("Referred</th>") < page.index("First contact</th>")
        referrals.shared.refresh_from_db()
        assert referrals.shared.status == "first_contact"
        last = ReferralStatusChange.objects.filter(referral=referrals.shared).last()
        assert (last.from_status, last.to_status, last.by) == (
            "referred",
            "first_contact",
            orgs.recovery_staff,
        )

    @pytest.mark.parametrize(
        "posted, message",
        [
            ({"to_status": "referred"}, "cannot move to that status"),
            ({"to_status": "made-up"}, "cannot move to that status"),
            ({"to_status": ""}, "Choose the new status."),
            ({}, "Choose the new status."),
        ],
    )
    def test_a_bad_move_says_why_and_changes_nothing(
        self, recovery, referrals, posted, message
    ):
        response = recovery.post(f"/referrals/{referrals.shared.pk}/status/", posted)
        assert response.status_code == 200
        page = response.content.decode()
        assert "The status was not changed" in page and message in page
        referrals.shared.refresh_from_db()
        assert referrals.shared.status == "referred"
        assert referrals.shared.history.count() == 1

    def test_a_finished_referral_offers_no_move_and_refuses_one(
        self, recovery, referrals
    ):
        move(referrals.shared, referrals.shared.created_by, "declined")
        url = f"/referrals/{referrals.shared.pk}/"
        page = html(recovery, url)
        assert "does not change any more" in page
        assert "<select" not in page
        response = recovery.post(url + "status/", {"to_status": "engaged"})
        assert response.status_code == 200
        assert "cannot move to that status" in response.content.decode()
        referrals.shared.refresh_from_db()
        assert referrals.shared.status == "declined"

    def test_the_services_refusal_is_shown_too(self, recovery, referrals, monkeypatch):
        """A move the form allowed but the service refused (e.g. a race)."""
        real = outcomes.referral_status_update

        def first_someone_else_declines(*, referral, by, to_status, request=None):
            move(referrals.shared, referrals.shared.created_by, "declined")
            return real(referral=referral, by=by, to_status=to_status)

        monkeypatch.setattr(
            provider, "referral_status_update", first_someone_else_declines
        )
        url = f"/referrals/{referrals.shared.pk}/"
        response = recovery.post(url + "status/", {"to_status": "engaged"})
        page = response.content.decode()
        assert "“Declined” cannot become “Engaged”" in page
        assert "does not change any more" in page  # the page shows what is true now
        referrals.shared.refresh_from_db()
        assert referrals.shared.status == "declined"


class TestListFilterAndPages:
    def test_filter_by_status(self, recovery, referrals):
        move(referrals.shared, referrals.shared.created_by, "first_contact")
        page = html(recovery, "/referrals/?status=first_contact")
        assert f"/referrals/{referrals.shared.pk}/" in page
        assert f"/referrals/{referrals.unshared.pk}/" not in page
        page = html(recovery, "/referrals/?status=completed")
        assert "No referral has this status." in page

    def test_a_bad_filter_shows_its_error_not_the_list(self, recovery, referrals):
        page = html(recovery, "/referrals/?status=everything")
        assert "Choose a status from the list." in page
        assert f"/referrals/{referrals.shared.pk}/" not in page

    def test_pages_newest_first(self, recovery, referrals, monkeypatch):
        monkeypatch.setattr(provider, "PAGE_SIZE", 1)
        first = html(recovery, "/referrals/")
        assert f"/referrals/{referrals.unshared.pk}/" in first
        assert f"/referrals/{referrals.shared.pk}/" not in first
        assert "page=2" in first and "page=0" not in first
        second = html(recovery, "/referrals/?page=2")
        assert f"/referrals/{referrals.shared.pk}/" in second
        assert "page=1" in second and "page=3" not in second
        assert "No more referrals." in html(recovery, "/referrals/?page=3")
        assert f"/referrals/{referrals.unshared.pk}/" in html(
            recovery, "/referrals/?page=nonsense"
        )


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_costs_the_same_for_two_or_twelve_referrals(
    team, recovery, held, orgs, referrals, django_assert_max_num_queries
):
    few = _queries(recovery, "/referrals/")
    zeb, ann = held.invitees
    for invitee in (zeb, ann) * 5:
        refer(team, invitee, orgs.counseling, share_name=True)
    with django_assert_max_num_queries(few):
        page = html(recovery, "/referrals/")
    assert page.count('href="/referrals/') >= 12


def test_the_page_costs_the_same_for_a_long_history(
    recovery, referrals, django_assert_max_num_queries
):
    url = f"/referrals/{referrals.shared.pk}/"
    short = _queries(recovery, url)
    move(referrals.shared, referrals.shared.created_by, "first_contact", "engaged")
    with django_assert_max_num_queries(short):
        assert html(recovery, url).count("</time>") >= 4
