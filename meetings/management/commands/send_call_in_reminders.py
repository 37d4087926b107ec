"""Queue the call-in reminders that are due (run every 15 minutes from cron).

The 24-hour reminder of each scheduled or ready call-in not yet reminded
for its current time and place, and the weekly "still not closed" reminder
to the host of each past call-in left open. Safe to run as often as you
like: each task sends at most once.
"""

from django.core.management.base import BaseCommand

from meetings.call_ins.tasks import due_reminders_enqueue


class Command(BaseCommand):
    help = "Queue due call-in reminders (24 hours before; unclosed past call-ins)."

    def handle(self, *args, **options):
        reminders, unclosed = due_reminders_enqueue()
        self.stdout.write(
            f"Queued {reminders} call-in reminder(s) and {unclosed} "
            "unclosed call-in reminder(s)."
        )
