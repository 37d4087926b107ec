"""Invitee screens × every role: 404 unseen, 403 forbidden, done when allowed.

Each request runs in a rolled-back savepoint against ``scene``
(``invitees_fixtures``). Allowed writes with valid data must redirect (the
write happened), so a rule that refused too much fails here as surely as
one that let too much through.
"""

import pytest

from tests.meetings.screens import invitees_fixtures as fx
from tests.meetings.screens.invitees_fixtures import (
    GUESS,
    HOST,
    NOBODY,
    PARTICIPANTS,
    PLAN_AGREERS,
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
    ann, bo = s.ann.pk, s.bo.pk
    return [
        (f"{BASE}/invitees/{ann}/", SEES_PERSON, None),
        (f"{BASE}/invitees/{bo}/", SEES_PERSON, None),
        (f"{BASE}/invitees/{GUESS}/", NOBODY, None),
        (f"{BASE}/{s.open_call_in.pk}/invitees/add/", PARTICIPANTS, HOST),
        (f"{BASE}/{GUESS}/invitees/add/", NOBODY, None),
        (f"{BASE}/invitees/{ann}/remove/", SEES_PERSON, HOST),
        (f"{BASE}/invitees/{GUESS}/remove/", NOBODY, None),
    ]


def actions(s):
    """(url, valid data, who sees it, who may do it)."""
    ann = s.ann.pk
    return [
        (
            f"{BASE}/{s.open_call_in.pk}/invitees/add/",
            {"subject": s.cy.pk},
            PARTICIPANTS,
            HOST,
        ),
        (f"{BASE}/invitees/{ann}/remove/", {}, SEES_PERSON, HOST),
        (f"{BASE}/invitees/{ann}/reply/", {"reply": "accepted"}, SEES_PERSON, None),
        (
            f"{BASE}/invitees/{ann}/influentials/add/",
            {"name": "Lee Seller", "relation": "brother", "how_to_reach": "Church"},
            SEES_PERSON,
            None,
        ),
        (
            f"{BASE}/invitees/{ann}/influentials/{s.influential.pk}/remove/",
            {},
            SEES_PERSON,
            None,
        ),
        (
            f"{BASE}/invitees/{ann}/attempts/add/",
            {"method": "phone", "at": yesterday_field(), "delivered": "yes"},
            SEES_PERSON,
            None,
        ),
        (
            f"{BASE}/invitees/{ann}/plan/",
            {"if_absent": "Activate the case.", "if_dealing": "File it."},
            SEES_PERSON,
            PLAN_AGREERS,
        ),
        (f"{BASE}/invitees/{GUESS}/reply/", {"reply": "accepted"}, NOBODY, None),
        (
            f"{BASE}/invitees/{ann}/influentials/{GUESS}/remove/",
            {},
            NOBODY,
            None,
        ),
        (f"{BASE}/invitees/{GUESS}/plan/", {"if_absent": "x"}, NOBODY, None),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_invitee_page_answers_by_the_rule(as_role, scene, role):
    client = as_role(role)
    requests = [
        ("get", url, None, expected(role, seen, allowed, success=200))
        for url, seen, allowed in pages(scene)
    ]
    assert run_matrix(client, role, requests) == []


@pytest.mark.parametrize("role", ROLES)
def test_every_invitee_action_answers_by_the_rule(as_role, scene, role):
    client = as_role(role)
    requests = []
    for url, data, seen, allowed in actions(scene):
        requests.append(("post", url, data, expected(role, seen, allowed, 302)))
        requests.append(("get", url, None, expected(role, seen, allowed, 200)))
    assert run_matrix(client, role, requests) == []
