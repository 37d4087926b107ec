"""Shared fixtures of the call-in screen tests (``tests/meetings/screens/``).

``call_in_scene``: the Eastgate market, led by the 3rd Precinct (police) with
the county prosecutor as partner, and

* ``call_in``: scheduled, hosted by the police, the county taking part; on
  its staff list the police officer (awaiting) and the county member
  (accepted); one agenda item (``agenda_item``);
* ``draft``: a police draft in the same market, the county taking part;
* ``other_market`` / ``other_call_in``: the 5th Precinct's own, which no
  other agency sees.

People (``call_in_people``), by the role they play for ``call_in``:

==========================  =============================================
host lead / host member     police_lead / police_officer
participating, not host     county_prosecutor (lead), county_member
other agencies' staff       federal_prosecutor, other_precinct_officer
no agency                   auditor, administrator (superuser),
                            directory_provider (a directory provider
                            group member), anonymous
==========================  =============================================

``signed_in(role)`` returns the test client signed in as that role (MFA
proved), or signed out for ``"anonymous"``. Other helpers: add fixtures in
your own ``<name>_fixtures.py`` rather than here.
"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from meetings.call_ins import scheduling, staff
from meetings.choices import Reply
from tests import factories, workspace
from tests.meetings import call_in_builders as build

ANONYMOUS = "anonymous"
HOST = ("police_lead", "police_officer")
PARTICIPANTS = ("county_prosecutor", "county_member")
OTHER_STAFF = ("federal_prosecutor", "other_precinct_officer")
NO_AGENCY = ("auditor", "administrator", "directory_provider")
CALL_IN_ROLES = (ANONYMOUS, *HOST, *PARTICIPANTS, *OTHER_STAFF, *NO_AGENCY)


@pytest.fixture
def call_in_scene(team):
    market = workspace.market(team, lead="police", partners=("county",))
    call_in = build.call_in(team, market, agencies=("county",))
    staff.staff_attendee_add(
        call_in=call_in, user=team.police_officer, by=team.police_lead
    )
    staff.staff_attendee_add(
        call_in=call_in, user=team.county_member, by=team.police_lead
    )
    staff.staff_attendee_reply(
        call_in=call_in, by=team.county_member, reply=Reply.ACCEPTED
    )
    agenda_item = staff.agenda_item_add(
        call_in=call_in,
        by=team.police_lead,
        speaker="Police chief",
        topic="Welcome and the deal on offer",
        minutes=10,
    )
    scheduling.call_in_schedule(call_in=call_in, by=team.police_lead)
    call_in.refresh_from_db()
    draft = build.call_in(
        team,
        market,
        agencies=("county",),
        title="Eastgate second call-in",
        location="Eastgate Library",
        starts_at=build.evening(days=20),
    )
    other_market = workspace.market(
        team, lead="other_police", partners=(), name="Westside market"
    )
    other_call_in = build.call_in(
        team,
        other_market,
        by="other_precinct_officer",
        agencies=(),
        title="Westside call-in",
        location="Westside Church Hall",
        starts_at=build.evening(days=12),
    )
    return SimpleNamespace(
        market=market,
        call_in=call_in,
        agenda_item=agenda_item,
        draft=draft,
        other_market=other_market,
        other_call_in=other_call_in,
    )


@pytest.fixture
def directory_provider(home):
    """A directory provider's staff member: provider group, no agency."""
    directory = factories.directory_page(home)
    return factories.provider_user(factories.organization(directory))


@pytest.fixture
def call_in_people(team, directory_provider):
    """{role: user} for every role of ``CALL_IN_ROLES`` (None for anonymous)."""
    people = {role: team.people.get(role) for role in CALL_IN_ROLES}
    people[ANONYMOUS] = None
    people["directory_provider"] = directory_provider
    return people


@pytest.fixture
def signed_in(client, call_in_people):
    def sign_in(role):
        client.logout()
        user = call_in_people[role]
        if user is not None:
            workspace.mfa_client(client, user)
        return client

    return sign_in


@pytest.fixture
def soon():
    """A round local hour next month: for forms' date and time fields."""
    return (timezone.localtime() + timedelta(days=30)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
