"""Who sees a call-in and its invitees: participating agencies only; names by subject.

The matrix runs at the selector level (every screen reads through these
selectors) and through the one page this part serves, the call-in's .ics.
"""

import pytest
from django.http import Http404
from wagtail.search.index import get_indexed_models
from wagtail.snippets.models import get_snippet_models

from meetings import models as meeting_models
from meetings.call_ins import permissions, scheduling
from meetings.call_ins.selectors import (
    call_in_get_or_404,
    call_ins_visible_to,
    invitee_get_or_404,
    invitees_for_call_in,
)
from tests import workspace
from tests.meetings import call_in_builders as build

pytestmark = pytest.mark.django_db

SEES = {"police_lead", "police_officer", "county_prosecutor", "county_member"}
NOBODY_ELSE = [
    "other_precinct_officer",
    "city_prosecutor",
    "federal_prosecutor",
    "federal_member",
    "probation_officer",
    "provider_staff",
    "auditor",
    "administrator",
    "public_editor",
]


@pytest.fixture
def market(team):
    return workspace.market(team, partners=("county",))


@pytest.fixture
def call_in(team, market):
    return build.call_in(team, market, agencies=("county",))


@pytest.mark.parametrize("person", sorted(SEES) + NOBODY_ELSE)
def test_only_staff_of_participating_agencies_see_a_call_in(team, call_in, person):
    user = team.people[person]
    listed = set(call_ins_visible_to(user=user).values_list("pk", flat=True))
    if person in SEES:
        assert listed == {call_in.pk}
        assert call_in_get_or_404(user=user, pk=call_in.pk) == call_in
    else:
        assert listed == set()
        with pytest.raises(Http404):
            call_in_get_or_404(user=user, pk=call_in.pk)


def test_a_missing_id_and_a_hidden_one_answer_the_same(team, call_in):
    for pk in (call_in.pk, call_in.pk + 1000, "x", None):
        with pytest.raises(Http404):
            call_in_get_or_404(user=team.federal_member, pk=pk)


def test_anonymous_sees_nothing(team, call_in):
    from django.contrib.auth.models import AnonymousUser

    assert not call_ins_visible_to(user=AnonymousUser()).exists()
    with pytest.raises(Http404):
        call_in_get_or_404(user=AnonymousUser(), pk=call_in.pk)


def test_adding_and_removing_an_agency_changes_who_sees_it(team, call_in):
    federal = team.agencies["federal"]
    scheduling.call_in_agency_add(call_in=call_in, agency=federal, by=team.police_lead)
    assert call_ins_visible_to(user=team.federal_member).get() == call_in
    scheduling.call_in_agency_remove(
        call_in=call_in, agency=federal, by=team.police_lead
    )
    assert not call_ins_visible_to(user=team.federal_member).exists()


def test_the_host_cannot_be_removed_and_others_cannot_add_agencies(team, call_in):
    with pytest.raises(scheduling.WorkspaceError, match="host"):
        scheduling.call_in_agency_remove(
            call_in=call_in, agency=team.agencies["police"], by=team.police_lead
        )
    with pytest.raises(scheduling.WorkspaceError, match="host agency"):
        scheduling.call_in_agency_add(
            call_in=call_in,
            agency=team.agencies["federal"],
            by=team.county_prosecutor,
        )
    assert not call_ins_visible_to(user=team.federal_member).exists()


class TestInviteeNames:
    """Participants see invitee #n; the name only if their agency sees the subject."""

    @pytest.fixture
    def invitee(self, team, market, call_in):
        subject = build.seller(team, market, full_name="Zebulon Quixotica")
        return build.invite(team, call_in, subject)

    def labels(self, team, person, call_in):
        rows = invitees_for_call_in(user=team.people[person], call_in=call_in)
        return [(row.label, row.details_visible) for row in rows]

    def test_the_owner_sees_the_name(self, team, call_in, invitee):
        assert self.labels(team, "police_officer", call_in) == [
            ("Zebulon Quixotica", True)
        ]
        assert invitee_get_or_404(user=team.police_officer, pk=invitee.pk) == invitee

    def test_a_participant_without_the_subject_sees_a_number(
        self, team, call_in, invitee
    ):
        assert self.labels(team, "county_member", call_in) == [("Invitee #1", False)]
        assert not permissions.can_see_invitee(team.county_member, invitee)
        with pytest.raises(Http404):
            invitee_get_or_404(user=team.county_member, pk=invitee.pk)

    def test_sharing_the_subject_shows_the_name(self, team, call_in, invitee):
        build.share(team, invitee.subject, "county")
        assert self.labels(team, "county_member", call_in) == [
            ("Zebulon Quixotica", True)
        ]
        assert invitee_get_or_404(user=team.county_member, pk=invitee.pk) == invitee

    def test_seeing_the_subject_is_not_enough_without_the_call_in(self, team, invitee):
        build.share(team, invitee.subject, "federal")
        with pytest.raises(Http404):
            invitee_get_or_404(user=team.federal_member, pk=invitee.pk)

    def test_names_load_in_one_query(
        self, team, market, call_in, invitee, django_assert_num_queries
    ):
        for n in range(4):
            build.invite(team, call_in, build.seller(team, market, full_name=f"P{n}"))
        team.county_member.refresh_from_db()
        permissions.agency_of(team.county_member)  # membership, cached per user
        with django_assert_num_queries(1):
            rows = invitees_for_call_in(user=team.county_member, call_in=call_in)
        assert [row.label for row in rows] == [f"Invitee #{n}" for n in range(1, 6)]


def test_call_in_models_are_never_snippets_pages_or_indexed():
    confidential = [
        meeting_models.CallIn,
        meeting_models.Invitee,
        meeting_models.Influential,
        meeting_models.InvitationAttempt,
        meeting_models.Referral,
        meeting_models.FollowUp,
        meeting_models.ClosingReport,
        meeting_models.CalendarFeedToken,
    ]
    snippets, indexed = set(get_snippet_models()), set(get_indexed_models())
    for model in confidential:
        assert model not in snippets, model
        assert model not in indexed, model
