"""Case note screens: the notes block, the list, a note's page, add and amend."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from agencies import permissions
from agencies.choices import Sensitivity
from agencies.models import AuditEntry, CaseNote
from agencies.selectors import notes as note_selectors
from agencies.services import notes as note_services
from agencies.services import sharing
from agencies.workspace import notes as note_views
from tests import workspace
from tests.agencies.workspace_notes_helpers import (
    COUNTY,
    EVERYONE,
    POLICE,
    STAFF,
    expect,
    response_as,
    scene,
    sign_in,
)

pytestmark = pytest.mark.django_db


def render_notes_block(user, record):
    request = RequestFactory().get("/workspace/somewhere/")
    request.user = user
    template = Template(
        '{% include "agencies/workspace/notes/_notes_for.html" with record=record %}'
    )
    return template.render(Context({"request": request, "record": record}))


# --- the notes block other pages include -----------------------------------


def test_notes_block_shows_only_notes_the_viewer_may_see(team):
    s = scene(team)
    county_html = render_notes_block(team.county_prosecutor, s.subject)
    assert "Shared with the county office." in county_html
    assert "Police eyes only." not in county_html
    assert f"/workspace/notes/add/subject/{s.subject.pk}/" in county_html
    assert f"/workspace/notes/?subject={s.subject.pk}" in county_html
    police_html = render_notes_block(team.police_officer, s.subject)
    assert "Police eyes only." in police_html
    assert "Shared with the county office." in police_html
    assert "Police eyes only." not in render_notes_block(team.federal_member, s.subject)


def test_notes_block_lists_amendments_under_their_original(team):
    s = scene(team)
    note_services.case_note_amend(
        note=s.shared, author=team.police_officer, text="Correction: north corner."
    )
    html = render_notes_block(team.county_prosecutor, s.subject)
    assert html.index("Shared with the county office.") < html.index(
        "Correction: north corner."
    )
    assert "Amendment" in html


@pytest.mark.parametrize("how_many", [2, 30])
def test_notes_block_uses_one_query_whatever_the_number_of_notes(
    team, how_many, django_assert_num_queries
):
    market = workspace.market(team)
    for _ in range(how_many):
        workspace.note(team, market)
    permissions.membership_of(team.police_officer)  # cached for the request
    with django_assert_num_queries(1):
        render_notes_block(team.police_officer, market)


# --- the list ----------------------------------------------------------------


@pytest.mark.parametrize("person", EVERYONE)
def test_note_list_answers_each_role(client, team, person):
    s = scene(team)
    response = response_as(client, team, person, "/workspace/notes/")
    status = expect({}, 200 if person in STAFF else 404)[person]
    assert response.status_code == status
    if status != 200:
        return
    html = response.content.decode()
    assert ("Police eyes only." in html) == (person in POLICE)
    assert ("Shared with the county office." in html) == (person in POLICE + COUNTY)
    assert f"Note {s.private.pk}" not in html or person in POLICE


def test_note_list_never_names_a_subject_the_viewer_cannot_open(client, team):
    s = scene(team)
    html = response_as(client, team, "county_member", "/workspace/notes/").content
    assert b"Shared with the county office." in html
    assert s.subject.full_name.encode() not in html
    assert b"A subject not shared with you" in html


def test_note_list_is_audited_as_a_listing(client, team):
    scene(team)
    response_as(client, team, "police_officer", "/workspace/notes/?sensitivity=")
    entry = AuditEntry.objects.filter(action="record_listed").first()
    assert entry.user == team.police_officer
    assert entry.details["list"] == "casenote" and entry.details["shown"] == 2


def test_note_list_pages_newest_first_without_counting(client, team, monkeypatch):
    monkeypatch.setattr(note_views, "PAGE_SIZE", 2)
    market = workspace.market(team)
    made = [workspace.note(team, market, text=f"Note text {i}") for i in range(5)]
    sign_in(client, team, "police_officer")
    first = client.get("/workspace/notes/").content.decode()
    assert "Note text 4" in first and "Note text 3" in first
    assert "Note text 2" not in first and "Older notes" in first
    assert "Newer notes" not in first
    last = client.get("/workspace/notes/?page=3").content.decode()
    assert "Note text 0" in last and "Older notes" not in last and "Newer notes" in last
    assert made


def test_note_list_filters(client, team):
    s = scene(team)
    other_market = workspace.market(team, name="Northside market")
    workspace.note(team, other_market, text="About Northside.")
    restricted = workspace.note(
        team, s.market, text="Restricted text.", sensitivity=Sensitivity.RESTRICTED
    )
    sign_in(client, team, "police_officer")
    by_subject = client.get(f"/workspace/notes/?subject={s.subject.pk}").content
    assert b"Police eyes only." in by_subject and b"About Northside." not in by_subject
    assert b"Only notes about subject Darnell Example." in by_subject
    assert f'name="subject" value="{s.subject.pk}"'.encode() in by_subject
    by_market = client.get(f"/workspace/notes/?market={other_market.pk}").content
    assert b"About Northside." in by_market and b"Police eyes only." not in by_market
    by_label = client.get("/workspace/notes/?sensitivity=restricted").content
    assert b"Restricted text." in by_label and b"Police eyes only." not in by_label
    assert restricted.pk


def test_shared_with_my_agency_filter_shows_other_agencies_notes(client, team):
    s = scene(team)
    workspace.note(team, s.market, by="county_member", text="County's own note.")
    sign_in(client, team, "county_member")
    html = client.get("/workspace/notes/?shared=on").content
    assert b"Shared with the county office." in html
    assert b"County&#x27;s own note." not in html and b"County's own note." not in html


def test_a_guessed_filter_id_is_refused_like_a_missing_one(client, team):
    s = scene(team)
    sign_in(client, team, "federal_member")
    for pk in (s.subject.pk, s.subject.pk + 999):
        response = client.get(f"/workspace/notes/?subject={pk}")
        assert response.status_code == 200
        assert b"There is no such subject you may see." in response.content
        assert b"Correct the filter" in response.content


def _make_notes(team, market, count):
    CaseNote.objects.bulk_create(
        CaseNote(market=market, agency=team.agencies["police"], text=f"n{i}")
        for i in range(count)
    )
    from agencies.services.grants import grant_view

    for note in CaseNote.objects.filter(market=market):
        grant_view(note, agency=team.agencies["police"])


@pytest.mark.parametrize("query", ["", "?sensitivity=standard"])
@pytest.mark.parametrize("how_many", [3, 60])
def test_note_list_query_count_does_not_grow_with_the_page(
    client, team, query, how_many, django_assert_max_num_queries
):
    market = workspace.market(team)
    subject = workspace.subject(team, market)
    _make_notes(team, market, how_many)
    workspace.note(team, subject)
    workspace.note(team, workspace.case(team, subject))
    sign_in(client, team, "police_officer")
    client.get("/workspace/")  # the session's first request records the session
    with django_assert_max_num_queries(22):
        response = client.get(f"/workspace/notes/{query}")
    assert response.content.count(b'<th scope="row"><a href="/workspace/notes/') == min(
        how_many + 2, 50
    )


def test_fast_path_gives_the_same_ids_as_the_filtered_path(team):
    s = scene(team)
    other = workspace.market(team, lead="county", partners=())
    county_notes = [workspace.note(team, other, by="county_member") for _ in range(4)]
    sharing.record_share(
        record=county_notes[1],
        by=team.county_prosecutor,
        user=team.police_officer,
        reason="Need",
    )
    share = sharing.record_share(
        record=county_notes[2],
        by=team.county_prosecutor,
        agency=team.agencies["police"],
        reason="Need",
    )
    sharing.share_revoke(share=share, by=team.county_prosecutor, reason="Done")
    for _ in range(7):
        workspace.note(team, s.market)
    for person in ("police_officer", "police_lead", "county_member", "federal_member"):
        user = team.people[person]
        for offset in (0, 3, 6, 9, 12):
            fast = note_selectors.case_note_ids_fast(user=user, offset=offset, limit=3)
            slow = note_selectors.case_note_ids_filtered(
                user=user, filters={}, offset=offset, limit=3
            )
            assert fast == slow, (person, offset)
    everything, _ = note_selectors.case_note_ids_fast(
        user=team.police_officer, offset=0, limit=100
    )
    assert county_notes[1].pk in everything and county_notes[2].pk not in everything


# --- a note's page -------------------------------------------------------------


@pytest.mark.parametrize("person", EVERYONE)
@pytest.mark.parametrize("which", ["shared", "private"])
def test_note_page_answers_each_role_shared_and_not(client, team, person, which):
    s = scene(team)
    note = getattr(s, which)
    readers = POLICE + COUNTY if which == "shared" else POLICE
    response = response_as(client, team, person, f"/workspace/notes/{note.pk}/")
    assert response.status_code == expect(dict.fromkeys(readers, 200), 404)[person]


@pytest.mark.parametrize("person", ["federal_member", "county_member", "police_lead"])
def test_guessed_note_ids_answer_404(client, team, person):
    s = scene(team)
    sign_in(client, team, person)
    missing = CaseNote.objects.order_by("-pk").first().pk + 1
    for pk in (missing, missing + 1000):
        assert client.get(f"/workspace/notes/{pk}/").status_code == 404
    assert client.get("/workspace/notes/abc/").status_code == 404
    assert s


def test_note_page_read_is_audited(client, team):
    s = scene(team)
    response_as(client, team, "county_member", f"/workspace/notes/{s.shared.pk}/")
    entry = AuditEntry.objects.filter(action="record_viewed").first()
    assert (entry.object_type, entry.object_id) == (
        "agencies.casenote",
        str(s.shared.pk),
    )
    assert entry.user == team.county_member
    assert entry.agency_id == team.agencies["county"].pk


def test_only_the_owning_agency_sees_who_a_note_is_shared_with_and_why(client, team):
    s = scene(team)
    url = f"/workspace/notes/{s.shared.pk}/"
    police = response_as(client, team, "police_officer", url).content
    assert b"County charging review" in police and b"Harbor County Prosecutor" in police
    assert b"Propose a share" in police
    lead = response_as(client, team, "police_lead", url).content
    assert b"Amend this note" in lead and b"Revoke" in lead
    county = response_as(client, team, "county_prosecutor", url).content
    assert b"Shared with the county office." in county
    assert b"County charging review" not in county
    assert b"Amend this note" not in county and b"Sharing" not in county


def test_note_page_lists_amendments_the_viewer_may_see(client, team):
    s = scene(team)
    amendment = note_services.case_note_amend(
        note=s.shared, author=team.police_officer, text="Correction: north corner."
    )
    html = response_as(
        client, team, "county_member", f"/workspace/notes/{s.shared.pk}/"
    ).content
    assert b"Correction: north corner." in html
    assert f"/workspace/notes/{amendment.pk}/".encode() in html
    page = response_as(
        client, team, "county_member", f"/workspace/notes/{amendment.pk}/"
    ).content
    assert f"/workspace/notes/{s.shared.pk}/".encode() in page
