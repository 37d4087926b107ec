"""Meeting screens × every role: ready, check-in, closing, outcomes, follow-ups.

Same machinery as ``test_invitee_matrix``: rolled-back savepoints against
``scene``, allowed writes with valid data must redirect. Marking ``scene``'s
open call-in ready and closing its held one are refused by the rule (a plan
is missing, no closing report): the host gets the page with the refusal
(200), everyone else the 403/404 the rule gives.
"""

import pytest

from tests.meetings.screens import invitees_fixtures as fx
from tests.meetings.screens.invitees_fixtures import (
    GUESS,
    HOST,
    NOBODY,
    PARTICIPANTS,
    ROLES,
    SEES_PERSON,
    expected,
    run_matrix,
    yesterday_field,
)

as_role, scene, service, recovery_staff = (
    fx.as_role,
    fx.scene,
    fx.service,
    fx.recovery_staff,
)

pytestmark = pytest.mark.django_db

BASE = "/workspace/call-ins"


def pages(s):
    """(url, who sees it, who may use it)."""
    held, opened = s.held_call_in.pk, s.open_call_in.pk
    return [
        (f"{BASE}/{opened}/ready/", PARTICIPANTS, HOST),
        (f"{BASE}/{held}/check-in/", PARTICIPANTS, None),
        (f"{BASE}/{opened}/check-in/", PARTICIPANTS, None),
        (f"{BASE}/{held}/closing-report/", PARTICIPANTS, HOST),
        (f"{BASE}/{held}/close/", PARTICIPANTS, HOST),
        (f"{BASE}/{GUESS}/ready/", NOBODY, None),
        (f"{BASE}/{GUESS}/check-in/", NOBODY, None),
        (f"{BASE}/{GUESS}/closing-report/", NOBODY, None),
        (f"{BASE}/{GUESS}/close/", NOBODY, None),
    ]


def actions(s):
    """(url, valid data, who sees it, who may do it, what success answers)."""
    held, opened, bo = s.held_call_in.pk, s.open_call_in.pk, s.bo.pk
    agencies = [s.held_call_in.host_agency_id]
    return [
        (f"{BASE}/{opened}/ready/", {}, PARTICIPANTS, HOST, 200),
        (
            f"{BASE}/invitees/{bo}/check-in/",
            {"attendance": "no_show"},
            SEES_PERSON,
            None,
            302,
        ),
        (
            f"{BASE}/{held}/closing-report/",
            {"what_was_said": "The deal was explained.", "agencies_present": agencies},
            PARTICIPANTS,
            HOST,
            302,
        ),
        (f"{BASE}/{held}/close/", {}, PARTICIPANTS, HOST, 200),
        (
            f"{BASE}/invitees/{bo}/outcome/",
            {"outcome": "Accepted counseling."},
            SEES_PERSON,
            None,
            302,
        ),
        (
            f"{BASE}/invitees/{bo}/referrals/add/",
            {"service": s.service.pk, "share_name": "on"},
            SEES_PERSON,
            None,
            302,
        ),
        (
            f"{BASE}/invitees/{bo}/referrals/{s.referral.pk}/status/",
            {"to_status": "first_contact"},
            SEES_PERSON,
            None,
            302,
        ),
        (
            f"{BASE}/invitees/{bo}/follow-ups/add/",
            {"kind": "new_contact", "at": yesterday_field()},
            SEES_PERSON,
            None,
            302,
        ),
        (
            f"{BASE}/invitees/{GUESS}/check-in/",
            {"attendance": "attended"},
            NOBODY,
            None,
            302,
        ),
        (f"{BASE}/invitees/{GUESS}/outcome/", {"outcome": "x"}, NOBODY, None, 302),
        (
            f"{BASE}/invitees/{bo}/referrals/{GUESS}/status/",
            {"to_status": "engaged"},
            NOBODY,
            None,
            302,
        ),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_meeting_page_answers_by_the_rule(as_role, scene, role):
    client = as_role(role)
    requests = [
        ("get", url, None, expected(role, seen, allowed, success=200))
        for url, seen, allowed in pages(scene)
    ]
    assert run_matrix(client, role, requests) == []


@pytest.mark.parametrize("role", ROLES)
def test_every_meeting_action_answers_by_the_rule(as_role, scene, role):
    client = as_role(role)
    requests = []
    for url, data, seen, allowed, success in actions(scene):
        requests.append(("post", url, data, expected(role, seen, allowed, success)))
        requests.append(("get", url, None, expected(role, seen, allowed, (200, 302))))
    assert run_matrix(client, role, requests) == []
