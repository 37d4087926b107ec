"""The portal's part of the demo data: site, pages, figures and editor accounts."""

from django.core.management.base import BaseCommand

from portal.demo import figures, pages, users


class Command(BaseCommand):
    help = "Seed the public site of the fictional city of Riverton (idempotent)."

    def handle(self, *args, **options):
        home = pages.ensure_site()
        neighborhoods = pages.ensure_neighborhoods(home)
        created = figures.ensure_figures(neighborhoods)
        users.ensure_portal_users()
        if options["verbosity"]:
            self.stdout.write(
                f"Portal: {len(neighborhoods)} neighborhoods, {created} new figures."
            )
