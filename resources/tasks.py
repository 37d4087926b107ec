"""Background work for the directory (django-tasks; a worker runs it in production).

``manage.py send_verification_reminders`` (daily, from cron) enqueues one
task per listing due a reminder; each task checks again and sends at most once.
"""

from django_tasks import task

from resources.models import ServicePage
from resources.services import service_verification_reminder_send


@task()
def send_verification_reminder(service_id: int) -> bool:
    """Send the reminder for one service; False if it was sent already or is gone."""
    service = ServicePage.objects.filter(pk=service_id).first()
    if service is None:
        return False
    return service_verification_reminder_send(service=service) is not None
