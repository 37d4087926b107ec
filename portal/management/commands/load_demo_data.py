"""Load the fictional city of Riverton: pages, figures, meetings and demo users.

Each app seeds its own part through a `demo_<app>` command; this one runs them
in order. Running it twice changes nothing.
"""

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

KEEP_EMAILS = "django.core.mail.backends.locmem.EmailBackend"
# Order matters: later parts link to what earlier parts created.
DEMO_PARTS = ["demo_portal", "demo_resources", "demo_agencies", "demo_meetings"]


class Command(BaseCommand):
    help = "Load the demo data (idempotent). Refuses to run in production unless told."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load demo users even though DEBUG is off (benchmarks only).",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "Demo data creates accounts with published passwords; "
                "pass --allow-production to load it with DEBUG off."
            )
        available = get_commands()
        # Demo data writes through the real services, which notify people by
        # email when their transaction commits: to fictional staff, and in dev
        # onto the console over the printed logins. Those emails stay in memory.
        with override_settings(EMAIL_BACKEND=KEEP_EMAILS), transaction.atomic():
            for part in DEMO_PARTS:
                if part in available:
                    call_command(part, verbosity=options["verbosity"])
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
