"""Call-in planning screens: list, new draft, change, schedule, cancel, the page.

Who may open what is in ``test_planning_matrix``; here, what each screen
shows and does: filters, the site's time zone, clash warnings naming the
clash, bad input kept on the form with nothing changed, the audit entries,
and query counts that do not grow with the rows.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agencies.models import AuditAction, AuditEntry, AuditOutcome
from meetings.call_ins import scheduling, staff
from meetings.choices import CallInStatus
from meetings.models import CallIn
from tests import workspace
from tests.meetings import call_in_builders as build

pytestmark = pytest.mark.django_db

BASE = "/workspace/call-ins/"


def form_data(market, when, **overrides):
    data = {
        "market": market.pk,
        "title": "Eastgate spring call-in",
        "day": when.date().isoformat(),
        "starts": "18:00",
        "ends": "20:00",
        "location": "Riverton Library, Hall A",
        "security_notes": "Two officers at the door.",
        "logistics_notes": "Chairs for sixty.",
        "services_on_site": ["childcare", "meal"],
        "services_on_site_notes": "Spanish interpretation",
    }
    data.update(overrides)
    return data


def entries(**filters):
    return AuditEntry.objects.filter(**filters)


def call_in_ref(call_in):
    return {"object_type": "meetings.callin", "object_id": str(call_in.pk)}


def query_count(client, url):
    client.get(url)  # the first request of a session also loads the session
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# --- list ---------------------------------------------------------------------


def test_list_shows_upcoming_call_ins_of_the_agency_only(call_in_scene, signed_in):
    s = call_in_scene
    html = signed_in("county_member").get(BASE).content.decode()
    assert s.call_in.title in html and s.draft.title in html
    assert s.other_call_in.title not in html
    assert "Schedule a call-in" in html  # the county sees the market


def test_list_offers_scheduling_only_to_staff_who_see_a_market(
    call_in_scene, signed_in
):
    html = signed_in("federal_prosecutor").get(BASE).content.decode()
    assert "Schedule a call-in" not in html
    assert "No call-in your agency takes part in matches." in html


def test_past_call_ins_are_listed_apart(call_in_scene, signed_in, team):
    s = call_in_scene
    past = build.call_in(
        team, s.market, title="Winter call-in", starts_at=build.evening(-40)
    )
    client = signed_in("police_lead")
    upcoming = client.get(BASE).content.decode()
    assert past.title not in upcoming and s.call_in.title in upcoming
    older = client.get(BASE + "?when=past").content.decode()
    assert past.title in older and s.call_in.title not in older


def test_list_filters_by_market_and_status(call_in_scene, signed_in, team):
    s = call_in_scene
    other = workspace.market(team, lead="police", partners=(), name="Northgate")
    north = build.call_in(team, other, agencies=(), title="Northgate call-in")
    client = signed_in("police_lead")
    html = client.get(f"{BASE}?market={other.pk}").content.decode()
    assert north.title in html and s.call_in.title not in html
    html = client.get(f"{BASE}?status=scheduled").content.decode()
    assert s.call_in.title in html
    assert s.draft.title not in html and north.title not in html


def test_a_bad_filter_shows_its_error_and_no_list(call_in_scene, signed_in):
    s = call_in_scene
    client = signed_in("county_member")
    html = client.get(f"{BASE}?market={s.other_market.pk}").content.decode()
    assert "Choose a market from the list." in html
    assert s.call_in.title not in html and s.other_call_in.title not in html
    html = client.get(f"{BASE}?status=postponed").content.decode()
    assert "Choose a status from the list." in html


def test_list_is_audited_with_ids_and_codes_only(call_in_scene, signed_in):
    s = call_in_scene
    signed_in("police_lead").get(f"{BASE}?market={s.market.pk}&status=scheduled")
    entry = entries(action=AuditAction.RECORD_LISTED).latest("pk")
    assert entry.details["list"] == "call_in"
    assert entry.details["filters"] == {"market": s.market.pk, "status": "scheduled"}
    assert entry.details["shown"] == 1
    assert s.market.name not in str(entry.details)


def test_list_queries_do_not_grow_with_the_number_of_call_ins(
    call_in_scene, signed_in, team
):
    s = call_in_scene
    client = signed_in("police_lead")
    few = query_count(client, BASE)
    for day in range(30):
        build.call_in(
            team,
            s.market,
            agencies=("county", "federal"),
            title=f"Call-in {day}",
            location=f"Hall {day}",
            starts_at=build.evening(30 + day),
        )
    many = query_count(client, BASE)
    assert many == few
    assert "page 1 (32 in all)" in client.get(BASE).content.decode()


# --- new draft ------------------------------------------------------------------


def test_new_call_in_is_a_draft_hosted_by_the_creators_agency(
    call_in_scene, signed_in, team, soon
):
    s = call_in_scene
    data = form_data(s.market, soon, agencies=[team.agencies["federal"].pk])
    response = signed_in("county_prosecutor").post(BASE + "new/", data)
    created = CallIn.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}{created.pk}/"
    assert created.status == CallInStatus.DRAFT
    assert created.host_agency == team.agencies["county"]
    assert set(created.agencies.all()) == {
        team.agencies["county"],
        team.agencies["federal"],
    }
    assert created.services_on_site == ["childcare", "meal"]
    local = timezone.localtime(created.starts_at)
    assert (local.date(), local.hour, local.minute) == (soon.date(), 18, 0)
    assert created.ends_at - created.starts_at == timedelta(hours=2)
    entry = entries(action=AuditAction.RECORD_CREATED, **call_in_ref(created)).get()
    assert entry.details == {"event": "call_in_created", "market_id": s.market.pk}


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"title": ""}, "Give the call-in a working title."),
        ({"ends": "17:00"}, "A call-in must end after it starts."),
        ({"day": "next tuesday"}, "Enter a date as YYYY-MM-DD"),
        ({"starts": "25:99"}, "Enter a time as HH:MM"),
        ({"location": "  "}, "Give the place."),
        ({"services_on_site": ["fireworks"]}, "Choose services from the list."),
        ({"agencies": ["987654"]}, "Choose agencies from the list."),
    ],
)
def test_bad_input_keeps_the_form_and_creates_nothing(
    call_in_scene, signed_in, soon, overrides, message
):
    before = CallIn.objects.count()
    created = entries(action=AuditAction.RECORD_CREATED).count()
    response = signed_in("police_lead").post(
        BASE + "new/", form_data(call_in_scene.market, soon, **overrides)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "nothing was saved" in html
    assert CallIn.objects.count() == before
    assert entries(action=AuditAction.RECORD_CREATED).count() == created
    assert 'value="Riverton Library, Hall A"' in html or overrides.get("location")


def test_a_market_the_agency_cannot_see_is_refused_on_the_form(
    call_in_scene, signed_in, soon
):
    before = CallIn.objects.count()
    response = signed_in("federal_prosecutor").post(
        BASE + "new/", form_data(call_in_scene.market, soon)
    )
    assert response.status_code == 200
    assert "Choose a market from the list." in response.content.decode()
    assert CallIn.objects.count() == before


def test_a_clash_is_a_warning_naming_it_on_the_resulting_page(call_in_scene, signed_in):
    s = call_in_scene
    when = timezone.localtime(s.call_in.starts_at)
    data = form_data(
        s.market,
        when,
        location=" eastgate community center,  ROOM 2 ",
        starts="19:00",
        ends="21:00",
    )
    client = signed_in("police_lead")
    response = client.post(BASE + "new/", data, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Possible clashes" in html
    assert "The place is already booked: “Eastgate call-in” on" in html
    assert CallIn.objects.filter(title="Eastgate spring call-in").exists()


def test_a_clash_with_a_call_in_the_viewer_may_not_see_is_not_named(
    call_in_scene, signed_in, team
):
    s = call_in_scene
    when = timezone.localtime(s.other_call_in.starts_at)
    data = form_data(s.market, when, location="Westside Church Hall")
    html = signed_in("police_lead").post(BASE + "new/", data, follow=True)
    html = html.content.decode()
    assert "The place is already booked: another call-in on" in html
    assert s.other_call_in.title not in html


# --- change, schedule, cancel ----------------------------------------------------


def test_a_new_time_raises_the_sequence_and_tells_the_staff(
    call_in_scene, signed_in, django_capture_on_commit_callbacks
):
    s = call_in_scene
    when = timezone.localtime(s.call_in.starts_at) + timedelta(days=1)
    data = form_data(s.market, when, location=s.call_in.location)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in("police_officer").post(f"{BASE}{s.call_in.pk}/edit/", data)
    assert response.status_code == 302
    changed = CallIn.objects.get(pk=s.call_in.pk)
    assert changed.sequence == s.call_in.sequence + 1
    assert timezone.localtime(changed.starts_at).date() == when.date()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "county_member@example.org",
        "police_officer@example.org",
    ]
    entry = entries(action=AuditAction.RECORD_CHANGED, **call_in_ref(changed)).latest(
        "pk"
    )
    assert entry.details["event"] == "call_in_changed"
    assert "starts_at" in entry.details["fields"]


def test_a_change_that_makes_a_clash_shows_the_warning_after(call_in_scene, signed_in):
    s = call_in_scene
    when = timezone.localtime(s.call_in.starts_at)
    data = form_data(s.market, when, title=s.draft.title, location=s.call_in.location)
    response = signed_in("police_lead").post(
        f"{BASE}{s.draft.pk}/edit/", data, follow=True
    )
    html = response.content.decode()
    assert "The place is already booked: “Eastgate call-in” on" in html


def test_bad_input_on_change_keeps_the_form_and_changes_nothing(
    call_in_scene, signed_in
):
    s = call_in_scene
    when = timezone.localtime(s.call_in.starts_at)
    data = form_data(s.market, when, starts="21:00", ends="20:00")
    response = signed_in("police_lead").post(f"{BASE}{s.call_in.pk}/edit/", data)
    assert response.status_code == 200
    assert "A call-in must end after it starts." in response.content.decode()
    unchanged = CallIn.objects.get(pk=s.call_in.pk)
    assert (unchanged.starts_at, unchanged.location, unchanged.sequence) == (
        s.call_in.starts_at,
        s.call_in.location,
        s.call_in.sequence,
    )
    assert not entries(
        action=AuditAction.RECORD_CHANGED, details__event="call_in_changed"
    )


def test_edit_form_shows_the_times_in_the_site_time_zone(call_in_scene, signed_in):
    s = call_in_scene
    html = signed_in("police_lead").get(f"{BASE}{s.call_in.pk}/edit/").content.decode()
    local = timezone.localtime(s.call_in.starts_at)
    assert f'value="{local:%Y-%m-%d}"' in html
    assert f'value="{local:%H:%M}"' in html
    assert str(timezone.get_current_timezone()) in html


def test_schedule_asks_first_then_publishes_the_draft(call_in_scene, signed_in):
    s = call_in_scene
    client = signed_in("police_lead")
    page = client.get(f"{BASE}{s.draft.pk}/schedule/")
    assert b"Schedule the call-in" in page.content
    assert CallIn.objects.get(pk=s.draft.pk).status == CallInStatus.DRAFT
    response = client.post(f"{BASE}{s.draft.pk}/schedule/")
    assert response.status_code == 302
    assert CallIn.objects.get(pk=s.draft.pk).status == CallInStatus.SCHEDULED
    assert entries(details__event="call_in_scheduled", **call_in_ref(s.draft)).exists()


def test_scheduling_twice_shows_why_and_changes_nothing(call_in_scene, signed_in):
    s = call_in_scene
    response = signed_in("police_lead").post(f"{BASE}{s.call_in.pk}/schedule/")
    assert response.status_code == 200
    assert "Only a draft call-in can be scheduled." in response.content.decode()
    assert CallIn.objects.get(pk=s.call_in.pk).status == CallInStatus.SCHEDULED


def test_cancel_needs_a_reason_then_cancels(call_in_scene, signed_in):
    s = call_in_scene
    client = signed_in("police_lead")
    response = client.post(f"{BASE}{s.call_in.pk}/cancel/", {"reason": " "})
    assert response.status_code == 200
    assert "Give the reason for cancelling." in response.content.decode()
    assert CallIn.objects.get(pk=s.call_in.pk).status == CallInStatus.SCHEDULED
    response = client.post(f"{BASE}{s.call_in.pk}/cancel/", {"reason": "Venue flooded"})
    assert response.status_code == 302
    cancelled = CallIn.objects.get(pk=s.call_in.pk)
    assert cancelled.status == CallInStatus.CANCELLED
    assert cancelled.cancelled_reason == "Venue flooded"
    entry = entries(details__event="call_in_cancelled", **call_in_ref(cancelled)).get()
    assert "Venue" not in str(entry.details) and "Venue" not in entry.reason
    html = client.get(f"{BASE}{s.call_in.pk}/").content.decode()
    assert "Venue flooded" in html and "Cancel the call-in" not in html


# --- the call-in's page ---------------------------------------------------------


def test_page_shows_the_call_in_in_the_site_time_zone(call_in_scene, signed_in):
    s = call_in_scene
    response = signed_in("county_member").get(f"{BASE}{s.call_in.pk}/")
    html = response.content.decode()
    local = timezone.localtime(s.call_in.starts_at)
    assert f'datetime="{local.isoformat()}"' in html
    assert str(timezone.get_current_timezone()) in html
    for text in (
        s.call_in.location,
        "Riverton Police, 3rd Precinct",
        "Harbor County Prosecutor",
        "Scheduled",
        "Welcome and the deal on offer",
        "Accepted",
        "Awaiting reply",
        f"/meetings/call-ins/{s.call_in.pk}/calendar.ics",
    ):
        assert text in html, text
    names = {t.name for t in response.templates}
    assert "meetings/call_ins/invitees/_panel.html" in names
    assert "meetings/call_ins/meeting/_panel.html" in names
    assert response["Cache-Control"].startswith("no-store") or (
        "no-store" in response["Cache-Control"]
    )


def test_page_of_a_draft_has_no_calendar_link(call_in_scene, signed_in):
    s = call_in_scene
    html = signed_in("police_lead").get(f"{BASE}{s.draft.pk}/").content.decode()
    assert "calendar.ics" not in html
    assert f"{BASE}{s.draft.pk}/schedule/" in html


def test_participants_see_no_host_controls(call_in_scene, signed_in):
    s = call_in_scene
    html = signed_in("county_prosecutor").get(f"{BASE}{s.call_in.pk}/").content
    for control in (b"/edit/", b"/cancel/", b"/staff/add/", b"/agenda/add/"):
        assert control not in html, control
    assert b"Your reply" not in html  # not on the staff list
    html = signed_in("county_member").get(f"{BASE}{s.call_in.pk}/").content
    assert b"Your reply" in html and b"/cancel/" not in html


def test_page_is_audited_by_id_only(call_in_scene, signed_in):
    s = call_in_scene
    signed_in("county_member").get(f"{BASE}{s.call_in.pk}/")
    entry = entries(action=AuditAction.RECORD_VIEWED, **call_in_ref(s.call_in)).latest(
        "pk"
    )
    assert entry.outcome == AuditOutcome.SUCCESS
    assert s.call_in.title not in str(entry.details)


def test_page_queries_do_not_grow_with_staff_agenda_or_invitees(
    call_in_scene, signed_in, team
):
    s = call_in_scene
    client = signed_in("police_lead")
    few = query_count(client, f"{BASE}{s.call_in.pk}/")
    scheduling.call_in_agency_add(
        call_in=s.call_in, agency=team.agencies["federal"], by=team.police_lead
    )
    for person in ("police_lead", "county_prosecutor", "federal_prosecutor"):
        staff.staff_attendee_add(
            call_in=s.call_in, user=team.people[person], by=team.police_lead
        )
    for number in range(5):
        staff.agenda_item_add(
            call_in=s.call_in,
            by=team.police_lead,
            speaker=f"Speaker {number}",
            topic=f"Topic {number}",
            minutes=5,
        )
    for name in ("Ann Seller", "Bo Seller", "Cy Seller"):
        build.invite(team, s.call_in, build.seller(team, s.market, full_name=name))
    many = query_count(client, f"{BASE}{s.call_in.pk}/")
    assert many == few
