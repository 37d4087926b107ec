"""Background work for call-ins (django-tasks): notices and reminders.

Every task carries the call-in's ``sequence`` as it was when queued, and
checks it again when it runs: a reminder queued before a reschedule or a
cancellation finds a newer sequence (or a cancelled call-in) and does
nothing. A reminder is sent at most once per sequence: the task claims it
with one conditional UPDATE before sending.

With a backend that can defer (``django_tasks_db`` in production) the
24-hour reminder is queued with ``run_after``. With one that cannot (the
immediate backend in dev and tests) ``manage.py send_call_in_reminders``,
run every 15 minutes from cron, queues the reminders that are due; it also
queues the "still not closed" reminder to the host. Both paths are safe
together.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from meetings.call_ins import notifications
from meetings.choices import CallInStatus
from meetings.models import CallIn

REMINDER_BEFORE = timedelta(hours=24)
# A worker's clock may run a little ahead of the one that queued the task.
CLOCK_SLACK = timedelta(minutes=5)
UNCLOSED_AFTER = timedelta(days=1)
UNCLOSED_REPEAT = timedelta(days=7)
REMINDED_STATUSES = (CallInStatus.SCHEDULED, CallInStatus.READY)
UNCLOSED_STATUSES = (CallInStatus.SCHEDULED, CallInStatus.READY, CallInStatus.HELD)


@task()
def send_call_in_notice(
    call_in_id: int, sequence: int, kind: str, user_ids: list[int] | None = None
) -> int:
    """Tell the staff attendees of a change; skipped if a newer change followed."""
    call_in = CallIn.objects.filter(pk=call_in_id).first()
    if call_in is None or call_in.sequence != sequence:
        return 0
    users = notifications.staff_of(call_in, user_ids=user_ids)
    return notifications.send(call_in, kind=kind, users=users)


@task()
def send_call_in_reminder(call_in_id: int, sequence: int) -> int:
    """The 24-hour reminder for ``sequence``; nothing if the call-in changed since."""
    now = timezone.now()
    call_in = CallIn.objects.filter(pk=call_in_id).first()
    if (
        call_in is None
        or call_in.sequence != sequence
        or call_in.status not in REMINDED_STATUSES
        or not (call_in.starts_at - REMINDER_BEFORE - CLOCK_SLACK <= now)
        or now >= call_in.starts_at
    ):
        return 0
    claimed = (
        CallIn.objects.filter(
            pk=call_in_id, sequence=sequence, status__in=REMINDED_STATUSES
        )
        .exclude(reminded_sequence=sequence)
        .update(reminded_sequence=sequence)
    )
    if not claimed:
        return 0
    users = notifications.staff_of(call_in, include_declined=False)
    return notifications.send(call_in, kind="reminder", users=users)


@task()
def send_unclosed_call_in_reminder(call_in_id: int) -> int:
    """Remind the host that a past call-in is still open (once a week at most)."""
    now = timezone.now()
    claimed = _unclosed(now).filter(pk=call_in_id).update(closing_reminded_at=now)
    if not claimed:
        return 0
    call_in = CallIn.objects.get(pk=call_in_id)
    return notifications.send(
        call_in, kind="unclosed", users=notifications.host_contacts(call_in)
    )


def _unclosed(now):
    return CallIn.objects.filter(
        status__in=UNCLOSED_STATUSES, ends_at__lte=now - UNCLOSED_AFTER
    ).filter(
        Q(closing_reminded_at__isnull=True)
        | Q(closing_reminded_at__lte=now - UNCLOSED_REPEAT)
    )


# --- queueing ----------------------------------------------------------------


def notice_on_commit(call_in: CallIn, *, kind: str, user_ids=None) -> None:
    pk, sequence = call_in.pk, call_in.sequence
    ids = list(user_ids) if user_ids is not None else None
    transaction.on_commit(lambda: send_call_in_notice.enqueue(pk, sequence, kind, ids))


def reminder_on_commit(call_in: CallIn) -> None:
    """Queue the 24-hour reminder for the call-in's current sequence."""
    pk, sequence, starts_at = call_in.pk, call_in.sequence, call_in.starts_at
    transaction.on_commit(lambda: reminder_enqueue(pk, sequence, starts_at))


def reminder_enqueue(pk: int, sequence: int, starts_at, *, now=None) -> bool:
    now = now or timezone.now()
    due_at = starts_at - REMINDER_BEFORE
    if now >= starts_at:
        return False
    if due_at <= now:
        send_call_in_reminder.enqueue(pk, sequence)
        return True
    if send_call_in_reminder.get_backend().supports_defer:
        send_call_in_reminder.using(run_after=due_at).enqueue(pk, sequence)
        return True
    return False  # manage.py send_call_in_reminders queues it when due


def due_reminders_enqueue(*, now=None) -> tuple[int, int]:
    """Queue every due 24-hour reminder and unclosed-call-in reminder."""
    now = now or timezone.now()
    due = (
        CallIn.objects.filter(
            status__in=REMINDED_STATUSES,
            starts_at__gt=now,
            starts_at__lte=now + REMINDER_BEFORE,
        )
        .exclude(reminded_sequence=F("sequence"))
        .values_list("pk", "sequence")
    )
    reminders = 0
    for pk, sequence in due:
        send_call_in_reminder.enqueue(pk, sequence)
        reminders += 1
    unclosed = 0
    for pk in _unclosed(now).values_list("pk", flat=True):
        send_unclosed_call_in_reminder.enqueue(pk)
        unclosed += 1
    return reminders, unclosed
