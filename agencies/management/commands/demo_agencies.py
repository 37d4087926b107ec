"""The agencies app's part of the demo data (run by load_demo_data, idempotent).

Riverton's partnership (``agencies.demo``): nine agencies, a lead and a
member of each, an auditor, two markets with subjects in every state, buys,
decisions, cases and notes shared in every pattern the workspace allows.

Then every demo account that must use MFA gets the published TOTP secret
from ``settings.DEMO_TOTP_SECRET`` (development only), so testers can sign in
with one authenticator-app entry.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from agencies.accounts.policy import mfa_required
from agencies.demo.build import ensure_demo_workspace, workspace_summary
from portal.demo.users import demo_login_rows


def ensure_demo_totp(secret: str) -> int:
    """Give each MFA-required demo account the demo secret; returns how many."""
    usernames = [row["username"] for row in demo_login_rows()]
    added = 0
    for user in get_user_model().objects.filter(username__in=usernames):
        has_totp = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
        # A tester who enrolled their own app keeps it.
        if mfa_required(user) and not has_totp:
            TOTP.activate(user, secret)
            added += 1
    return added


class Command(BaseCommand):
    help = "Seed the agencies part of the demo data (idempotent)."

    def handle(self, *args, **options):
        # A market is built whole or not at all: a rerun skips markets that exist.
        with transaction.atomic():
            ensure_demo_workspace()
        if options["verbosity"]:
            self.stdout.write(workspace_summary())
        secret = getattr(settings, "DEMO_TOTP_SECRET", "")
        if not secret:
            if options["verbosity"]:
                self.stdout.write(
                    "Agencies: no DEMO_TOTP_SECRET; MFA accounts enrol at first login."
                )
            return
        added = ensure_demo_totp(secret)
        if options["verbosity"]:
            self.stdout.write(f"Agencies: demo TOTP added to {added} accounts.")
