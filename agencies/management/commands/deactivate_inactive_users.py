"""Disable accounts unused for 90 days (CJIS 5.5.1); run daily by cron or the worker."""

from django.core.management.base import BaseCommand

from agencies.accounts.deactivation import inactive_accounts, inactive_accounts_disable


class Command(BaseCommand):
    help = (
        "Disable accounts not signed in to for ACCOUNTS_INACTIVE_DAYS (90) days, "
        "or never signed in and created that long ago, ending all their sessions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the accounts that would be disabled; change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            names = [user.get_username() for user in inactive_accounts().order_by("pk")]
            verb = "Would disable"
        else:
            names = inactive_accounts_disable()
            verb = "Disabled"
        for name in names:
            self.stdout.write(f"{verb}: {name}")
        self.stdout.write(f"{verb} {len(names)} inactive account(s).")
