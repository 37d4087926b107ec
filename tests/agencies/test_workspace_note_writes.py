"""Adding a note to a market, subject or case, and amending one, through the screens."""

import pytest

from agencies.models import AuditEntry, CaseNote
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

NOTE = {"text": "Buyer traffic moved to the alley.", "sensitivity": "sensitive"}


def record_of(s, kind):
    return getattr(s, kind)


# Who sees what in ``scene``: the market's partner (county) sees the market,
# only the police see the subject and the case.
READERS = {"market": POLICE + COUNTY, "subject": POLICE, "case": POLICE}


@pytest.mark.parametrize("person", EVERYONE)
@pytest.mark.parametrize("kind", ["market", "subject", "case"])
def test_add_note_answers_each_role(client, team, person, kind):
    s = scene(team)
    record = record_of(s, kind)
    before = CaseNote.objects.count()
    url = f"/workspace/notes/add/{kind}/{record.pk}/"
    response = response_as(client, team, person, url, NOTE)
    expected = expect(dict.fromkeys(READERS[kind], 302), 404)[person]
    assert response.status_code == expected
    if expected != 302 or person == "anonymous":
        assert CaseNote.objects.count() == before
        return
    note = CaseNote.objects.order_by("-pk").first()
    assert getattr(note, kind) == record
    assert note.author == team.people[person] and note.sensitivity == "sensitive"
    assert response["Location"] == f"/workspace/notes/{note.pk}/"
    entry = AuditEntry.objects.filter(action="record_created").first()
    assert (entry.object_type, entry.object_id) == ("agencies.casenote", str(note.pk))
    assert entry.details == {"about": f"agencies.{kind}", "about_id": record.pk}


def test_a_new_note_is_seen_by_the_authors_agency_only(client, team):
    s = scene(team)
    response_as(
        client,
        team,
        "county_member",
        f"/workspace/notes/add/market/{s.market.pk}/",
        NOTE,
    )
    note = CaseNote.objects.order_by("-pk").first()
    assert (
        response_as(
            client, team, "county_prosecutor", f"/workspace/notes/{note.pk}/"
        ).status_code
        == 200
    )
    assert (
        response_as(
            client, team, "police_lead", f"/workspace/notes/{note.pk}/"
        ).status_code
        == 404
    )


def test_add_note_returns_to_the_page_it_came_from_but_never_off_site(client, team):
    s = scene(team)
    sign_in(client, team, "police_officer")
    url = f"/workspace/notes/add/subject/{s.subject.pk}/"
    back = client.post(url, {**NOTE, "next": "/workspace/binder/1/"})
    assert back["Location"] == "/workspace/binder/1/"
    away = client.post(url, {**NOTE, "next": "https://evil.example/"})
    assert away["Location"].startswith("/workspace/notes/")


def test_add_note_errors_keep_what_was_typed(client, team):
    s = scene(team)
    sign_in(client, team, "police_officer")
    url = f"/workspace/notes/add/case/{s.case.pk}/"
    before = CaseNote.objects.count()
    created = AuditEntry.objects.filter(action="record_created").count()
    response = client.post(url, {"text": "Typed but unlabelled", "sensitivity": "x"})
    assert response.status_code == 200
    assert b"Typed but unlabelled" in response.content
    assert b"Select a valid choice" in response.content
    blank = client.post(url, {"text": "   ", "sensitivity": "restricted"})
    assert blank.status_code == 200
    assert b'value="restricted" selected' in blank.content
    assert CaseNote.objects.count() == before
    assert AuditEntry.objects.filter(action="record_created").count() == created


@pytest.mark.parametrize("kind", ["note", "buy", "Subject"])
def test_add_note_to_an_unknown_kind_is_404(client, team, kind):
    s = scene(team)
    sign_in(client, team, "police_lead")
    response = client.post(f"/workspace/notes/add/{kind}/{s.subject.pk}/", NOTE)
    assert response.status_code == 404


def test_add_note_to_a_guessed_id_is_404(client, team):
    s = scene(team)
    sign_in(client, team, "county_prosecutor")
    for pk in (s.subject.pk, s.subject.pk + 500):
        assert (
            client.post(f"/workspace/notes/add/subject/{pk}/", NOTE).status_code == 404
        )


# --- amendments -----------------------------------------------------------------


@pytest.mark.parametrize("person", EVERYONE)
@pytest.mark.parametrize("which", ["shared", "private"])
def test_amend_answers_each_role(client, team, person, which):
    s = scene(team)
    note = getattr(s, which)
    readers = POLICE + COUNTY if which == "shared" else POLICE
    statuses = {**dict.fromkeys(readers, 403), **dict.fromkeys(POLICE, 302)}
    url = f"/workspace/notes/{note.pk}/amend/"
    response = response_as(
        client, team, person, url, {"text": "Correction.", "sensitivity": "standard"}
    )
    assert response.status_code == expect(statuses, 404)[person]
    amended = CaseNote.objects.filter(amends=note)
    assert amended.exists() == (person in POLICE)
    if person in POLICE:
        assert response["Location"] == f"/workspace/notes/{note.pk}/"
        entry = AuditEntry.objects.filter(action="note_amended").first()
        assert entry.object_id == str(amended.get().pk)
        assert entry.details == {"amends_id": note.pk}
        assert entry.user == team.people[person]


def test_amending_an_amendment_corrects_the_original(client, team):
    s = scene(team)
    sign_in(client, team, "police_officer")
    client.post(
        f"/workspace/notes/{s.shared.pk}/amend/",
        {"text": "First fix.", "sensitivity": "standard"},
    )
    first = CaseNote.objects.get(amends=s.shared)
    response = client.post(
        f"/workspace/notes/{first.pk}/amend/",
        {"text": "Second fix.", "sensitivity": "standard"},
    )
    assert response["Location"] == f"/workspace/notes/{s.shared.pk}/"
    assert CaseNote.objects.filter(amends=s.shared).count() == 2


def test_amend_errors_keep_what_was_typed_and_change_nothing(client, team):
    s = scene(team)
    sign_in(client, team, "police_lead")
    url = f"/workspace/notes/{s.private.pk}/amend/"
    page = client.get(url)
    assert page.status_code == 200 and b"Police eyes only." in page.content
    response = client.post(url, {"text": "Half a correction", "sensitivity": ""})
    assert response.status_code == 200
    assert b"Half a correction" in response.content
    assert b"This field is required" in response.content
    assert not CaseNote.objects.filter(amends=s.private).exists()


def test_amendments_reach_the_agencies_the_original_was_shared_with(client, team):
    s = scene(team)
    sign_in(client, team, "police_officer")
    client.post(
        f"/workspace/notes/{s.shared.pk}/amend/",
        {"text": "Fix.", "sensitivity": "standard"},
    )
    amendment = CaseNote.objects.get(amends=s.shared)
    assert (
        response_as(
            client, team, "county_member", f"/workspace/notes/{amendment.pk}/"
        ).status_code
        == 200
    )
    assert (
        response_as(
            client, team, "federal_member", f"/workspace/notes/{amendment.pk}/"
        ).status_code
        == 404
    )
