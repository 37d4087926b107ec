"""Shared by the note, sharing, dashboard and binder screen tests.

``scene`` builds one market led by the 3rd Precinct with the county as
partner, a subject, a case, a note shared with the county and one that is
not; ``response_as`` signs a client in as one role of the matrix.
"""

from types import SimpleNamespace

from agencies.services import sharing
from tests import workspace

ANONYMOUS = "anonymous"
NOT_MEMBERS = ("auditor", "administrator", "public_editor")
STAFF = tuple(workspace.STAFF)
EVERYONE = (ANONYMOUS, *NOT_MEMBERS, *STAFF)
POLICE = ("police_lead", "police_officer")
COUNTY = ("county_prosecutor", "county_member")


def scene(team):
    market = workspace.market(team, lead="police", partners=("county",))
    subject = workspace.subject(team, market, full_name="Darnell Example")
    case = workspace.case(team, subject)
    shared = workspace.note(team, subject, text="Shared with the county office.")
    sharing.record_share(
        record=shared,
        by=team.police_lead,
        agency=team.agencies["county"],
        reason="County charging review",
    )
    private = workspace.note(team, subject, text="Police eyes only.")
    return SimpleNamespace(
        market=market, subject=subject, case=case, shared=shared, private=private
    )


def sign_in(client, team, person):
    client.logout()
    if person != ANONYMOUS:
        workspace.mfa_client(client, team.people[person])
    return client


def response_as(client, team, person, url, data=None):
    sign_in(client, team, person)
    return client.post(url, data) if data is not None else client.get(url)


def expect(status_by_person: dict, default: int):
    """Every role of the matrix with its expected status (302 for anonymous)."""
    return {
        person: status_by_person.get(person, 302 if person == ANONYMOUS else default)
        for person in EVERYONE
    }
