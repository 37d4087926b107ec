"""The call-in planning matrix: every URL and action × every role (``conftest``).

For each role every page is requested and every action posted (and asked
with GET), each in a savepoint that is rolled back, and the status compared
with the rule:

* anonymous → sign-in redirect; no agency (auditor, administrator, directory
  provider staff) → 404 everywhere;
* the viewer's agency does not take part in the call-in → 404, exactly like
  an id that does not exist, POSTs included;
* takes part but only the host may do it → 403; allowed → 200 or a redirect.

Every refusal (404 or 403) leaves a "denied" entry in the audit log.
"""

import pytest
from django.db import transaction

from agencies.models import AuditEntry, AuditOutcome
from tests.meetings.screens.conftest import (
    ANONYMOUS,
    CALL_IN_ROLES,
    HOST,
    OTHER_STAFF,
    PARTICIPANTS,
)

pytestmark = pytest.mark.django_db

BASE = "/workspace/call-ins/"
GUESS = 987_654
MEMBERS = {*HOST, *PARTICIPANTS, *OTHER_STAFF}
SEEN = {*HOST, *PARTICIPANTS}
HOSTS = set(HOST)
WESTSIDE = {"other_precinct_officer"}  # staff of the other call-in's host


def details(s, when):
    return {
        "title": "Eastgate call-in (moved)",
        "day": when.date().isoformat(),
        "starts": "18:00",
        "ends": "20:00",
        "location": "Eastgate Community Center, Room 3",
        "market": s.market.pk,
    }


def pages(s):
    """(url, who may see it, who may use it)."""
    c, d, o = s.call_in.pk, s.draft.pk, s.other_call_in.pk
    item = s.agenda_item.pk
    return [
        (BASE, MEMBERS, None),
        (BASE + "?when=past", MEMBERS, None),
        (BASE + "new/", MEMBERS, None),
        (BASE + "calendar/", MEMBERS, None),
        (BASE + "figures/", MEMBERS, None),
        (f"{BASE}{c}/", SEEN, None),
        (f"{BASE}{d}/", SEEN, None),
        (f"{BASE}{o}/", WESTSIDE, None),
        (f"{BASE}{GUESS}/", set(), None),
        (f"{BASE}{c}/edit/", SEEN, HOSTS),
        (f"{BASE}{d}/schedule/", SEEN, HOSTS),
        (f"{BASE}{c}/cancel/", SEEN, HOSTS),
        (f"{BASE}{c}/agenda/{item}/edit/", SEEN, HOSTS),
        (f"{BASE}{o}/edit/", WESTSIDE, WESTSIDE),
        (f"{BASE}{GUESS}/edit/", set(), None),
        (f"{BASE}{c}/agenda/{GUESS}/edit/", set(), None),
    ]


