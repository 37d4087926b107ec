"""The meetings part of the demo data (idempotent): public community meetings,
and joint call-ins on the demo markets (``meetings.demo_call_ins``) once the
workspace and directory parts are loaded."""

import uuid
from datetime import datetime, time, timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from meetings.demo_call_ins import call_ins_summary, demo_ready, ensure_demo_call_ins
from meetings.models import CommunityMeeting
from portal.models import NeighborhoodPage

# (fixed uid, neighborhood slug, title, days from today, place, address)
MEETINGS = [
    (
        "8b0c3f52-2f3c-4d8e-9d84-1b6f6a3e1a01",
        "mill-creek",
        "Mill Creek follow-up meeting",
        12,
        "Mill Creek Library",
        "400 Creek Road",
    ),
    (
        "8b0c3f52-2f3c-4d8e-9d84-1b6f6a3e1a02",
        "harbor-heights",
        "Harbor Heights listening session",
        20,
        "Harbor Street Church Hall",
        "12 Harbor Street",
    ),
    (
        "8b0c3f52-2f3c-4d8e-9d84-1b6f6a3e1a03",
        "eastgate",
        "Eastgate one-year check-in",
        33,
        "Eastgate Community Center",
        "700 Pine Street",
    ),
    (
        "8b0c3f52-2f3c-4d8e-9d84-1b6f6a3e1a04",
        "old-orchard",
        "Old Orchard first community meeting",
        45,
        "Orchard Square Senior Center",
        "1 Orchard Square",
    ),
    (
        "8b0c3f52-2f3c-4d8e-9d84-1b6f6a3e1a05",
        "mill-creek",
        "Mill Creek call-in report back",
        -30,
        "Mill Creek Library",
        "400 Creek Road",
    ),
]


class Command(BaseCommand):
    help = "Seed public community meetings and demo call-ins (idempotent)."

    def handle(self, *args, **options):
        created = 0
        today = timezone.localdate()
        for uid, slug, title, days, place, address in MEETINGS:
            if CommunityMeeting.objects.filter(uid=uuid.UUID(uid)).exists():
                continue
            starts = timezone.make_aware(
                datetime.combine(today + timedelta(days=days), time(18, 30))
            )
            CommunityMeeting.objects.create(
                uid=uuid.UUID(uid),
                title=title,
                neighborhood=NeighborhoodPage.objects.filter(slug=slug).first(),
                starts_at=starts,
                ends_at=starts + timedelta(minutes=90),
                place_name=place,
                address=address,
                accessibility_notes="Step-free entrance; hearing loop; free parking.",
                language_support="Spanish and Vietnamese interpreters; ASL on request",
                agenda="<ol><li>Welcome</li><li>What has happened</li>"
                "<li>Your questions</li></ol>",
            )
            created += 1
        if options["verbosity"]:
            self.stdout.write(f"Meetings: {created} new community meetings.")
        if not demo_ready():
            if options["verbosity"]:
                self.stdout.write(
                    "Meetings: no call-ins (load the workspace and directory first)."
                )
            return
        ensure_demo_call_ins()
        if options["verbosity"]:
            self.stdout.write(call_ins_summary())
