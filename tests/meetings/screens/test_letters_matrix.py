"""Letter screens × every role: the agency's template, the printable letter."""

import pytest

from tests.meetings.screens import invitees_fixtures as fx
from tests.meetings.screens.invitees_fixtures import (
    AGENCY_STAFF,
    GUESS,
    NOBODY,
    ROLES,
    SEES_PERSON,
    expected,
    run_matrix,
)

as_role, scene, service, recovery_staff = (
    fx.as_role,
    fx.scene,
    fx.service,
    fx.recovery_staff,
)

pytestmark = pytest.mark.django_db

BASE = "/workspace/call-ins"


def requests(scene, role):
    """(method, url, data, what the rule gives ``role``)."""
    text = {"text": "Dear {{ name }}, come on {{ date }} at {{ time }}."}
    return [
        (
            "get",
            f"{BASE}/letter-template/",
            None,
            expected(role, AGENCY_STAFF, None, 200),
        ),
        (
            "post",
            f"{BASE}/letter-template/",
            text,
            expected(role, AGENCY_STAFF, None, 302),
        ),
        (
            "get",
            f"{BASE}/invitees/{scene.ann.pk}/letter/",
            None,
            expected(role, SEES_PERSON, None, 200),
        ),
        (
            "get",
            f"{BASE}/invitees/{scene.bo.pk}/letter/",
            None,
            expected(role, SEES_PERSON, None, 200),
        ),
        (
            "get",
            f"{BASE}/invitees/{GUESS}/letter/",
            None,
            expected(role, NOBODY, None, 200),
        ),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_letter_screens_answer_by_the_rule(as_role, scene, role):
    client = as_role(role)
    assert run_matrix(client, role, requests(scene, role)) == []
