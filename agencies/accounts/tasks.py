"""Background tasks for accounts (django-tasks; the worker runs them in production).

Schedule ``deactivate_inactive_users`` once a day, e.g. from cron:
``manage.py deactivate_inactive_users`` or by enqueueing this task.
"""

from django_tasks import task

from agencies.accounts.deactivation import inactive_accounts_disable


@task()
def deactivate_inactive_users() -> list[str]:
    return inactive_accounts_disable()
