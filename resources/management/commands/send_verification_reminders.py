"""Queue reminder emails for listings nearly a year without verification.

Run daily (cron or a scheduler); a listing is reminded once per period.
"""

from django.core.management.base import BaseCommand

from resources.selectors import services_due_reminder
from resources.tasks import send_verification_reminder


class Command(BaseCommand):
    help = "Email providers whose listings are due verification (once per period)."

    def handle(self, *args, **options):
        service_ids = list(services_due_reminder().values_list("pk", flat=True))
        for service_id in service_ids:
            send_verification_reminder.enqueue(service_id)
        self.stdout.write(f"Queued {len(service_ids)} verification reminder(s).")
