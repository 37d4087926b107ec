"""Sharing through the screens: share, propose, approve, decline, revoke, every role."""

import pytest

from agencies import permissions
from agencies.choices import ShareStatus
from agencies.models import AuditEntry, CaseNote, Share, Subject
from agencies.services import notes, sharing
from tests.agencies.workspace_notes_helpers import (
    COUNTY,
    EVERYONE,
    POLICE,
    expect,
    response_as,
    scene,
    sign_in,
)

pytestmark = pytest.mark.django_db


def share_data(team, **extra):
    return {"agency": team.agencies["federal"].pk, "reason": "Federal review", **extra}


def sees(user, note):
    return permissions.can_view(user, note)


def last_audit(action):
    return AuditEntry.objects.filter(action=action).first()


@pytest.mark.parametrize("person", EVERYONE)
@pytest.mark.parametrize("which", ["shared", "private"])
def test_share_a_note_answers_each_role(client, team, person, which):
    s = scene(team)
    note = getattr(s, which)
    readers = POLICE + COUNTY if which == "shared" else POLICE
    statuses = {**dict.fromkeys(readers, 403), **dict.fromkeys(POLICE, 302)}
    url = f"/workspace/share/note/{note.pk}/"
    response = response_as(client, team, person, url, share_data(team))
    assert response.status_code == expect(statuses, 404)[person]
    federal = Share.objects.filter(note=note, agency=team.agencies["federal"])
    if person == "police_lead":
        assert federal.get().status == ShareStatus.ACTIVE
        assert sees(team.federal_member, note)
        entry = last_audit("shared")
        assert entry.reason == "Federal review" and entry.user == team.police_lead
        assert entry.details["agency_id"] == team.agencies["federal"].pk
        assert entry.object_id == str(note.pk)
    elif person == "police_officer":
        assert federal.get().status == ShareStatus.PROPOSED
        assert not sees(team.federal_member, note)
        entry = last_audit("share_proposed")
        assert entry.reason == "Federal review" and entry.user == team.police_officer
        assert entry.details["agency_id"] == team.agencies["federal"].pk
    else:
        assert not federal.exists() and not sees(team.federal_member, note)


@pytest.mark.parametrize("person", EVERYONE)
def test_share_page_answers_each_role(client, team, person):
    s = scene(team)
    response = response_as(
        client, team, person, f"/workspace/share/market/{s.market.pk}/"
    )
    statuses = {**dict.fromkeys(COUNTY, 403), **dict.fromkeys(POLICE, 200)}
    assert response.status_code == expect(statuses, 404)[person]
    if response.status_code == 200:
        entry = last_audit("record_viewed")
        assert entry.object_type == "agencies.market" and entry.details == {
            "view": "sharing"
        }


@pytest.mark.parametrize("kind", ["subject", "case", "market"])
def test_a_lead_shares_subjects_cases_and_markets_the_same_way(client, team, kind):
    s = scene(team)
    record = getattr(s, kind)
    url = f"/workspace/share/{kind}/{record.pk}/"
    response = response_as(client, team, "police_lead", url, share_data(team))
    assert response.status_code == 302
    assert permissions.can_view(team.federal_prosecutor, record)
    assert last_audit("shared").object_type == f"agencies.{kind}"


def test_share_with_one_person_of_another_agency(client, team):
    s = scene(team)
    data = {"username": "federal_member", "reason": "Named case agent"}
    response_as(
        client, team, "police_lead", f"/workspace/share/note/{s.private.pk}/", data
    )
    assert sees(team.federal_member, s.private)
    assert not sees(team.federal_prosecutor, s.private)
    entry = last_audit("shared")
    assert entry.details["user_id"] == team.federal_member.pk
    assert entry.details["agency_id"] is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"agency": "FED", "reason": ""}, b"This field is required"),
        ({"agency": "FED", "username": "federal_member", "reason": "x"}, b"not both"),
        ({"reason": "Need"}, b"Choose an agency or one person"),
        ({"username": "nobody-here", "reason": "Need"}, b"No staff member of another"),
        (
            {"username": "police_officer", "reason": "Need"},
            b"No staff member of another",
        ),
        ({"agency": "OWN", "reason": "Need"}, b"Select a valid choice"),
    ],
)
def test_share_form_errors_keep_what_was_typed_and_share_nothing(
    client, team, data, message
):
    s = scene(team)
    ids = {"FED": team.agencies["federal"].pk, "OWN": team.agencies["police"].pk}
    data = {key: ids.get(value, value) for key, value in data.items()}
    shares, audits = (
        Share.objects.count(),
        AuditEntry.objects.filter(action="shared").count(),
    )
    url = f"/workspace/share/note/{s.private.pk}/"
    response = response_as(client, team, "police_lead", url, data)
    assert response.status_code == 200
    assert message in response.content
    if data.get("username"):
        assert f'value="{data["username"]}"'.encode() in response.content
    if data.get("agency") == ids["FED"]:
        assert f'value="{ids["FED"]}" selected'.encode() in response.content
    assert Share.objects.count() == shares
    assert AuditEntry.objects.filter(action="shared").count() == audits


def test_sharing_twice_with_the_same_agency_is_refused_with_a_message(client, team):
    s = scene(team)
    data = {"agency": team.agencies["county"].pk, "reason": "Again"}
    response = response_as(
        client, team, "police_lead", f"/workspace/share/note/{s.shared.pk}/", data
    )
    assert response.status_code == 200
    assert b"already shared" in response.content and b"Again" in response.content


