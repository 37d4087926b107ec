"""Print the demo accounts so a newcomer can sign in."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.demo.users import demo_login_rows


class Command(BaseCommand):
    help = "List the demo logins created by load_demo_data."

    def handle(self, *args, **options):
        rows = demo_login_rows()
        if not rows:
            self.stdout.write("No demo users yet: run `manage.py load_demo_data`.")
            return
        self.stdout.write("Demo logins (password for all: see below)")
        width = max(len(row["username"]) for row in rows)
        for row in rows:
            self.stdout.write(f"  {row['username']:<{width}}  {row['role']}")
        self.stdout.write(f"  password: {rows[0]['password']}")
        self.write_demo_totp()

    def write_demo_totp(self):
        """The demo second factor, from settings: portal never imports agencies."""
        secret = getattr(settings, "DEMO_TOTP_SECRET", "")
        if not secret:
            return
        issuer = getattr(settings, "MFA_TOTP_ISSUER", "DMI Portal")
        uri = "otpauth://totp/{label}?{query}".format(
            label=quote(f"{issuer}:demo accounts"),
            query=urlencode({"secret": secret, "issuer": issuer}, quote_via=quote),
        )
        self.stdout.write(
            "  second factor (every account above that can open the admin or the\n"
            f"  workspace): add this TOTP secret to an authenticator app: {secret}\n"
            f"  or scan/open: {uri}"
        )