def actions(s, team, when):
    """(url, data, who may see the call-in, who may act)."""
    c, d, o = s.call_in.pk, s.draft.pk, s.other_call_in.pk
    item = s.agenda_item.pk
    attendee = s.call_in.staff_attendees.get(user=team.police_officer).pk
    agenda = {"speaker": "Pastor", "topic": "Community voice", "minutes": "5"}
    return [
        (BASE + "new/", details(s, when), MEMBERS, MEMBERS),
        (f"{BASE}{c}/edit/", details(s, when), SEEN, HOSTS),
        (f"{BASE}{d}/schedule/", {}, SEEN, HOSTS),
        (f"{BASE}{c}/cancel/", {"reason": "Venue closed"}, SEEN, HOSTS),
        (
            f"{BASE}{c}/agencies/add/",
            {"agency": team.agencies["federal"].pk},
            SEEN,
            HOSTS,
        ),
        (
            f"{BASE}{c}/agencies/remove/",
            {"agency": team.agencies["county"].pk},
            SEEN,
            HOSTS,
        ),
        (f"{BASE}{c}/staff/add/", {"user": team.county_prosecutor.pk}, SEEN, HOSTS),
        (f"{BASE}{c}/staff/{attendee}/remove/", {}, SEEN, HOSTS),
        (
            f"{BASE}{c}/reply/",
            {"reply": "tentative"},
            SEEN,
            {"police_officer", "county_member"},
        ),
        (f"{BASE}{c}/agenda/add/", agenda, SEEN, HOSTS),
        (f"{BASE}{c}/agenda/{item}/edit/", {**agenda, "order": "2"}, SEEN, HOSTS),
        (f"{BASE}{c}/agenda/{item}/remove/", {}, SEEN, HOSTS),
        (BASE + "calendar/regenerate/", {}, MEMBERS, MEMBERS),
        (BASE + "calendar/revoke/", {}, MEMBERS, MEMBERS),
        # The other precinct's call-in, and ids that do not exist.
        (f"{BASE}{o}/cancel/", {"reason": "x"}, WESTSIDE, WESTSIDE),
        (f"{BASE}{o}/agenda/add/", agenda, WESTSIDE, WESTSIDE),
        (f"{BASE}{o}/reply/", {"reply": "accepted"}, WESTSIDE, set()),
        (f"{BASE}{GUESS}/cancel/", {"reason": "x"}, set(), set()),
        (f"{BASE}{GUESS}/reply/", {"reply": "accepted"}, set(), set()),
        (f"{BASE}{c}/staff/{GUESS}/remove/", {}, set(), set()),
        (f"{BASE}{c}/agenda/{GUESS}/remove/", {}, set(), set()),
    ]


def expected(role, seen, allowed=None):
    if role == ANONYMOUS:
        return 302
    if role not in MEMBERS or role not in seen:
        return 404
    if allowed is not None and role not in allowed:
        return 403
    return "ok"


def denied_entries():
    return AuditEntry.objects.filter(outcome=AuditOutcome.DENIED).count()


def check(client, role, method, url, data, want):
    before = denied_entries()
    response = client.post(url, data) if method == "post" else client.get(url)
    got = response.status_code
    where = f"{method.upper()} {url}"
    if role == ANONYMOUS:
        if got == 302 and response["Location"].startswith("/accounts/login/"):
            return None
        return f"{where}: anonymous got {got}"
    if want == "ok":
        if got == 200 or (got == 302 and "/accounts/" not in response["Location"]):
            return None
        return f"{where}: {role} got {got}, rule says allowed"
    if got != want:
        return f"{where}: {role} got {got}, rule says {want}"
    if denied_entries() != before + 1:
        return f"{where}: {role} refused ({got}) but the refusal was not audited"
    if "no-store" not in response["Cache-Control"]:
        return f"{where}: {role} refusal may be cached"
    return None


@pytest.mark.parametrize("role", CALL_IN_ROLES)
def test_every_planning_page_answers_by_the_rule(call_in_scene, signed_in, role):
    client = signed_in(role)
    problems = [
        check(client, role, "get", url, None, expected(role, seen, allowed))
        for url, seen, allowed in pages(call_in_scene)
    ]
    assert [p for p in problems if p] == []


@pytest.mark.parametrize("role", CALL_IN_ROLES)
def test_every_planning_action_answers_by_the_rule(
    call_in_scene, signed_in, team, soon, role
):
    client = signed_in(role)
    problems = []
    for url, data, seen, allowed in actions(call_in_scene, team, soon):
        for method in ("get", "post"):
            want = expected(role, seen, allowed)
            with transaction.atomic():
                problems.append(check(client, role, method, url, data, want))
                transaction.set_rollback(True)
    assert [p for p in problems if p] == []


@pytest.mark.parametrize("role", sorted(OTHER_STAFF))
def test_lists_never_name_a_call_in_the_role_may_not_see(
    call_in_scene, signed_in, role
):
    client = signed_in(role)
    s = call_in_scene
    hidden = [s.call_in.title, s.call_in.location, s.draft.title, s.draft.location]
    if role != "other_precinct_officer":
        hidden += [s.other_call_in.title, s.other_call_in.location]
    for url in (BASE, BASE + "?when=past", BASE + "figures/", BASE + "new/"):
        content = client.get(url).content.decode()
        for text in hidden:
            assert text not in content, (url, text)
        assert s.market.name not in content, url
