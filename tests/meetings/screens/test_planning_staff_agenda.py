"""Call-in page writes: participating agencies, staff attendees, replies, agenda.

Each write is audited by its service; bad input is shown on the call-in's
page and changes nothing.
"""

import pytest
from django.utils import timezone

from agencies.models import AuditAction, AuditEntry
from meetings.call_ins import scheduling
from meetings.choices import Reply
from meetings.models import AgendaItem, CallInAgency, StaffAttendee
from tests.meetings import call_in_builders as build

pytestmark = pytest.mark.django_db

BASE = "/workspace/call-ins/"


def events(name):
    return AuditEntry.objects.filter(details__event=name)


# --- agencies -----------------------------------------------------------------


def test_host_adds_and_removes_an_agency(call_in_scene, signed_in, team):
    s = call_in_scene
    client = signed_in("police_lead")
    federal = team.agencies["federal"]
    added_before = events("call_in_agency_added").count()
    response = client.post(
        f"{BASE}{s.call_in.pk}/agencies/add/", {"agency": federal.pk}
    )
    assert response.status_code == 302
    assert CallInAgency.objects.filter(call_in=s.call_in, agency=federal).exists()
    assert events("call_in_agency_added").count() == added_before + 1
    added = events("call_in_agency_added").latest("pk")
    assert added.action == AuditAction.SHARED
    assert added.details["agency_id"] == federal.pk
    assert (
        signed_in("federal_prosecutor").get(f"{BASE}{s.call_in.pk}/").status_code == 200
    )
    client = signed_in("police_lead")
    county = team.agencies["county"]
    client.post(f"{BASE}{s.call_in.pk}/agencies/remove/", {"agency": county.pk})
    assert not CallInAgency.objects.filter(call_in=s.call_in, agency=county).exists()
    # Its staff leave the staff list with it.
    assert not StaffAttendee.objects.filter(
        call_in=s.call_in, user=team.county_member
    ).exists()
    assert events("call_in_agency_removed").get().action == AuditAction.SHARE_REVOKED
    assert signed_in("county_member").get(f"{BASE}{s.call_in.pk}/").status_code == 404


def test_the_host_agency_cannot_be_removed(call_in_scene, signed_in, team):
    s = call_in_scene
    police = team.agencies["police"]
    response = signed_in("police_lead").post(
        f"{BASE}{s.call_in.pk}/agencies/remove/", {"agency": police.pk}
    )
    assert response.status_code == 200
    assert "Choose one of the participating agencies." in response.content.decode()
    assert CallInAgency.objects.filter(call_in=s.call_in, agency=police).exists()
    assert not events("call_in_agency_removed").exists()


def test_adding_an_agency_twice_is_refused_on_the_form(call_in_scene, signed_in, team):
    s = call_in_scene
    before = events("call_in_agency_added").count()
    response = signed_in("police_lead").post(
        f"{BASE}{s.call_in.pk}/agencies/add/", {"agency": team.agencies["county"].pk}
    )
    assert response.status_code == 200
    assert "Choose an agency from the list." in response.content.decode()
    assert events("call_in_agency_added").count() == before


# --- staff ----------------------------------------------------------------------


def test_host_adds_staff_of_a_participating_agency(call_in_scene, signed_in, team):
    s = call_in_scene
    response = signed_in("police_officer").post(
        f"{BASE}{s.call_in.pk}/staff/add/", {"user": team.county_prosecutor.pk}
    )
    assert response.status_code == 302
    attendee = StaffAttendee.objects.get(call_in=s.call_in, user=team.county_prosecutor)
    assert attendee.reply == Reply.AWAITING
    entry = events("staff_attendee_added").latest("pk")
    assert entry.details["user_id"] == team.county_prosecutor.pk
    assert entry.user == team.police_officer


