"""Emails on changes that matter only; reminders that go quiet after a change."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import override_settings

from meetings.call_ins import scheduling, staff, tasks
from meetings.models import CallIn
from tests import workspace
from tests.meetings import call_in_builders as build

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def market(team):
    return workspace.market(team, partners=("county",))


@pytest.fixture
def scheduled(team, market, django_capture_on_commit_callbacks):
    """Scheduled with two staff attendees; the "you are expected" mail is cleared."""
    call_in = build.call_in(team, market)
    for person in ("police_officer", "county_member"):
        staff.staff_attendee_add(
            call_in=call_in, user=team.people[person], by=team.police_lead
        )
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.call_in_schedule(call_in=call_in, by=team.police_lead)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "county_member@example.org",
        "police_officer@example.org",
    ]
    mail.outbox.clear()
    call_in.refresh_from_db()
    return call_in


def update(team, call_in, capture, **changes):
    with capture(execute=True):
        result = scheduling.call_in_update(
            call_in=call_in, by=team.police_lead, **changes
        )
    return result.call_in


@pytest.mark.parametrize(
    "change, subject",
    [
        ({"starts_at_shift": timedelta(hours=1)}, "new time"),
        ({"location": "Harbor Library, Hall B"}, "new place"),
    ],
)
def test_time_and_place_changes_email_every_staff_attendee(
    team, scheduled, django_capture_on_commit_callbacks, change, subject
):
    if "starts_at_shift" in change:
        shift = change.pop("starts_at_shift")
        change = {
            "starts_at": scheduled.starts_at + shift,
            "ends_at": scheduled.ends_at + shift,
        }
    call_in = update(team, scheduled, django_capture_on_commit_callbacks, **change)
    assert call_in.sequence == scheduled.sequence + 1
    assert len(mail.outbox) == 2
    assert all(subject in message.subject for message in mail.outbox)
    assert all(len(message.to) == 1 for message in mail.outbox)


def test_other_changes_send_nothing_and_keep_the_sequence(
    team, scheduled, django_capture_on_commit_callbacks
):
    call_in = update(
        team,
        scheduled,
        django_capture_on_commit_callbacks,
        title="Eastgate call-in (final)",
        security_notes="Two officers at the door",
        logistics_notes="Chairs for 40",
        services_on_site=["interpretation", "childcare"],
        # Same time and place, given again, is no change.
        starts_at=scheduled.starts_at,
        location=scheduled.location,
    )
    assert mail.outbox == []
    assert call_in.sequence == scheduled.sequence
    assert call_in.services_on_site == ["interpretation", "childcare"]


def test_cancelling_emails_everyone_and_says_so(
    team, scheduled, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.call_in_cancel(
            call_in=scheduled, by=team.police_lead, reason="Venue lost"
        )
    assert len(mail.outbox) == 2
    assert all(m.subject.startswith("Call-in cancelled") for m in mail.outbox)


def test_a_draft_changes_quietly(team, market, django_capture_on_commit_callbacks):
    draft = build.call_in(team, market)
    staff.staff_attendee_add(
        call_in=draft, user=team.police_officer, by=team.police_lead
    )
    update(team, draft, django_capture_on_commit_callbacks, location="Elsewhere")
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.call_in_cancel(call_in=draft, by=team.police_lead, reason="No")
    assert mail.outbox == []


def test_someone_who_left_their_agency_hears_nothing(
    team, scheduled, django_capture_on_commit_callbacks
):
    from agencies.services.memberships import membership_end

    membership_end(membership=team.county_member.membership)
    update(team, scheduled, django_capture_on_commit_callbacks, location="Elsewhere")
    assert [m.to for m in mail.outbox] == [["police_officer@example.org"]]


def test_mail_names_no_place_and_no_invitee(
    team, market, scheduled, django_capture_on_commit_callbacks
):
    build.invite(team, scheduled, build.seller(team, market, full_name="Zeb Quix"))
    update(team, scheduled, django_capture_on_commit_callbacks, location="Pier 9 shed")
    body = mail.outbox[0].body
    assert "Eastgate call-in" in body
    assert "Pier 9" not in body and "Eastgate Community Center" not in body
    assert "Zeb" not in body
    assert "http://testserver/workspace/" in body


class TestReminders:
    def test_a_reminder_queued_before_a_reschedule_does_nothing(
        self, team, scheduled, django_capture_on_commit_callbacks
    ):
        queued_sequence = scheduled.sequence
        shift = timedelta(days=1)
        update(
            team,
            scheduled,
            django_capture_on_commit_callbacks,
            starts_at=scheduled.starts_at + shift,
            ends_at=scheduled.ends_at + shift,
        )
        mail.outbox.clear()
        with time_machine.travel(scheduled.starts_at + shift - timedelta(hours=23)):
            assert tasks.send_call_in_reminder.call(scheduled.pk, queued_sequence) == 0
            assert mail.outbox == []
            # The reminder for the new sequence goes out, once.
            current = CallIn.objects.get(pk=scheduled.pk).sequence
            assert tasks.send_call_in_reminder.call(scheduled.pk, current) == 2
            assert tasks.send_call_in_reminder.call(scheduled.pk, current) == 0
        assert len(mail.outbox) == 2
        assert mail.outbox[0].subject.startswith("Tomorrow")

    def test_a_reminder_queued_before_a_cancellation_does_nothing(
        self, team, scheduled, django_capture_on_commit_callbacks
    ):
        queued_sequence = scheduled.sequence
        with django_capture_on_commit_callbacks(execute=True):
            scheduling.call_in_cancel(
                call_in=scheduled, by=team.police_lead, reason="Venue lost"
            )
        mail.outbox.clear()
        with time_machine.travel(scheduled.starts_at - timedelta(hours=23)):
            sent = tasks.send_call_in_reminder.call(scheduled.pk, queued_sequence)
            again = tasks.send_call_in_reminder.call(scheduled.pk, queued_sequence + 1)
        assert (sent, again, mail.outbox) == (0, 0, [])

    def test_not_sent_too_early_and_not_to_those_who_declined(self, team, scheduled):
        staff.staff_attendee_reply(
            call_in=scheduled, by=team.county_member, reply="declined"
        )
        with time_machine.travel(scheduled.starts_at - timedelta(hours=30)):
            assert tasks.send_call_in_reminder.call(scheduled.pk, 0) == 0
        with time_machine.travel(scheduled.starts_at - timedelta(hours=2)):
            assert tasks.send_call_in_reminder.call(scheduled.pk, 0) == 1
        assert [m.to for m in mail.outbox] == [["police_officer@example.org"]]

    def test_the_periodic_command_queues_what_is_due(self, team, scheduled):
        from django.core.management import call_command

        with time_machine.travel(scheduled.starts_at - timedelta(days=3)):
            call_command("send_call_in_reminders", stdout=None)
        assert mail.outbox == []
        with time_machine.travel(scheduled.starts_at - timedelta(hours=20)):
            assert tasks.due_reminders_enqueue() == (1, 0)
            assert tasks.due_reminders_enqueue() == (0, 0)  # sent: nothing due
        assert len(mail.outbox) == 2

    @override_settings(TASKS=DUMMY_TASKS)
    def test_a_backend_that_can_defer_gets_the_reminder_24_hours_before(
        self, team, market, django_capture_on_commit_callbacks
    ):
        from django_tasks import task_backends

        backend = task_backends["default"]
        backend.clear()
        call_in = build.call_in(team, market)
        with django_capture_on_commit_callbacks(execute=True):
            scheduling.call_in_schedule(call_in=call_in, by=team.police_lead)
        reminders = [
            r for r in backend.results if r.task.name == "send_call_in_reminder"
        ]
        assert len(reminders) == 1
        assert reminders[0].task.run_after == call_in.starts_at - timedelta(hours=24)
        assert reminders[0].args == [call_in.pk, 0]


class TestUnclosedReminder:
    def test_the_host_hears_of_a_past_call_in_left_open(self, team, market, scheduled):
        with time_machine.travel(scheduled.ends_at + timedelta(hours=2)):
            assert tasks.due_reminders_enqueue() == (0, 0)
        with time_machine.travel(scheduled.ends_at + timedelta(days=2)):
            assert tasks.due_reminders_enqueue() == (0, 1)
            assert tasks.due_reminders_enqueue() == (0, 0)
        recipients = sorted(m.to[0] for m in mail.outbox)
        # The police lead (host lead) and the police officer (host staff), not county.
        assert recipients == ["police_lead@example.org", "police_officer@example.org"]
        assert mail.outbox[0].subject.startswith("Call-in not closed yet")
        with time_machine.travel(scheduled.ends_at + timedelta(days=10)):
            assert tasks.due_reminders_enqueue() == (0, 1)

    def test_a_closed_or_cancelled_call_in_is_left_alone(self, team, scheduled):
        scheduling.call_in_cancel(call_in=scheduled, by=team.police_lead, reason="x")
        with time_machine.travel(scheduled.ends_at + timedelta(days=2)):
            assert tasks.due_reminders_enqueue() == (0, 0)
