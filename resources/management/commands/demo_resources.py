"""The directory's part of the demo data (run by load_demo_data)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from resources.demo.build import ensure_demo_directory


class Command(BaseCommand):
    help = "Seed Riverton's service directory: providers, services, demo users."

    @transaction.atomic
    def handle(self, *args, **options):
        try:
            created = ensure_demo_directory()
        except LookupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(
                f"Directory: {len(created['organizations'])} providers, "
                f"{len(created['services'])} services."
            )
