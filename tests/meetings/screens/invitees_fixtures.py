"""Fixtures of the invitee, meeting and letter screen tests.

``invitee_scene`` (on top of ``conftest.call_in_scene``): the police host
two call-ins of the Eastgate market with the county prosecutor *and* the
federal prosecutor taking part:

* ``open_call_in`` (scheduled): Ann Seller invited, no plan yet; Ann is
  shared with the county (sees her) and with the city attorney (sees her,
  but does not take part: still 404); the federal office takes part but may
  not see Ann (404 on her pages). Cy Seller is low risk and not invited yet.
* ``held_call_in`` (held, everyone checked in): Bo Seller, shared with the
  county, with one referral to a directory service.

Roles (``ROLES``), as the brief names them: host lead and member (police),
a participating agency that sees the person (county lead and member), one
that does not (federal), agencies that do not take part (city attorney, 5th
precinct, the provider agency), and no agency (auditor, superuser, the
directory provider's staff), and anonymous.

Import the fixtures by name in each test module.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from meetings.call_ins import invitations, outcomes, scheduling
from tests import factories, workspace
from tests.meetings import call_in_builders as build

ROLES = [
    "anonymous",
    "police_lead",
    "police_officer",
    "county_prosecutor",
    "county_member",
    "federal_prosecutor",
    "city_prosecutor",
    "other_precinct_officer",
    "provider_staff",
    "auditor",
    "administrator",
    "directory_provider",
]
HOST = {"police_lead", "police_officer"}
SEES_PERSON = HOST | {"county_prosecutor", "county_member"}
PARTICIPANTS = SEES_PERSON | {"federal_prosecutor"}
AGENCY_STAFF = PARTICIPANTS | {
    "city_prosecutor",
    "other_precinct_officer",
    "provider_staff",
}
PLAN_AGREERS = {"police_lead", "county_prosecutor"}
NOBODY: set = set()
GUESS = 987_654
YESTERDAY = timedelta(days=1)


@dataclass
class InviteeScene:
    market: object
    open_call_in: object
    ann: object
    cy: object
    held_call_in: object
    bo: object
    service: object
    referral: object
    influential: object


@pytest.fixture
def service(home):
    directory = factories.directory_page(home)
    recovery = factories.organization(directory, title="Riverton Recovery Center")
    return factories.service(recovery, title="Walk-in counseling")


@pytest.fixture
def recovery_staff(service):
    from resources.models import OrganizationPage

    organization = OrganizationPage.objects.parent_of(service).first()
    return factories.provider_user(organization, username="recovery_staff")


def people(team, recovery_staff):
    found = {role: team.people.get(role) for role in ROLES}
    found["anonymous"] = None
    found["directory_provider"] = recovery_staff
    return found


@pytest.fixture
def scene(team, service) -> InviteeScene:
    market = workspace.market(team, partners=("county",))
    ann = build.seller(team, market, full_name="Ann Seller")
    bo = build.seller(team, market, full_name="Bo Seller")
    cy = build.seller(team, market, full_name="Cy Seller")
    build.share(team, ann, "county")
    build.share(team, ann, "city")
    build.share(team, bo, "county")
    open_call_in = build.call_in(team, market, agencies=("county", "federal"))
    scheduling.call_in_schedule(call_in=open_call_in, by=team.police_lead)
    open_call_in.refresh_from_db()
    ann_invitee = build.invite(team, open_call_in, ann)
    held_call_in, (bo_invitee,) = build.held_call_in(
        team,
        market,
        [bo],
        agencies=("county", "federal"),
        starts_at=build.evening(days=15),
        title="Eastgate call-in, spring",
        location="Eastgate Church Hall",
    )
    referral = outcomes.referral_create(
        invitee=bo_invitee, service=service, by=team.police_officer
    )
    influential = invitations.influential_add(
        invitee=ann_invitee, by=team.police_officer, name="Mae Seller", relation="aunt"
    )
    return InviteeScene(
        market=market,
        open_call_in=open_call_in,
        ann=ann_invitee,
        cy=cy,
        held_call_in=held_call_in,
        bo=bo_invitee,
        service=service,
        referral=referral,
        influential=influential,
    )


@pytest.fixture
def as_role(client, team, recovery_staff):
    """``as_role(role)``: the client signed in as that role (or signed out)."""
    everyone = people(team, recovery_staff)

    def sign_in(role):
        client.logout()
        user = everyone[role]
        if user is not None:
            workspace.mfa_client(client, user)
        return client

    return sign_in


def expected(role, seen, allowed=None, success=(200, 302)):
    """What the rule gives ``role``: 302 to sign in, 404, 403 or ``success``."""
    if role == "anonymous":
        return "login"
    if role not in seen:
        return 404
    if allowed is not None and role not in allowed:
        return 403
    return success


def answer(client, method, url, data):
    """(status or "login", the response) for one request."""
    response = client.post(url, data) if method == "post" else client.get(url)
    if response.status_code == 302 and response["Location"].startswith(
        "/accounts/login/"
    ):
        return "login", response
    return response.status_code, response


def denied_entries() -> int:
    from agencies.models import AuditEntry, AuditOutcome

    return AuditEntry.objects.filter(outcome=AuditOutcome.DENIED).count()


def run_matrix(client, role, requests):
    """Each (method, url, data, want) in a rolled-back savepoint; the problems.

    A refusal (403/404) must be ``no-store`` and leave one "denied" audit entry.
    """
    problems = []
    for method, url, data, want in requests:
        with transaction.atomic():
            before = denied_entries()
            got, response = answer(client, method, url, data)
            audited = denied_entries() - before
            transaction.set_rollback(True)
        ok = got in want if isinstance(want, tuple) else got == want
        where = f"{method.upper()} {url}: {role}"
        if not ok:
            problems.append(f"{where} got {got}, rule {want}")
        elif got in (403, 404) and "no-store" not in response["Cache-Control"]:
            problems.append(f"{where} refusal cached")
        elif got in (403, 404) and audited != 1:
            problems.append(f"{where} refusal ({got}) not audited as denied")
    return problems


def yesterday_field() -> str:
    return timezone.localtime(timezone.now() - YESTERDAY).strftime("%Y-%m-%dT%H:%M")


def people_of(client):
    """The user ``client`` is signed in as."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=client.session["_auth_user_id"])
