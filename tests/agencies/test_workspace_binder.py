"""The subject binder: everything the viewer may see about one person, audited."""

import datetime

import pytest
from django.utils import timezone

from agencies.choices import ActivationReason, CaseStatus, RiskTier
from agencies.models import AuditEntry, RiskDecision, Subject
from agencies.services import notes, records, sharing
from tests import workspace
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


def binder_url(subject):
    return f"/workspace/binder/{subject.pk}/"


def share_subject_with_county(team, s):
    sharing.record_share(
        record=s.subject,
        by=team.police_lead,
        agency=team.agencies["county"],
        reason="Charging review",
    )


@pytest.mark.parametrize("person", EVERYONE)
@pytest.mark.parametrize("shared", [False, True])
def test_binder_answers_each_role_shared_and_not(client, team, person, shared):
    s = scene(team)
    if shared:
        share_subject_with_county(team, s)
    readers = POLICE + COUNTY if shared else POLICE
    response = response_as(client, team, person, binder_url(s.subject))
    assert response.status_code == expect(dict.fromkeys(readers, 200), 404)[person]
    exported = AuditEntry.objects.filter(action="binder_exported")
    assert exported.exists() == (person in readers)


def test_guessed_subject_ids_answer_404(client, team):
    s = scene(team)
    sign_in(client, team, "county_prosecutor")
    missing = Subject.objects.order_by("-pk").first().pk + 1
    for pk in (s.subject.pk, missing, missing + 1000):
        assert client.get(f"/workspace/binder/{pk}/").status_code == 404
    assert not AuditEntry.objects.filter(action="binder_exported").exists()


def test_binder_export_is_audited_with_the_number_of_notes(client, team):
    s = scene(team)
    notes.case_note_amend(note=s.shared, author=team.police_officer, text="Fix.")
    workspace.note(team, s.case, text="About the case.")
    share_subject_with_county(team, s)
    response_as(client, team, "county_member", binder_url(s.subject))
    entry = AuditEntry.objects.get(action="binder_exported")
    assert (entry.object_type, entry.object_id) == (
        "agencies.subject",
        str(s.subject.pk),
    )
    assert entry.user == team.county_member
    assert entry.agency_id == team.agencies["county"].pk
    assert entry.details == {"notes": 2, "cases": 0}  # the shared note + its fix
    response_as(client, team, "police_officer", binder_url(s.subject))
    police = AuditEntry.objects.filter(action="binder_exported").first()
    assert police.details == {"notes": 4, "cases": 1}


def test_binder_holds_details_buys_decisions_case_history_and_notes(client, team):
    s = scene(team)
    s.subject.aliases = "D-Money"
    records.controlled_buy_create(
        by=team.police_officer,
        subject=s.subject,
        occurred_at=timezone.now() - datetime.timedelta(days=3),
        place="5th and Main",
        officer_reference="Badge 4471",
        substance="Crack cocaine",
        amount="0.4 g",
    )
    RiskDecision.objects.create(
        subject=s.subject,
        tier=RiskTier.LOW,
        rationale="First contact",
        major_dealer=False,
    )
    for status in (CaseStatus.READY, CaseStatus.BANKED):
        records.case_status_change(case=s.case, to_status=status, by=team.police_lead)
    records.case_status_change(
        case=s.case,
        to_status=CaseStatus.ACTIVATED,
        by=team.police_lead,
        activation_reason=ActivationReason.NO_SHOW,
    )
    notes.case_note_amend(note=s.private, author=team.police_lead, text="Amended text.")
    html = response_as(client, team, "police_officer", binder_url(s.subject)).content
    html = html.decode()
    for expected in (
        "Darnell Example",
        "5th and Main",
        "Badge 4471",
        "0.4 g",
        "First contact",
        "Sales on 5th Street",
        "Did not attend the call-in",
        "Banked",
        "Police eyes only.",
        "Amended text.",
        "Shared with the county office.",
    ):
        assert expected in html, expected
    assert html.index("Police eyes only.") < html.index("Amended text.")
    assert "css/workspace-print.css" in html and 'media="print"' in html


def test_binder_leaves_out_what_the_viewer_may_not_see(client, team):
    s = scene(team)
    share_subject_with_county(team, s)
    case_note = workspace.note(team, s.case, text="Case-only detail.")
    sharing.record_share(
        record=case_note,
        by=team.police_lead,
        agency=team.agencies["county"],
        reason="Need",
    )
    workspace.note(team, s.case, text="Unshared case detail.")
    html = response_as(client, team, "county_member", binder_url(s.subject)).content
    assert b"Darnell Example" in html and b"Shared with the county office." in html
    assert b"Police eyes only." not in html and b"Unshared case detail." not in html
    assert b"Case-only detail." in html
    assert b"Sales on 5th Street" not in html  # the case itself is not shared
    assert b"A case not shared with you" in html


@pytest.mark.parametrize("count", [1, 12])
def test_binder_query_count_does_not_grow_with_the_subject(
    client, team, count, django_assert_max_num_queries
):
    s = scene(team)
    for i in range(count):
        case = workspace.case(team, s.subject, title=f"Case {i}")
        records.case_status_change(
            case=case, to_status=CaseStatus.READY, by=team.police_lead
        )
        note = workspace.note(team, case if i % 2 else s.subject)
        notes.case_note_amend(note=note, author=team.police_officer, text="Fix.")
        records.controlled_buy_create(
            by=team.police_officer,
            subject=s.subject,
            occurred_at=timezone.now(),
            place=f"Corner {i}",
            officer_reference="B1",
            substance="x",
            amount="1 g",
        )
    sign_in(client, team, "police_lead")
    client.get("/workspace/notes/")  # the session's first request records the session
    with django_assert_max_num_queries(21):
        response = client.get(binder_url(s.subject))
    assert response.content.count(b"Corner ") == count
