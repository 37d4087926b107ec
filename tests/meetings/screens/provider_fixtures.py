"""Fixtures for the providers' referral screens (``/referrals/``).

Three directory organizations with provider staff: the recovery center gets
two referrals from a held call-in (one with name and contact shared, one
with nothing shared), the jobs program one of its own, the pantry none.
The call-in, the sellers and their records carry distinctive words so a
test can prove none of it reaches a provider's page.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from agencies.models import Subject
from agencies.services import records
from meetings.call_ins import outcomes
from tests import factories, workspace
from tests.meetings import call_in_builders as build

# Fixtures: test modules take them with ``import *``.
__all__ = ["directory", "orgs", "held", "referrals"]

# Words from the call-in and the criminal record: never on a provider's page.
CALL_IN_TITLE = "Quillback footbridge call-in"
CALL_IN_PLACE = "Zanzibar Hall, Room 9"
CASE_TITLE = "Quillback hand-to-hand sales"
ALIASES = "Zebedee Z"
DESCRIPTION = "Sells from the Quillback stairwell"
EVIDENCE = "EV-QB-0042"
BORN = datetime.date(1991, 7, 14)
MARKET = "Quillback market"
SECRETS = (
    CALL_IN_TITLE,
    CALL_IN_PLACE,
    CASE_TITLE,
    ALIASES,
    DESCRIPTION,
    EVIDENCE,
    MARKET,
    "1991-07-14",
    "July 14, 1991",
    "Activate the banked case",  # the follow-up plan
)
SHARED_NAME = "Zeb Quixotica"
HIDDEN_NAME = "Ann Unshared"
CONTACT = "555-0199 after 5 pm"


def _seller(team, market, full_name):
    subject = build.seller(team, market, full_name=full_name, case=False)
    Subject.objects.filter(pk=subject.pk).update(
        aliases=ALIASES, description=DESCRIPTION, date_of_birth=BORN
    )
    workspace.case(team, subject, title=CASE_TITLE)
    records.controlled_buy_create(
        by=team.police_officer,
        subject=subject,
        occurred_at=timezone.now() - datetime.timedelta(days=90),
        place="Quillback stairwell",
        substance="Cocaine base",
        amount="0.3 g",
        evidence_reference=EVIDENCE,
    )
    return subject


def refer(team, invitee, service, **consent):
    return outcomes.referral_create(
        invitee=invitee, service=service, by=team.police_officer, **consent
    )


@pytest.fixture
def directory(home):
    return factories.directory_page(home)


@pytest.fixture
def orgs(directory):
    recovery = factories.organization(directory, title="Riverton Recovery Center")
    jobs = factories.organization(directory, title="Harbor Jobs Works")
    pantry = factories.organization(directory, title="Eastgate Pantry")
    return SimpleNamespace(
        recovery=recovery,
        jobs=jobs,
        pantry=pantry,
        counseling=factories.service(recovery, title="Walk-in counseling"),
        training=factories.service(
            jobs, title="Job training", categories=("employment",)
        ),
        recovery_staff=factories.provider_user(recovery, username="recovery_staff"),
        jobs_staff=factories.provider_user(jobs, username="jobs_staff"),
        pantry_staff=factories.provider_user(pantry, username="pantry_staff"),
    )


@pytest.fixture
def held(team):
    market = workspace.market(team, partners=("county",), name=MARKET)
    sellers = [_seller(team, market, name) for name in (SHARED_NAME, HIDDEN_NAME)]
    call_in, invitees = build.held_call_in(
        team, market, sellers, title=CALL_IN_TITLE, location=CALL_IN_PLACE
    )
    return SimpleNamespace(call_in=call_in, invitees=invitees, market=market)


@pytest.fixture
def referrals(team, held, orgs):
    """Recovery: Zeb (name and contact shared), Ann (nothing); jobs: Zeb."""
    zeb, ann = held.invitees
    return SimpleNamespace(
        shared=refer(
            team,
            zeb,
            orgs.counseling,
            share_name=True,
            share_contact=True,
            contact=CONTACT,
        ),
        unshared=refer(team, ann, orgs.counseling),
        jobs=refer(team, zeb, orgs.training, share_name=True),
    )
