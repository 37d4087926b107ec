"""The permission layer: default deny, grants by agency, sharing and revoking."""

import pytest
from django.http import Http404

from agencies import permissions
from agencies.choices import ShareStatus
from agencies.models import AuditEntry, CaseNote, ImmutableNoteError
from agencies.services import notes, sharing
from agencies.services.records import WorkspaceError
from tests import workspace

pytestmark = pytest.mark.django_db


def visible_notes(user):
    return set(permissions.visible(CaseNote, user=user).values_list("pk", flat=True))


def test_a_note_is_seen_only_by_its_authors_agency(team):
    market = workspace.market(team)
    note = workspace.note(team, market)
    assert visible_notes(team.police_lead) == {note.pk}
    assert visible_notes(team.police_officer) == {note.pk}
    for outsider in (
        "county_prosecutor",
        "federal_prosecutor",
        "auditor",
        "administrator",
    ):
        assert visible_notes(team.people[outsider]) == set(), outsider


def test_market_partners_see_the_market_but_not_its_notes(team):
    market = workspace.market(team, partners=("county",))
    workspace.note(team, market)
    assert permissions.can_view(team.county_prosecutor, market)
    assert not permissions.can_view(team.federal_prosecutor, market)
    assert visible_notes(team.county_prosecutor) == set()


def test_lead_shares_with_an_agency_and_revokes(team):
    market = workspace.market(team, partners=("county",))
    subject = workspace.subject(team, market)
    note = workspace.note(team, subject)
    share = sharing.record_share(
        record=note,
        by=team.police_lead,
        agency=team.agencies["federal"],
        reason="Federal charges under review",
    )
    assert visible_notes(team.federal_member) == {note.pk}
    assert visible_notes(team.county_prosecutor) == set()
    entry = AuditEntry.objects.filter(action="shared").first()
    assert (entry.object_type, entry.object_id) == ("agencies.casenote", str(note.pk))
    assert entry.reason == "Federal charges under review"
    assert entry.details["agency_id"] == team.agencies["federal"].pk
    assert entry.agency_id == team.agencies["police"].pk

    sharing.share_revoke(share=share, by=team.police_lead, reason="Review ended")
    assert visible_notes(team.federal_member) == set()
    share.refresh_from_db()
    assert share.status == ShareStatus.REVOKED
    assert AuditEntry.objects.filter(action="share_revoked").count() == 1


def test_members_propose_and_leads_decide(team):
    market = workspace.market(team)
    note = workspace.note(team, market)
    with pytest.raises(WorkspaceError):
        sharing.record_share(
            record=note,
            by=team.police_officer,
            agency=team.agencies["city"],
            reason="x",
        )
    proposal = sharing.share_propose(
        record=note, by=team.police_officer, agency=team.agencies["city"], reason="Need"
    )
    assert visible_notes(team.city_prosecutor) == set()
    sharing.share_decide(share=proposal, by=team.police_lead, approve=True)
    assert visible_notes(team.city_prosecutor) == {note.pk}


def test_other_agencies_cannot_share_what_they_were_shown(team):
    market = workspace.market(team)
    note = workspace.note(team, market)
    sharing.record_share(
        record=note, by=team.police_lead, agency=team.agencies["county"], reason="Need"
    )
    with pytest.raises(WorkspaceError):
        sharing.record_share(
            record=note,
            by=team.county_prosecutor,
            agency=team.agencies["federal"],
            reason="Passing it on",
        )
    assert visible_notes(team.federal_member) == set()


def test_a_share_needs_a_reason_and_changes_nothing_without_one(team):
    note = workspace.note(team, workspace.market(team))
    with pytest.raises(WorkspaceError):
        sharing.record_share(
            record=note, by=team.police_lead, agency=team.agencies["county"], reason=" "
        )
    assert visible_notes(team.county_prosecutor) == set()
    assert not AuditEntry.objects.filter(
        action="shared", object_type="agencies.casenote"
    )


def test_amendments_follow_the_original_notes_readers(team):
    note = workspace.note(team, workspace.market(team))
    sharing.record_share(
        record=note, by=team.police_lead, agency=team.agencies["county"], reason="Need"
    )
    amendment = notes.case_note_amend(
        note=note, author=team.police_officer, text="Correction: north corner."
    )
    assert amendment.amends == note
    assert visible_notes(team.county_prosecutor) == {note.pk, amendment.pk}
    with pytest.raises(ImmutableNoteError):
        note.text = "changed"
        note.save()


def test_get_visible_or_404_hides_unshared_and_missing_alike(team):
    note = workspace.note(team, workspace.market(team))
    assert permissions.get_visible_or_404(
        CaseNote, user=team.police_officer, pk=note.pk
    )
    for pk in (note.pk, note.pk + 1000, "abc"):
        with pytest.raises(Http404):
            permissions.get_visible_or_404(CaseNote, user=team.county_prosecutor, pk=pk)


def test_note_page_fast_path_merges_personal_grants(team):
    market = workspace.market(team)
    own = [workspace.note(team, market) for _ in range(3)]
    other = workspace.note(
        team, workspace.market(team, lead="county"), by="county_member"
    )
    sharing.record_share(
        record=other, by=team.county_prosecutor, user=team.police_officer, reason="Need"
    )
    ids, more = permissions.visible_note_ids_page(
        user=team.police_officer, offset=0, limit=2
    )
    assert ids == [other.pk, own[2].pk] and more
    ids, more = permissions.visible_note_ids_page(
        user=team.police_officer, offset=2, limit=2
    )
    assert ids == [own[1].pk, own[0].pk] and not more
    assert permissions.visible_note_ids_page(user=team.police_lead, offset=0, limit=9)[
        0
    ] == [own[2].pk, own[1].pk, own[0].pk]
