"""``/referrals/``: who may open what, refusals audited, never cached, MFA gate.

Only provider staff (members of a directory organization's provider group)
reach the screens, and only for referrals to their own organizations'
services; everyone else gets 404 like a missing id, agency staff included
(they follow referrals in the workspace).
"""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from agencies.models import AuditAction, AuditEntry, AuditOutcome
from meetings.models import Referral, ReferralStatusChange
from tests import workspace
from tests.meetings.screens.provider_fixtures import *  # noqa: F403 - fixtures

pytestmark = pytest.mark.django_db

GATE = "agencies.accounts.middleware.MfaRequiredMiddleware"
NOT_PROVIDERS = (
    "police_lead",
    "police_officer",
    "county_prosecutor",
    "county_member",
    "probation_officer",
    "provider_staff",  # an agency of kind "service provider": workspace staff
    "auditor",
    "administrator",  # a superuser
    "public_editor",
)
URLS = ("list", "detail", "status")


def person(team, orgs, name):
    return getattr(orgs, name, None) or team.people[name]


def answer(client, user, url, *, post=False):
    client.logout()
    if user is not None:
        workspace.mfa_client(client, user)
    if post:
        return client.post(url, {"to_status": "first_contact"})
    return client.get(url)


def url_of(kind, referral):
    return {
        "list": "/referrals/",
        "detail": f"/referrals/{referral.pk}/",
        "status": f"/referrals/{referral.pk}/status/",
    }[kind]


class TestWhoGetsIn:
    def test_the_provider_opens_their_list_and_their_referral(
        self, client, orgs, referrals
    ):
        user = orgs.recovery_staff
        assert answer(client, user, "/referrals/").status_code == 200
        detail = answer(client, user, f"/referrals/{referrals.shared.pk}/")
        assert detail.status_code == 200

    def test_the_provider_moves_their_referral_on(self, client, orgs, referrals):
        url = f"/referrals/{referrals.shared.pk}/status/"
        response = answer(client, orgs.recovery_staff, url, post=True)
        assert response.status_code == 302
        assert response["Location"] == f"/referrals/{referrals.shared.pk}/"
        referrals.shared.refresh_from_db()
        assert referrals.shared.status == "first_contact"

    @pytest.mark.parametrize("kind", ["detail", "status"])
    def test_another_organizations_provider_gets_404_and_changes_nothing(
        self, client, orgs, referrals, kind
    ):
        url = url_of(kind, referrals.shared)
        response = answer(client, orgs.jobs_staff, url, post=kind == "status")
        assert response.status_code == 404
        referrals.shared.refresh_from_db()
        assert referrals.shared.status == "referred"
        assert (
            ReferralStatusChange.objects.filter(referral=referrals.shared).count() == 1
        )

    @pytest.mark.parametrize("name", ["jobs_staff", "pantry_staff"])
    def test_a_provider_lists_only_their_own(self, client, orgs, referrals, name):
        response = answer(client, person(None, orgs, name), "/referrals/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f"/referrals/{referrals.shared.pk}/" not in html
        assert f"/referrals/{referrals.unshared.pk}/" not in html
        assert (f"/referrals/{referrals.jobs.pk}/" in html) == (name == "jobs_staff")

    def test_a_provider_without_any_referral_sees_an_empty_list(
        self, client, orgs, referrals
    ):
        html = answer(client, orgs.pantry_staff, "/referrals/").content.decode()
        assert "No one has been referred to your services" in html
        assert "Eastgate Pantry" in html

    @pytest.mark.parametrize("kind", URLS)
    @pytest.mark.parametrize("name", NOT_PROVIDERS)
    def test_everyone_but_provider_staff_gets_404(
        self, client, team, referrals, name, kind
    ):
        response = answer(
            client,
            team.people[name],
            url_of(kind, referrals.shared),
            post=kind == "status",
        )
        assert response.status_code == 404
        referrals.shared.refresh_from_db()
        assert referrals.shared.status == "referred"

    def test_a_made_up_referral_is_404_for_a_provider(self, client, orgs, referrals):
        missing = Referral.objects.order_by("-pk").first().pk + 100
        for url in (f"/referrals/{missing}/", f"/referrals/{missing}/status/"):
            response = answer(
                client, orgs.recovery_staff, url, post=url.endswith("status/")
            )
            assert response.status_code == 404

    @pytest.mark.parametrize("kind", URLS)
    def test_anonymous_visitors_are_sent_to_sign_in(self, client, referrals, kind):
        url = url_of(kind, referrals.shared)
        response = answer(client, None, url, post=kind == "status")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=/referrals/")
        referrals.shared.refresh_from_db()
        assert referrals.shared.status == "referred"

    def test_the_status_address_takes_only_posts(self, client, orgs, referrals):
        url = f"/referrals/{referrals.shared.pk}/status/"
        assert answer(client, orgs.recovery_staff, url).status_code == 405


class TestOnTheRecord:
    def test_refusals_are_audited_as_denied(self, client, team, orgs, referrals):
        answer(client, orgs.jobs_staff, f"/referrals/{referrals.shared.pk}/")
        answer(client, team.police_lead, "/referrals/")
        denied = AuditEntry.objects.filter(outcome=AuditOutcome.DENIED)
        assert sorted(denied.values_list("username", "details__status")) == [
            ("jobs_staff", 404),
            ("police_lead", 404),
        ]

    def test_the_list_the_page_and_the_change_are_audited(
        self, client, orgs, referrals
    ):
        user = orgs.recovery_staff
        answer(client, user, "/referrals/?status=referred")
        answer(client, user, f"/referrals/{referrals.shared.pk}/")
        answer(client, user, f"/referrals/{referrals.shared.pk}/status/", post=True)
        mine = AuditEntry.objects.filter(user=user).order_by("pk")
        listed = mine.get(action=AuditAction.RECORD_LISTED)
        assert listed.details["list"] == "provider_referral"
        assert listed.details["filters"] == {"status": "referred"}
        assert listed.details["shown"] == 2
        viewed = mine.get(action=AuditAction.RECORD_VIEWED)
        assert (viewed.object_type, viewed.object_id) == (
            "meetings.referral",
            str(referrals.shared.pk),
        )
        changed = mine.get(details__event="referral_status_changed")
        assert changed.object_id == str(referrals.shared.pk)
        assert changed.details["to"] == "first_contact"

    @pytest.mark.parametrize(
        "name, kind",
        [("recovery_staff", "list"), ("recovery_staff", "detail")]
        + [("jobs_staff", "detail"), ("police_lead", "list")],
    )
    def test_responses_are_never_stored_or_indexed(
        self, client, team, orgs, referrals, name, kind
    ):
        response = answer(
            client, person(team, orgs, name), url_of(kind, referrals.shared)
        )
        assert response.status_code in (200, 404)
        assert "no-store" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]


