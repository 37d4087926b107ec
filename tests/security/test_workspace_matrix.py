"""The authorization matrix: every workspace URL × every role × shared and not shared.

One scenario (``world``): the 3rd Precinct leads a market with the county
prosecutor as partner; its subject is shared with the county, its case is
not; one note is shared with the county and another with nobody. Then for
each role every page is requested (GET) and every action posted, each in a
savepoint that is rolled back, and the status is compared with the rule:

* anonymous → sign-in redirect; no agency (auditor, administrator, editors,
  directory provider staff) → 404 everywhere but the audit log;
* may not see the object → 404, exactly like an id that does not exist;
* sees it but the role forbids the action → 403; allowed → 200 or a redirect.
"""

from dataclasses import dataclass

import pytest
from django.db import transaction

from agencies.choices import RiskTier
from agencies.services import sharing
from tests import factories, workspace

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "public_editor",
    "directory_provider",
    "provider_staff",
    "police_officer",
    "police_lead",
    "other_precinct_officer",
    "city_prosecutor",
    "county_prosecutor",
    "county_member",
    "federal_prosecutor",
    "auditor",
    "administrator",
]
POLICE = {"police_officer", "police_lead"}
COUNTY = {"county_prosecutor", "county_member"}
MEMBERS = {
    "provider_staff",
    "police_officer",
    "police_lead",
    "other_precinct_officer",
    "city_prosecutor",
    "county_prosecutor",
    "county_member",
    "federal_prosecutor",
}
GUESS = 987_654


@dataclass
class World:
    market: object
    subject: object
    case: object
    shared_note: object
    private_note: object
    share: object
    decision: object


@pytest.fixture
def world(team):
    market = workspace.market(team, partners=("county",))
    subject = workspace.subject(team, market)
    case = workspace.case(team, subject)
    shared_note = workspace.note(team, subject, text="Shared with the county")
    private_note = workspace.note(team, case, text="Police only")
    lead = team.police_lead
    county = team.agencies["county"]
    sharing.record_share(record=subject, by=lead, agency=county, reason="Charging")
    share = sharing.record_share(
        record=shared_note, by=lead, agency=county, reason="Charging"
    )
    from agencies.services.decisions import decision_propose

    decision = decision_propose(
        subject=subject, by=team.police_officer, tier=RiskTier.LOW, rationale="None met"
    )
    return World(market, subject, case, shared_note, private_note, share, decision)


def person(team, role):
    if role == "anonymous":
        return None
    if role == "directory_provider":
        directory = factories.directory_page(factories.site_with_home())
        return factories.provider_user(factories.organization(directory))
    return team.people[role]


def expected(role, visible_to, allowed_to=None):
    """The status the rule gives ``role`` for a page or action."""
    if role == "anonymous":
        return 302
    if role not in MEMBERS or role not in visible_to:
        return 404
    if allowed_to is not None and role not in allowed_to:
        return 403
    return "ok"


def pages(w):
    """(url, who may see it)."""
    return [
        ("/workspace/", MEMBERS),
        ("/workspace/markets/", MEMBERS),
        ("/workspace/subjects/", MEMBERS),
        ("/workspace/cases/", MEMBERS),
        ("/workspace/notes/", MEMBERS),
        (f"/workspace/markets/{w.market.pk}/", POLICE | COUNTY),
        (f"/workspace/subjects/{w.subject.pk}/", POLICE | COUNTY),
        (f"/workspace/binder/{w.subject.pk}/", POLICE | COUNTY),
        (f"/workspace/cases/{w.case.pk}/", POLICE),
        (f"/workspace/notes/{w.shared_note.pk}/", POLICE | COUNTY),
        (f"/workspace/notes/{w.private_note.pk}/", POLICE),
        (f"/workspace/markets/{GUESS}/", set()),
        (f"/workspace/subjects/{GUESS}/", set()),
        (f"/workspace/cases/{GUESS}/", set()),
        (f"/workspace/notes/{GUESS}/", set()),
        (f"/workspace/binder/{GUESS}/", set()),
    ]


