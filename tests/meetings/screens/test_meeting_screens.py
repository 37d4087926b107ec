"""Meeting screens: ready (refusal naming who), door check-in, closing, outcomes.

Also the check-in page's query count, which must not grow with the number
of invitees, and a banked case activated through a follow-up (audited by
the workspace's own case status change).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.choices import CaseStatus
from agencies.models import AuditEntry, Case
from meetings.call_ins import meeting
from meetings.choices import CallInStatus
from meetings.models import ClosingReport, FollowUp, Invitee, Referral
from tests import factories, workspace
from tests.meetings import call_in_builders as build
from tests.meetings.screens import invitees_fixtures as fx

as_role, scene, service, recovery_staff = (
    fx.as_role,
    fx.scene,
    fx.service,
    fx.recovery_staff,
)

pytestmark = pytest.mark.django_db

BASE = "/workspace/call-ins"


def status_of(call_in):
    call_in.refresh_from_db()
    return call_in.status


class TestReady:
    def test_refused_naming_who_has_no_agreed_plan(self, as_role, scene):
        response = as_role("police_lead").post(f"{BASE}/{scene.open_call_in.pk}/ready/")
        html = response.content.decode()
        assert response.status_code == 200
        assert (
            "Agree a follow-up plan for every invitee first. Missing: Ann Seller."
            in html
        )
        assert 'role="alert"' in html
        assert status_of(scene.open_call_in) == CallInStatus.SCHEDULED
        assert not AuditEntry.objects.filter(
            details__event="call_in_ready", object_id=str(scene.open_call_in.pk)
        ).exists()

    def test_marked_ready_once_every_plan_is_agreed(self, as_role, scene, team):
        build.agree_plan(team, scene.ann)
        response = as_role("police_officer").post(
            f"{BASE}/{scene.open_call_in.pk}/ready/"
        )
        assert response.status_code == 302
        assert response["Location"] == f"{BASE}/{scene.open_call_in.pk}/"
        assert status_of(scene.open_call_in) == CallInStatus.READY
        assert AuditEntry.objects.filter(details__event="call_in_ready").exists()


class TestCheckIn:
    def test_an_agency_that_may_not_see_the_person_gets_no_form(self, as_role, scene):
        html = as_role("federal_prosecutor").get(
            f"{BASE}/{scene.held_call_in.pk}/check-in/"
        )
        html = html.content.decode()
        assert "Invitee #1" in html and "Bo Seller" not in html
        assert "check-in/" not in html.split("<h1>")[1].split("Figures")[1]

    def test_recorded_with_who_came_along_audited(self, as_role, scene, team):
        call_in, (invitee,) = build.ready_call_in(
            team,
            scene.market,
            [scene.cy],
            agencies=(),
            starts_at=build.evening(days=40),
        )
        client = as_role("county_member")  # not on Cy's call-in: 404
        assert client.get(f"{BASE}/{call_in.pk}/check-in/").status_code == 404
        client = as_role("police_officer")
        page = client.get(f"{BASE}/{call_in.pk}/check-in/").content.decode()
        assert f'action="{BASE}/invitees/{invitee.pk}/check-in/"' in page
        response = client.post(
            f"{BASE}/invitees/{invitee.pk}/check-in/",
            {"attendance": "attended", "came_with": "mother"},
        )
        assert response.status_code == 302
        assert response["Location"].endswith(f"/check-in/#invitee-{invitee.number}")
        invitee.refresh_from_db()
        assert (invitee.attendance, invitee.came_with) == ("attended", "mother")
        assert status_of(call_in) == CallInStatus.HELD
        entry = AuditEntry.objects.filter(details__event="check_in").latest("pk")
        assert entry.object_id == str(invitee.pk)
        assert "mother" not in str(entry.details)

    @pytest.mark.parametrize(
        "data, message",
        [
            ({}, "Choose attended or did not come."),
            (
                {"attendance": "no_show", "came_with": "mother"},
                "Only someone who attended came with somebody.",
            ),
            ({"attendance": "maybe"}, "Select a valid choice"),
        ],
    )
    def test_bad_input_says_why_and_changes_nothing(
        self, as_role, scene, data, message
    ):
        response = as_role("police_officer").post(
            f"{BASE}/invitees/{scene.bo.pk}/check-in/", data
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        scene.bo.refresh_from_db()
        assert (scene.bo.attendance, scene.bo.came_with) == ("attended", "")

    def test_refused_before_the_call_in_is_ready(self, as_role, scene):
        response = as_role("police_officer").post(
            f"{BASE}/invitees/{scene.ann.pk}/check-in/", {"attendance": "attended"}
        )
        assert "Mark the call-in ready first" in response.content.decode()
        assert not Invitee.objects.get(pk=scene.ann.pk).attendance

    def test_refused_once_closed_says_why_and_changes_nothing(
        self, as_role, scene, team
    ):
        meeting.closing_report_save(
            call_in=scene.held_call_in, by=team.police_lead, what_was_said="Done."
        )
        meeting.call_in_close(call_in=scene.held_call_in, by=team.police_lead)
        response = as_role("police_officer").post(
            f"{BASE}/invitees/{scene.bo.pk}/check-in/", {"attendance": "no_show"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "Check-in is open only while the call-in is held." in html
        assert 'role="alert"' in html
        assert Invitee.objects.get(pk=scene.bo.pk).attendance == "attended"

    @pytest.mark.parametrize("viewer", ["police_officer", "federal_prosecutor"])
    def test_the_page_costs_the_same_queries_for_two_or_six_invitees(
        self, as_role, team, viewer
    ):
        market = workspace.market(team, partners=("county",))
        sellers = [
            build.seller(team, market, full_name=f"Seller {n}") for n in range(8)
        ]
        small, _ = build.ready_call_in(
            team, market, sellers[:2], agencies=("federal",), starts_at=build.evening(3)
        )
        large, _ = build.ready_call_in(
            team, market, sellers[2:], agencies=("federal",), starts_at=build.evening(5)
        )
        client = as_role(viewer)
        client.get(f"{BASE}/{small.pk}/check-in/")  # session and membership warm

        def cost(call_in):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(f"{BASE}/{call_in.pk}/check-in/")
            assert response.status_code == 200
            return len(queries)

        assert cost(small) == cost(large)


class TestClosing:
    @pytest.fixture
    def half_checked(self, team, scene):
        """Held: Cy attended, Dee not recorded yet."""
        dee = build.seller(team, scene.market, full_name="Dee Seller")
        call_in, (cy, _dee) = build.ready_call_in(
            team, scene.market, [scene.cy, dee], starts_at=build.evening(days=40)
        )
        meeting.call_in_check_in(
            invitee=cy, by=team.police_officer, attendance="attended"
        )
        return call_in

    def test_close_is_refused_naming_who_has_no_attendance(
        self, as_role, half_checked, team
    ):
        client = as_role("police_lead")
        response = client.post(
            f"{BASE}/{half_checked.pk}/closing-report/",
            {
                "what_was_said": "The offer was made.",
                "agencies_present": [team.agencies["police"].pk],
            },
        )
        assert response.status_code == 302
        response = client.post(f"{BASE}/{half_checked.pk}/close/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Record attendance for every invitee first. Missing: Dee Seller." in html
        assert status_of(half_checked) == CallInStatus.HELD

    def test_close_is_refused_without_the_report(self, as_role, scene):
        response = as_role("police_lead").post(f"{BASE}/{scene.held_call_in.pk}/close/")
        assert "Write the closing report first." in response.content.decode()
        assert status_of(scene.held_call_in) == CallInStatus.HELD

    def test_an_agencies_error_is_tied_to_its_checkbox_group(self, as_role, scene):
        html = (
            as_role("police_lead")
            .post(
                f"{BASE}/{scene.held_call_in.pk}/closing-report/",
                {"what_was_said": "Said.", "agencies_present": ["987654"]},
            )
            .content.decode()
        )
        group = html.split('<fieldset class="usa-fieldset')[1].split("</fieldset>")[0]
        assert 'aria-describedby="id_agencies_present-error"' in group.split(">")[0]
        assert 'id="id_agencies_present-error"' in group

    @pytest.mark.parametrize(
        "data, message",
        [
            ({"what_was_said": " "}, "Write what was said at the call-in."),
            (
                {"what_was_said": "Said.", "agencies_present": ["987654"]},
                "Choose agencies taking part in the call-in.",
            ),
            (
                {"what_was_said": "Said.", "agencies_present": ["x"]},
                "Choose agencies taking part in the call-in.",
            ),
        ],
    )
    def test_report_bad_input_says_why_and_saves_nothing(
        self, as_role, scene, data, message
    ):
        response = as_role("police_lead").post(
            f"{BASE}/{scene.held_call_in.pk}/closing-report/", data
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not ClosingReport.objects.exists()

    def test_closed_with_the_report_and_the_figures(self, as_role, scene, team):
        client = as_role("police_lead")
        agencies = [team.agencies["police"].pk, team.agencies["county"].pk]
        client.post(
            f"{BASE}/{scene.held_call_in.pk}/closing-report/",
            {"what_was_said": "The offer was made.", "agencies_present": agencies},
        )
        report = ClosingReport.objects.get()
        assert set(report.agencies_present.values_list("pk", flat=True)) == set(
            agencies
        )
        response = client.post(f"{BASE}/{scene.held_call_in.pk}/close/")
        assert response.status_code == 302
        assert status_of(scene.held_call_in) == CallInStatus.CLOSED
        html = client.get(f"{BASE}/{scene.held_call_in.pk}/close/").content.decode()
        assert "Figures counted when the call-in closed" in html
        report.refresh_from_db()
        assert (report.invited_count, report.attended_count) == (1, 1)
        assert AuditEntry.objects.filter(details__event="call_in_closed").exists()


class TestAfterTheMeeting:
    def test_a_no_show_case_activated_through_a_follow_up_audited(self, as_role, scene):
        bo = scene.bo
        Invitee.objects.filter(pk=bo.pk).update(attendance="no_show")
        case = Case.objects.get(subject=bo.subject)
        assert case.status == CaseStatus.BANKED
        client = as_role("police_officer")
        page = client.get(f"{BASE}/invitees/{bo.pk}/").content.decode()
        assert f'<option value="{case.pk}">' in page
        response = client.post(
            f"{BASE}/invitees/{bo.pk}/follow-ups/add/",
            {
                "kind": "other",
                "at": fx.yesterday_field(),
                "activate_case": case.pk,
                "activation_reason": "no_show",
            },
        )
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.status == CaseStatus.ACTIVATED
        follow_up = FollowUp.objects.get()
        assert follow_up.activated_case == case
        entry = AuditEntry.objects.filter(action="case_status_changed").latest("pk")
        assert (entry.object_type, entry.object_id) == ("agencies.case", str(case.pk))
        assert entry.reason == "no_show"
        assert AuditEntry.objects.filter(
            details__event="follow_up_recorded", object_id=str(follow_up.pk)
        ).exists()

    @pytest.mark.parametrize(
        "extra, message",
        [
            ({"activation_reason": "no_show"}, "Choose the case to activate"),
            ({"activate_case": "CASE"}, "Say why the case is activated"),
            (
                {"activate_case": "CASE", "activation_reason": "no_show"},
                "Only a person recorded as not attending is a no-show.",
            ),
            ({"activate_case": "987654", "activation_reason": "no_show"}, "banked"),
        ],
    )
    def test_activation_bad_input_says_why_and_changes_nothing(
        self, as_role, scene, extra, message
    ):
        case = Case.objects.get(subject=scene.bo.subject)
        data = {"kind": "other", "at": fx.yesterday_field()}
        data.update({k: case.pk if v == "CASE" else v for k, v in extra.items()})
        response = as_role("police_officer").post(
            f"{BASE}/invitees/{scene.bo.pk}/follow-ups/add/", data
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        case.refresh_from_db()
        assert case.status == CaseStatus.BANKED
        assert not FollowUp.objects.exists()

    def test_a_referral_with_consent_and_its_status_moved_on(self, as_role, scene):
        client = as_role("county_member")
        response = client.post(
            f"{BASE}/invitees/{scene.bo.pk}/referrals/add/",
            {
                "service": scene.service.pk,
                "share_name": "on",
                "share_contact": "on",
                "contact": "555-0199",
            },
        )
        assert response.status_code == 302
        referral = Referral.objects.latest("pk")
        assert (referral.share_name, referral.contact) == (True, "555-0199")
        response = client.post(
            f"{BASE}/invitees/{scene.bo.pk}/referrals/{referral.pk}/status/",
            {"to_status": "first_contact"},
        )
        assert response.status_code == 302
        referral.refresh_from_db()
        assert referral.status == "first_contact"
        assert AuditEntry.objects.filter(
            details__event="referral_status_changed", object_id=str(referral.pk)
        ).exists()

    @pytest.mark.parametrize(
        "data, message",
        [
            (
                {"service": "SERVICE", "contact": "555-0199"},
                "Leave the contact empty unless the person agreed",
            ),
            ({"service": "SERVICE", "share_contact": "on"}, "Say how the provider"),
            ({"service": "987654"}, "Choose a service from the list."),
            ({"service": "DEFUNCT"}, "Choose a service from the list."),
        ],
    )
    def test_referral_bad_input_says_why_and_refers_nobody(
        self, as_role, scene, data, message
    ):
        from resources.models import OrganizationPage

        organization = OrganizationPage.objects.get()
        defunct = factories.service(organization, title="Closed", status="defunct")
        swap = {"SERVICE": scene.service.pk, "DEFUNCT": defunct.pk}
        data = {k: swap.get(v, v) for k, v in data.items()}
        response = as_role("police_officer").post(
            f"{BASE}/invitees/{scene.bo.pk}/referrals/add/", data
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        assert Referral.objects.count() == 1

    def test_a_referral_cannot_move_backwards(self, as_role, scene):
        response = as_role("police_officer").post(
            f"{BASE}/invitees/{scene.bo.pk}/referrals/{scene.referral.pk}/status/",
            {"to_status": "referred"},
        )
        assert response.status_code == 200
        assert "Choose a status from the list." in response.content.decode()
        scene.referral.refresh_from_db()
        assert scene.referral.status == "referred"

    def test_an_outcome_is_recorded_and_an_empty_one_refused(self, as_role, scene):
        client = as_role("county_prosecutor")
        response = client.post(f"{BASE}/invitees/{scene.bo.pk}/outcome/", {})
        assert "Write the outcome." in response.content.decode()
        client.post(
            f"{BASE}/invitees/{scene.bo.pk}/outcome/", {"outcome": "Took the offer."}
        )
        scene.bo.refresh_from_db()
        assert scene.bo.outcome == "Took the offer."