class TestMfaGate:
    def test_a_provider_without_a_second_factor_is_sent_to_enrol(self, orgs):
        client = Client()
        client.force_login(orgs.recovery_staff)
        response = client.get("/referrals/")
        assert response.status_code == 302
        assert response["Location"] == "/accounts/2fa/totp/activate/"

    def test_a_password_only_session_is_ended(self, orgs):
        workspace.mfa_client(Client(), orgs.recovery_staff)  # enrols TOTP
        client = Client()
        client.force_login(orgs.recovery_staff)
        response = client.get("/referrals/")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=/referrals/")

    def test_the_screens_ask_the_gate_themselves(self, orgs, settings, referrals):
        """Even without the middleware, /referrals/ stays behind the MFA gate."""
        settings.MIDDLEWARE = [m for m in django_settings.MIDDLEWARE if m != GATE]
        client = Client()
        client.force_login(orgs.recovery_staff)
        for url in ("/referrals/", f"/referrals/{referrals.shared.pk}/"):
            response = client.get(url)
            assert response.status_code == 302
            assert response["Location"] == "/accounts/2fa/totp/activate/"
        response = client.post(
            f"/referrals/{referrals.shared.pk}/status/", {"to_status": "engaged"}
        )
        assert response.status_code == 302
        referrals.shared.refresh_from_db()
        assert referrals.shared.status == "referred"

    def test_the_provider_with_a_proved_factor_gets_in(self, client, orgs):
        assert answer(client, orgs.pantry_staff, "/referrals/").status_code == 200