# --- proposals: approve and decline ----------------------------------------------


def propose(team, note):
    return sharing.share_propose(
        record=note,
        by=team.police_officer,
        agency=team.agencies["federal"],
        reason="Ask",
    )


@pytest.mark.parametrize("person", EVERYONE)
@pytest.mark.parametrize("decision", ["approve", "decline"])
def test_deciding_a_proposal_answers_each_role(client, team, person, decision):
    s = scene(team)
    proposal = propose(team, s.private)
    url = f"/workspace/share/{proposal.pk}/decide/"
    response = response_as(client, team, person, url, {"decision": decision})
    statuses = {"police_lead": 302, "police_officer": 403}
    assert response.status_code == expect(statuses, 404)[person]
    proposal.refresh_from_db()
    if person != "police_lead":
        assert proposal.status == ShareStatus.PROPOSED
        assert not sees(team.federal_member, s.private)
        return
    approved = decision == "approve"
    assert proposal.status == (ShareStatus.ACTIVE if approved else ShareStatus.DECLINED)
    assert proposal.decided_by == team.police_lead
    assert sees(team.federal_member, s.private) == approved
    entry = last_audit("shared" if approved else "share_declined")
    assert entry.user == team.police_lead and entry.reason == "Ask"
    assert entry.details["share_id"] == proposal.pk
    assert entry.details["agency_id"] == team.agencies["federal"].pk


def test_a_decided_proposal_cannot_be_decided_again(client, team):
    s = scene(team)
    proposal = propose(team, s.private)
    sign_in(client, team, "police_lead")
    url = f"/workspace/share/{proposal.pk}/decide/"
    client.post(url, {"decision": "decline"})
    response = client.post(url, {"decision": "approve"}, follow=True)
    assert b"already been decided" in response.content
    assert not sees(team.federal_member, s.private)
    assert client.post(url, {"decision": "maybe"}).status_code == 302
    assert client.get(url).status_code == 405


def test_leads_see_pending_proposals_with_buttons_members_only_a_count(client, team):
    s = scene(team)
    propose(team, s.private)
    url = f"/workspace/notes/{s.private.pk}/"
    lead = response_as(client, team, "police_lead", url).content
    assert b'value="approve"' in lead and b'value="decline"' in lead
    member = response_as(client, team, "police_officer", url).content
    assert b'value="approve"' not in member
    assert b"1 proposal waits for a lead" in member


# --- revoking ---------------------------------------------------------------------


@pytest.mark.parametrize("person", EVERYONE)
def test_revoking_answers_each_role(client, team, person):
    s = scene(team)
    share = Share.objects.get(note=s.shared)
    url = f"/workspace/share/{share.pk}/revoke/"
    response = response_as(client, team, person, url, {"reason": "Review closed"})
    statuses = {"police_lead": 302, **dict.fromkeys(("police_officer", *COUNTY), 403)}
    assert response.status_code == expect(statuses, 404)[person]
    share.refresh_from_db()
    if person == "police_lead":
        assert share.status == ShareStatus.REVOKED
        assert not sees(team.county_member, s.shared)
        entry = last_audit("share_revoked")
        assert entry.reason == "Review closed" and entry.user == team.police_lead
        assert entry.details["agency_id"] == team.agencies["county"].pk
        assert response["Location"] == f"/workspace/notes/{s.shared.pk}/"
    else:
        assert share.status == ShareStatus.ACTIVE and sees(team.county_member, s.shared)


def test_revoke_needs_a_reason_and_keeps_the_share_meanwhile(client, team):
    s = scene(team)
    share = Share.objects.get(note=s.shared)
    sign_in(client, team, "police_lead")
    url = f"/workspace/share/{share.pk}/revoke/"
    assert b"County charging review" in client.get(url).content
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200 and b"This field is required" in response.content
    share.refresh_from_db()
    assert share.status == ShareStatus.ACTIVE
    assert not AuditEntry.objects.filter(action="share_revoked").exists()


def test_guessed_share_ids_and_kinds_answer_404(client, team):
    s = scene(team)
    sign_in(client, team, "federal_prosecutor")
    share = Share.objects.get(note=s.shared)
    for pk in (share.pk, share.pk + 100):
        assert client.get(f"/workspace/share/{pk}/revoke/").status_code == 404
        assert (
            client.post(
                f"/workspace/share/{pk}/decide/", {"decision": "approve"}
            ).status_code
            == 404
        )
    sign_in(client, team, "police_lead")
    assert client.get(f"/workspace/share/buy/{s.subject.pk}/").status_code == 404
    missing = Subject.objects.order_by("-pk").first().pk + 1
    assert client.get(f"/workspace/share/subject/{missing}/").status_code == 404
    assert CaseNote.objects.count() == 2


def test_an_amendment_is_shared_through_its_original(client, team):
    s = scene(team)
    amendment = notes.case_note_amend(
        note=s.private, author=team.police_officer, text="Fix."
    )
    sign_in(client, team, "police_lead")
    page = client.get(f"/workspace/notes/{amendment.pk}/").content
    assert b"read by exactly the agencies" in page and b"Propose" not in page
    response = client.post(f"/workspace/share/note/{amendment.pk}/", share_data(team))
    assert response["Location"] == f"/workspace/share/note/{s.private.pk}/"
    assert not Share.objects.filter(note=amendment).exists()
    client.post(f"/workspace/share/note/{s.private.pk}/", share_data(team))
    assert sees(team.federal_member, s.private) and sees(team.federal_member, amendment)
