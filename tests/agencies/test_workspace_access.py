"""The workspace door: members in, everyone else out (404 or sign-in)."""

import pytest

from tests import workspace

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/workspace/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("person", ["auditor", "administrator", "public_editor"])
def test_people_without_an_agency_get_404(client, team, person):
    workspace.mfa_client(client, team.people[person])
    assert client.get("/workspace/").status_code == 404


def test_agency_staff_must_have_a_second_factor(client, team):
    client.force_login(team.police_officer)
    response = client.get("/workspace/")
    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]


def test_agency_staff_see_the_dashboard_never_cached(client, team):
    workspace.mfa_client(client, team.police_officer)
    response = client.get("/workspace/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_refusals_are_audited_and_never_cached(client, team):
    from agencies.models import AuditEntry

    note = workspace.note(team, workspace.market(team))
    workspace.mfa_client(client, team.federal_prosecutor)
    response = client.get(f"/workspace/notes/{note.pk}/")
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.filter(outcome="denied").get()
    assert entry.user == team.federal_prosecutor
    assert entry.agency_id == team.agencies["federal"].pk
    assert entry.details == {
        "method": "GET",
        "path": f"/workspace/notes/{note.pk}/",
        "status": 404,
    }
