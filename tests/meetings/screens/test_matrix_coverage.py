"""Every ``/workspace/call-ins/`` URL is in an authorization matrix.

The matrices (``test_planning_matrix``, ``test_invitee_matrix``,
``test_meeting_matrix``, ``test_letters_matrix``) list their URLs by hand; a
screen added to ``meetings/call_ins/screens/urls.py`` without a row there
would ship with no role × action test. This compares the two lists.
"""

from urllib.parse import urlsplit

import pytest
from django.urls import resolve

from meetings.call_ins.screens import urls
from tests.meetings.screens import invitees_fixtures as fx
from tests.meetings.screens import (
    test_invitee_matrix,
    test_letters_matrix,
    test_meeting_matrix,
    test_planning_matrix,
)

scene, service = fx.scene, fx.service

pytestmark = pytest.mark.django_db


def url_names(addresses) -> set[str]:
    names = set()
    for address in addresses:
        match = resolve(urlsplit(address).path)
        assert match.namespace == "call_ins", address
        names.add(match.url_name)
    return names


def test_every_call_in_screen_url_is_in_a_matrix(call_in_scene, scene, team, soon):
    addresses = [row[0] for row in test_planning_matrix.pages(call_in_scene)]
    addresses += [
        row[0] for row in test_planning_matrix.actions(call_in_scene, team, soon)
    ]
    for matrix in (test_invitee_matrix, test_meeting_matrix):
        addresses += [row[0] for row in matrix.pages(scene)]
        addresses += [row[0] for row in matrix.actions(scene)]
    addresses += [row[1] for row in test_letters_matrix.requests(scene, "anonymous")]
    every = {pattern.name for pattern in urls.urlpatterns}
    assert sorted(every - url_names(addresses)) == []