def actions(w):
    """(url, form data, who may see the object, who may act)."""
    note_data = {"text": "Matrix note", "sensitivity": "standard"}
    everyone_seeing_subject = POLICE | COUNTY
    return [
        (
            f"/workspace/notes/add/subject/{w.subject.pk}/",
            note_data,
            everyone_seeing_subject,
            everyone_seeing_subject,
        ),
        (f"/workspace/notes/add/case/{w.case.pk}/", note_data, POLICE, POLICE),
        (
            f"/workspace/notes/add/market/{w.market.pk}/",
            note_data,
            POLICE | COUNTY,
            POLICE | COUNTY,
        ),
        (
            f"/workspace/notes/{w.shared_note.pk}/amend/",
            {"text": "Correction"},
            POLICE | COUNTY,
            POLICE,
        ),
        (
            f"/workspace/share/note/{w.private_note.pk}/",
            {"agency": "", "reason": "Need to know"},
            POLICE,
            POLICE,
        ),
        (
            f"/workspace/share/{w.share.pk}/revoke/",
            {"reason": "Done"},
            POLICE | COUNTY,
            {"police_lead"},
        ),
        (
            f"/workspace/subjects/{w.subject.pk}/buys/new/",
            {},
            everyone_seeing_subject,
            POLICE,
        ),
        (
            f"/workspace/cases/{w.case.pk}/status/",
            {"to_status": "ready"},
            POLICE,
            POLICE,
        ),
        (f"/workspace/markets/{w.market.pk}/edit/", {}, POLICE | COUNTY, POLICE),
        (
            f"/workspace/decisions/{w.decision.pk}/approve/",
            {"rationale": "Yes"},
            everyone_seeing_subject,
            {"police_lead", "county_prosecutor"},
        ),
        (f"/workspace/notes/add/subject/{GUESS}/", note_data, set(), set()),
        (f"/workspace/share/note/{GUESS}/", {"reason": "x"}, set(), set()),
        (f"/workspace/share/{GUESS}/revoke/", {"reason": "x"}, set(), set()),
    ]


def outcome(status):
    return "ok" if status in (200, 302) else status


def check(client, role, method, url, data, want):
    response = client.post(url, data) if method == "post" else client.get(url)
    got = response.status_code
    if role == "anonymous":
        if got == 302 and response["Location"].startswith("/accounts/login/"):
            return None
        return f"{method.upper()} {url}: anonymous got {got}"
    if want == "ok" and got in (200, 302):
        if got == 302 and "/accounts/" in response["Location"]:
            return f"{method.upper()} {url}: {role} sent to {response['Location']}"
        return None
    if got != want:
        return f"{method.upper()} {url}: {role} got {got}, rule says {want}"
    return None


@pytest.mark.parametrize("role", ROLES)
def test_every_workspace_page_answers_by_the_rule(client, team, world, role):
    user = person(team, role)
    if user is not None:
        workspace.mfa_client(client, user)
    problems = [
        check(client, role, "get", url, None, expected(role, seen))
        for url, seen in pages(world)
    ]
    assert [p for p in problems if p] == []


@pytest.mark.parametrize("role", ROLES)
def test_every_workspace_action_answers_by_the_rule(client, team, world, role):
    user = person(team, role)
    if user is not None:
        workspace.mfa_client(client, user)
    problems = []
    for url, data, seen, allowed in actions(world):
        for method in ("get", "post"):
            want = expected(role, seen, allowed)
            with transaction.atomic():
                problems.append(check(client, role, method, url, data, want))
                transaction.set_rollback(True)
    assert [p for p in problems if p] == []


@pytest.mark.parametrize("role", sorted(MEMBERS - POLICE - COUNTY))
def test_lists_never_name_what_the_role_may_not_see(client, team, world, role):
    workspace.mfa_client(client, team.people[role])
    for url in (
        "/workspace/",
        "/workspace/subjects/",
        "/workspace/notes/",
        "/workspace/markets/",
        "/workspace/cases/",
    ):
        content = client.get(url).content
        assert world.subject.full_name.encode() not in content, url
        assert b"Shared with the county" not in content, url
        assert b"Police only" not in content, url
        assert world.market.name.encode() not in content, url


def test_audit_log_is_for_auditors_and_administrators_only(client, team):
    for role in ROLES:
        client.logout()
        user = person(team, role)
        if user is not None:
            workspace.mfa_client(client, user)
        want = {"anonymous": 302, "auditor": 200, "administrator": 200}.get(role, 404)
        for url in ("/workspace/audit/", "/workspace/audit/export.csv"):
            assert client.get(url).status_code == want, (role, url)
