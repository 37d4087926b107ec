"""Letters: the agency's template (placeholders checked) and the printable letter."""

import pytest

from agencies.models import AuditEntry
from meetings.call_ins import letters
from meetings.models import InvitationLetterTemplate
from tests.meetings.screens import invitees_fixtures as fx

as_role, scene, service, recovery_staff = (
    fx.as_role,
    fx.scene,
    fx.service,
    fx.recovery_staff,
)

pytestmark = pytest.mark.django_db

BASE = "/workspace/call-ins"


class TestTemplate:
    def test_shows_the_standard_letter_and_every_placeholder(self, as_role, scene):
        html = as_role("police_lead").get(f"{BASE}/letter-template/").content.decode()
        for name in letters.PLACEHOLDERS:
            assert f"{{{{ {name} }}}}" in html
        assert "You are invited to a meeting on" in html
        assert "has not written its own letter yet" in html

    def test_saved_for_the_agency_audited(self, as_role, scene, team):
        response = as_role("police_officer").post(
            f"{BASE}/letter-template/",
            {"text": "Dear {{ name }},\nCome on {{ date }}.\n{{ host }}"},
        )
        assert response.status_code == 302
        template = InvitationLetterTemplate.objects.get()
        assert template.agency == team.agencies["police"]
        entry = AuditEntry.objects.filter(details__event="letter_template_saved").get()
        assert entry.object_id == str(template.pk)

    @pytest.mark.parametrize(
        "text, message",
        [
            (
                "Dear {{ nickname }}, see you {{date}} {{ where }}",
                "Unknown placeholders: {{ nickname }}, {{ where }}. Use only:",
            ),
            ("", "Write the letter."),
            ("x" * 10001, "at most 10000 characters"),
        ],
    )
    def test_bad_input_says_why_and_saves_nothing(self, as_role, scene, text, message):
        response = as_role("police_lead").post(
            f"{BASE}/letter-template/", {"text": text}
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert message in html
        assert "usa-error-message" in html
        assert not InvitationLetterTemplate.objects.exists()
        assert not AuditEntry.objects.filter(
            details__event="letter_template_saved"
        ).exists()


class TestLetter:
    def test_filled_from_the_hosts_template_for_whoever_may_see_the_person(
        self, as_role, scene, team
    ):
        letters.invitation_letter_template_save(
            by=team.police_lead, text="Dear {{ name }}, {{ host }} asks: {{ place }}."
        )
        letters.invitation_letter_template_save(
            by=team.county_prosecutor, text="County letter for {{ name }}."
        )
        response = as_role("county_member").get(
            f"{BASE}/invitees/{scene.ann.pk}/letter/"
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "Dear Ann Seller, Riverton Police, 3rd Precinct asks:" in html
        assert scene.open_call_in.location in html
        assert "County letter" not in html

    def test_printable_audited_as_a_read_and_never_cached(self, as_role, scene):
        response = as_role("police_officer").get(
            f"{BASE}/invitees/{scene.ann.pk}/letter/"
        )
        html = response.content.decode()
        assert "css/workspace-print.css" in html
        assert 'class="no-print"' in html
        assert "Mae Seller" in html  # the influential, through {{ influentials }}
        assert "no-store" in response["Cache-Control"]
        entry = AuditEntry.objects.filter(details__event="invitation_letter").get()
        assert (entry.action, entry.object_type, entry.object_id) == (
            "record_viewed",
            "meetings.invitee",
            str(scene.ann.pk),
        )
        assert "Ann" not in str(entry.details)

    def test_an_agency_that_may_not_see_the_person_gets_404_audited(
        self, as_role, scene
    ):
        response = as_role("federal_prosecutor").get(
            f"{BASE}/invitees/{scene.ann.pk}/letter/"
        )
        assert response.status_code == 404
        assert b"Ann Seller" not in response.content
        assert not AuditEntry.objects.filter(
            details__event="invitation_letter"
        ).exists()
        assert AuditEntry.objects.latest("pk").outcome == "denied"
