"""Invitee screens: the panel, inviting (with clash warnings), the invitee's page.

Audit entries (ids only), bad input (a clear message, nothing changed) and
the panel's query count, which must not grow with the number of invitees.
"""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agencies.models import AuditEntry
from meetings.call_ins.selectors import invitees_for_call_in
from meetings.models import Influential, InvitationAttempt, Invitee
from tests import workspace
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


def invitee_url(invitee, rest=""):
    return f"{BASE}/invitees/{invitee.pk}/{rest}"


class TestPanel:
    def test_the_host_sees_names_links_and_invite(self, as_role, scene):
        page = as_role("police_lead").get(f"{BASE}/{scene.open_call_in.pk}/")
        html = page.content.decode()
        assert page.status_code == 200
        assert "Ann Seller" in html
        assert invitee_url(scene.ann) in html
        assert f"{BASE}/{scene.open_call_in.pk}/invitees/add/" in html
        assert invitee_url(scene.ann, "remove/") in html
        assert "Mark ready" in html

    def test_an_agency_that_may_not_see_the_person_reads_a_number(self, as_role, scene):
        html = as_role("federal_prosecutor").get(f"{BASE}/{scene.open_call_in.pk}/")
        html = html.content.decode()
        assert "Invitee #1" in html
        assert "Ann Seller" not in html
        assert invitee_url(scene.ann) not in html
        assert "invitees/add/" not in html
        assert "Mark ready" not in html

    def test_a_participant_who_sees_the_person_reads_the_name_but_does_not_manage(
        self, as_role, scene
    ):
        html = as_role("county_member").get(f"{BASE}/{scene.open_call_in.pk}/")
        html = html.content.decode()
        assert invitee_url(scene.ann) in html
        assert "invitees/add/" not in html
        assert "remove/" not in html

    @pytest.mark.parametrize("viewer", ["police_lead", "federal_prosecutor"])
    def test_panels_cost_the_same_queries_for_two_or_seven_invitees(self, team, viewer):
        market = workspace.market(team, partners=("county",))
        sellers = [
            build.seller(team, market, full_name=f"Seller {n}") for n in range(7)
        ]
        small, _ = build.held_call_in(
            team, market, sellers[:2], agencies=("federal",), starts_at=build.evening(3)
        )
        large, _ = build.held_call_in(
            team, market, sellers[2:], agencies=("federal",), starts_at=build.evening(5)
        )
        user = team.people[viewer]

        def cost(call_in):
            with CaptureQueriesContext(connection) as queries:
                rows = invitees_for_call_in(user=user, call_in=call_in)
                context = {
                    "call_in": call_in,
                    "invitee_rows": rows,
                    "can_manage": viewer == "police_lead",
                    "call_in_status": call_in.status,
                }
                html = render_to_string(
                    "meetings/call_ins/invitees/_panel.html", context
                ) + render_to_string("meetings/call_ins/meeting/_panel.html", context)
            return len(queries), html

        cost(small)  # the viewer's membership is read once, then cached
        small_cost, _ = cost(small)
        large_cost, html = cost(large)
        assert small_cost == large_cost == 1
        assert html.count("<tr>") == 6  # header + five invitees