def test_staff_of_an_agency_not_taking_part_cannot_be_added(
    call_in_scene, signed_in, team
):
    s = call_in_scene
    before = StaffAttendee.objects.count()
    response = signed_in("police_lead").post(
        f"{BASE}{s.call_in.pk}/staff/add/", {"user": team.federal_prosecutor.pk}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a staff member from the list." in html
    assert StaffAttendee.objects.count() == before


def test_adding_staff_booked_elsewhere_warns_naming_the_clash(
    call_in_scene, signed_in, team
):
    s = call_in_scene
    overlapping = build.call_in(
        team,
        s.market,
        title="Overlapping call-in",
        location="Another hall",
        starts_at=s.call_in.starts_at,
    )
    response = signed_in("police_lead").post(
        f"{BASE}{overlapping.pk}/staff/add/",
        {"user": team.police_officer.pk},
        follow=True,
    )
    html = response.content.decode()
    assert "Possible clashes" in html
    assert "police_officer is already expected at “Eastgate call-in” on" in html
    assert StaffAttendee.objects.filter(
        call_in=overlapping, user=team.police_officer
    ).exists()


def test_host_removes_a_staff_member(call_in_scene, signed_in, team):
    s = call_in_scene
    attendee = StaffAttendee.objects.get(call_in=s.call_in, user=team.county_member)
    response = signed_in("police_lead").post(
        f"{BASE}{s.call_in.pk}/staff/{attendee.pk}/remove/"
    )
    assert response.status_code == 302
    assert not StaffAttendee.objects.filter(pk=attendee.pk).exists()
    assert events("staff_attendee_removed").get().details["user_id"] == (
        team.county_member.pk
    )


def test_staff_of_another_call_in_is_not_found_here(call_in_scene, signed_in, team):
    s = call_in_scene
    build_attendee = StaffAttendee.objects.get(
        call_in=s.call_in, user=team.police_officer
    )
    response = signed_in("police_lead").post(
        f"{BASE}{s.draft.pk}/staff/{build_attendee.pk}/remove/"
    )
    assert response.status_code == 404
    assert StaffAttendee.objects.filter(pk=build_attendee.pk).exists()


# --- replies ----------------------------------------------------------------------


@pytest.mark.parametrize("answer", [Reply.ACCEPTED, Reply.TENTATIVE, Reply.DECLINED])
def test_each_staff_member_replies_for_themselves(
    call_in_scene, signed_in, team, answer
):
    s = call_in_scene
    response = signed_in("police_officer").post(
        f"{BASE}{s.call_in.pk}/reply/", {"reply": answer}
    )
    assert response.status_code == 302
    attendee = StaffAttendee.objects.get(call_in=s.call_in, user=team.police_officer)
    assert attendee.reply == answer and attendee.replied_at is not None
    entry = events("staff_reply").latest("pk")
    assert entry.user == team.police_officer and entry.details["reply"] == answer
    html = signed_in("county_member").get(f"{BASE}{s.call_in.pk}/").content.decode()
    assert str(answer.label) in html


@pytest.mark.parametrize("answer", ["", "maybe", "awaiting"])
def test_a_bad_reply_keeps_the_form_and_changes_nothing(
    call_in_scene, signed_in, team, answer
):
    s = call_in_scene
    response = signed_in("county_member").post(
        f"{BASE}{s.call_in.pk}/reply/", {"reply": answer}
    )
    assert response.status_code == 200
    assert "Choose accepted, tentative or declined." in response.content.decode()
    attendee = StaffAttendee.objects.get(call_in=s.call_in, user=team.county_member)
    assert attendee.reply == Reply.ACCEPTED
    assert not events("staff_reply").filter(user=team.county_member).count() > 1


def test_a_reply_error_is_tied_to_its_radio_group(call_in_scene, signed_in):
    """Screen readers hear the error when they reach the group (WCAG 3.3.1)."""
    s = call_in_scene
    html = (
        signed_in("county_member")
        .post(f"{BASE}{s.call_in.pk}/reply/", {"reply": "maybe"})
        .content.decode()
    )
    group = html.split('<fieldset class="usa-fieldset usa-form-group')[1]
    group = group.split("</fieldset>")[0]
    assert 'aria-describedby="id_reply_reply-error"' in group.split(">")[0]
    assert 'id="id_reply_reply-error"' in group


def test_replies_close_once_the_call_in_is_cancelled(call_in_scene, signed_in, team):
    s = call_in_scene
    scheduling.call_in_cancel(call_in=s.call_in, by=team.police_lead, reason="Storm")
    html = signed_in("police_officer").get(f"{BASE}{s.call_in.pk}/").content.decode()
    assert "Your reply" not in html
    response = signed_in("police_officer").post(
        f"{BASE}{s.call_in.pk}/reply/", {"reply": "accepted"}
    )
    assert response.status_code == 200
    assert "Replies close when the call-in is held or cancelled." in (
        response.content.decode()
    )
    attendee = StaffAttendee.objects.get(call_in=s.call_in, user=team.police_officer)
    assert attendee.reply == Reply.AWAITING


# --- agenda ------------------------------------------------------------------------


def test_host_adds_changes_and_removes_agenda_items(call_in_scene, signed_in):
    s = call_in_scene
    client = signed_in("police_lead")
    data = {"speaker": "Pastor Green", "topic": "The community's voice", "minutes": 8}
    assert client.post(f"{BASE}{s.call_in.pk}/agenda/add/", data).status_code == 302
    item = AgendaItem.objects.get(call_in=s.call_in, speaker="Pastor Green")
    assert (item.order, item.minutes) == (2, 8)
    assert events("agenda_item_added").count() == 2  # the scene's and this one
    edit = f"{BASE}{s.call_in.pk}/agenda/{item.pk}/edit/"
    assert b"Pastor Green" in client.get(edit).content
    changed = {**data, "order": 1, "minutes": 12}
    assert client.post(edit, changed).status_code == 302
    item.refresh_from_db()
    assert (item.order, item.minutes) == (1, 12)
    assert events("agenda_item_changed").exists()
    remove = f"{BASE}{s.call_in.pk}/agenda/{item.pk}/remove/"
    assert client.post(remove).status_code == 302
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    assert events("agenda_item_removed").exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"speaker": "", "topic": "T", "minutes": 5}, "Give the speaker."),
        ({"speaker": "S", "topic": "", "minutes": 5}, "Give the topic."),
        ({"speaker": "S", "topic": "T", "minutes": 0}, "from 1 to 240"),
        ({"speaker": "S", "topic": "T", "minutes": 600}, "from 1 to 240"),
        ({"speaker": "S", "topic": "T", "minutes": "ten"}, "from 1 to 240"),
    ],
)
def test_bad_agenda_input_keeps_the_form_and_adds_nothing(
    call_in_scene, signed_in, data, message
):
    s = call_in_scene
    before = AgendaItem.objects.count()
    response = signed_in("police_lead").post(f"{BASE}{s.call_in.pk}/agenda/add/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert AgendaItem.objects.count() == before


def test_bad_agenda_change_keeps_the_item(call_in_scene, signed_in):
    s = call_in_scene
    item = s.agenda_item
    response = signed_in("police_lead").post(
        f"{BASE}{s.call_in.pk}/agenda/{item.pk}/edit/",
        {"speaker": "S", "topic": "T", "minutes": 5, "order": ""},
    )
    assert response.status_code == 200
    assert "Give the order." in response.content.decode()
    item.refresh_from_db()
    assert (item.speaker, item.minutes) == ("Police chief", 10)
    assert not events("agenda_item_changed").exists()


def test_the_page_lists_the_agenda_in_order(call_in_scene, signed_in, team):
    s = call_in_scene
    client = signed_in("police_lead")
    client.post(
        f"{BASE}{s.call_in.pk}/agenda/add/",
        {"speaker": "Judge", "topic": "First of all", "minutes": 3, "order": 0},
    )
    client.post(
        f"{BASE}{s.call_in.pk}/agenda/add/",
        {"speaker": "Mother", "topic": "Last word", "minutes": 3, "order": 9},
    )
    html = signed_in("county_member").get(f"{BASE}{s.call_in.pk}/").content.decode()
    assert html.index("Welcome and the deal on offer") < html.index("Last word")
    assert timezone.now()  # the page renders for a participant too
