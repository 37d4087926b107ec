"""Background work for the directory (django-tasks; a worker runs it in production).

``manage.py send_verification_reminders`` (daily, from cron) enqueues one
task per listing due a reminder; each task checks again and sends at most once.

The HSDS download enqueues ``build_hsds_export`` when the files for the
current version of the public content are missing (see ``resources.hsds``).
"""

from django.core.cache import cache
from django_tasks import task

from portal.page_cache import current_generation
from resources.hsds import stored
from resources.models import ServicePage
from resources.services import service_verification_reminder_send


@task()
def send_verification_reminder(service_id: int) -> bool:
    """Send the reminder for one service; False if it was sent already or is gone."""
    service = ServicePage.objects.filter(pk=service_id).first()
    if service is None:
        return False
    return service_verification_reminder_send(service=service) is not None


@task()
def build_hsds_export(requested_generation: int) -> bool:
    """Build the download's files for the content as it is now.

    The content may have changed since the request that enqueued this: the
    files are built for the version current when the build starts (the
    version read before the data, so a change during the build starts a newer
    one and these files are never served for it). False when there was nothing
    to do: that version is built, or another build of it is underway.
    """
    generation = current_generation()
    claimed = [stored.pending_key(requested_generation)]  # claimed by the request
    try:
        if stored.is_complete(generation):
            return False
        if generation != requested_generation:
            if not cache.add(
                stored.pending_key(generation), True, stored.PENDING_SECONDS
            ):
                return False
            claimed.append(stored.pending_key(generation))
        stored.build_files(generation)
        return True
    finally:
        # Built or failed: the next request may ask again.
        cache.delete_many(claimed)