class TestInvite:
    def test_the_host_invites_a_low_risk_person_audited(self, as_role, scene):
        client = as_role("police_officer")
        page = client.get(f"{BASE}/{scene.open_call_in.pk}/invitees/add/")
        assert "Cy Seller" in page.content.decode()
        assert "Bo Seller" in page.content.decode()  # not on this call-in
        response = client.post(
            f"{BASE}/{scene.open_call_in.pk}/invitees/add/", {"subject": scene.cy.pk}
        )
        assert response.status_code == 302
        assert response["Location"] == f"{BASE}/{scene.open_call_in.pk}/"
        invitee = Invitee.objects.get(call_in=scene.open_call_in, subject=scene.cy)
        entry = AuditEntry.objects.filter(details__event="invitee_added").latest("pk")
        assert entry.object_id == str(invitee.pk)
        assert "Cy Seller" not in str(entry.details)

    def test_a_clash_is_shown_after_inviting(self, as_role, scene, team):
        clashing = build.call_in(
            team,
            scene.market,
            title="Overlapping call-in",
            location="Elsewhere",
            starts_at=scene.open_call_in.starts_at,
        )
        build.invite(team, clashing, scene.cy)
        response = as_role("police_lead").post(
            f"{BASE}/{scene.open_call_in.pk}/invitees/add/", {"subject": scene.cy.pk}
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "Booked elsewhere at the same time" in html
        assert "Overlapping call-in" in html
        assert "Invitation recorded: Invitee #2" in html
        assert Invitee.objects.filter(call_in=scene.open_call_in).count() == 2

    def test_once_invitations_close_the_page_offers_no_form_and_no_names(
        self, as_role, scene
    ):
        response = as_role("police_lead").get(
            f"{BASE}/{scene.held_call_in.pk}/invitees/add/"
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "Invitations close once the call-in is held or cancelled." in html
        assert 'name="subject"' not in html
        assert "Cy Seller" not in html  # eligible, but nobody can be invited now
        response = as_role("police_lead").post(
            f"{BASE}/{scene.held_call_in.pk}/invitees/add/", {"subject": scene.cy.pk}
        )
        html = response.content.decode()
        assert "Invitations close once the call-in is held or cancelled." in html
        assert "Cy Seller" not in html
        assert not Invitee.objects.filter(subject=scene.cy).exists()

    @pytest.mark.parametrize(
        "data, message",
        [
            ({}, "Choose the person to invite."),
            ({"subject": "987654"}, "Choose a person from the list."),
        ],
    )
    def test_bad_input_says_why_and_invites_nobody(self, as_role, scene, data, message):
        response = as_role("police_lead").post(
            f"{BASE}/{scene.open_call_in.pk}/invitees/add/", data
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        assert Invitee.objects.filter(call_in=scene.open_call_in).count() == 1

    def test_someone_already_invited_or_not_low_risk_is_not_offered(
        self, as_role, scene, team
    ):
        high = build.seller(team, scene.market, full_name="Hy Risk", tier="high")
        response = as_role("police_lead").post(
            f"{BASE}/{scene.open_call_in.pk}/invitees/add/", {"subject": high.pk}
        )
        assert "Choose a person from the list." in response.content.decode()
        response = as_role("police_lead").post(
            f"{BASE}/{scene.open_call_in.pk}/invitees/add/",
            {"subject": scene.ann.subject_id},
        )
        assert "Choose a person from the list." in response.content.decode()

    def test_the_host_removes_an_invitation_audited(self, as_role, scene):
        response = as_role("police_lead").post(invitee_url(scene.ann, "remove/"))
        assert response.status_code == 302
        assert not Invitee.objects.filter(pk=scene.ann.pk).exists()
        assert AuditEntry.objects.filter(details__event="invitee_removed").exists()


class TestInviteePage:
    def test_the_page_is_audited_by_ids_and_never_cached(self, as_role, scene):
        response = as_role("county_member").get(invitee_url(scene.ann))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Ann Seller" in html and "Mae Seller" in html
        assert "no-store" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]
        entry = AuditEntry.objects.latest("pk")
        assert (entry.action, entry.object_type, entry.object_id) == (
            "record_viewed",
            "meetings.invitee",
            str(scene.ann.pk),
        )
        assert entry.details == {"call_in_id": scene.open_call_in.pk}

    def test_a_refusal_is_audited_as_denied(self, as_role, scene):
        response = as_role("federal_prosecutor").get(invitee_url(scene.ann))
        assert response.status_code == 404
        entry = AuditEntry.objects.latest("pk")
        assert entry.outcome == "denied"
        assert entry.details["status"] == 404

    def test_a_member_is_told_who_agrees_the_plan(self, as_role, scene):
        html = as_role("police_officer").get(invitee_url(scene.ann)).content.decode()
        assert "A police or prosecutor lead who sees the person agrees" in html
        assert "id_plan_if_absent" not in html
        html = as_role("county_prosecutor").get(invitee_url(scene.ann)).content
        assert b"id_plan_if_absent" in html

    def test_reply_influential_attempt_and_plan_are_recorded(self, as_role, scene):
        client = as_role("county_prosecutor")
        assert client.post(invitee_url(scene.ann, "reply/"), {"reply": "tentative"})
        client.post(
            invitee_url(scene.ann, "influentials/add/"),
            {"name": "Lee Seller", "relation": "brother"},
        )
        client.post(
            invitee_url(scene.ann, "attempts/add/"),
            {"method": "home_visit", "at": fx.yesterday_field(), "delivered": "no"},
        )
        response = client.post(
            invitee_url(scene.ann, "plan/"),
            {"if_absent": "Activate the case.", "if_dealing": "File it."},
        )
        assert response.status_code == 302
        invitee = Invitee.objects.get(pk=scene.ann.pk)
        assert invitee.reply == "tentative"
        assert invitee.plan_agreed_by == fx.people_of(client)
        attempt = invitee.attempts.get()
        assert (attempt.method, attempt.delivered) == ("home_visit", False)
        assert invitee.influentials.filter(name="Lee Seller").exists()
        events = set(
            AuditEntry.objects.filter(details__has_key="event").values_list(
                "details__event", flat=True
            )
        )
        assert {
            "invitee_reply",
            "influential_added",
            "invitation_attempt",
            "follow_up_plan_agreed",
        } <= events

    @pytest.mark.parametrize(
        "rest, data, message",
        [
            ("influentials/add/", {"relation": "aunt"}, "Give their name."),
            ("influentials/add/", {"name": "A" * 201, "relation": "aunt"}, "at most"),
            (
                "attempts/add/",
                {"method": "phone", "at": "2999-01-01T10:00", "delivered": "yes"},
                "cannot be in the future",
            ),
            (
                "attempts/add/",
                {"method": "pigeon", "at": "2026-01-01T10:00", "delivered": "yes"},
                "Select a valid choice",
            ),
            ("attempts/add/", {"method": "phone", "at": "yesterday"}, "Enter a date"),
            ("reply/", {"reply": "maybe"}, "Choose a reply from the list."),
            ("plan/", {"if_absent": "Activate."}, "Say what happens if they keep"),
        ],
    )
    def test_bad_input_says_why_and_changes_nothing(
        self, as_role, scene, rest, data, message
    ):
        before = (
            Influential.objects.count(),
            InvitationAttempt.objects.count(),
            AuditEntry.objects.filter(details__has_key="event").count(),
        )
        response = as_role("police_lead").post(invitee_url(scene.ann, rest), data)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert "usa-alert--error" in response.content.decode()
        invitee = Invitee.objects.get(pk=scene.ann.pk)
        assert invitee.reply == "awaiting" and not invitee.plan_agreed
        assert before == (
            Influential.objects.count(),
            InvitationAttempt.objects.count(),
            AuditEntry.objects.filter(details__has_key="event").count(),
        )

    def test_writes_before_the_meeting_close_once_it_is_held(self, as_role, scene):
        response = as_role("police_lead").post(
            invitee_url(scene.bo, "influentials/add/"),
            {"name": "Lee Seller", "relation": "brother"},
        )
        assert response.status_code == 200
        assert "Invitations close once the call-in is held" in response.content.decode()
        assert not scene.bo.influentials.exists()

    def test_removing_an_influential_of_another_invitee_is_404(self, as_role, scene):
        response = as_role("police_lead").post(
            invitee_url(scene.bo, f"influentials/{scene.influential.pk}/remove/")
        )
        assert response.status_code == 404
        assert Influential.objects.filter(pk=scene.influential.pk).exists()


def test_time_fields_take_local_time(as_role, scene):
    local = timezone.localtime(timezone.now()).replace(second=0, microsecond=0)
    as_role("police_lead").post(
        invitee_url(scene.ann, "attempts/add/"),
        {"method": "phone", "at": local.strftime("%Y-%m-%dT%H:%M"), "delivered": "yes"},
    )
    assert InvitationAttempt.objects.get().at == local
