"""Print the demo accounts so a newcomer can sign in."""

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
