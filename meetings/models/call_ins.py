"""Joint call-ins: the meeting where the partnership faces low-risk sellers together.

Confidential like every workspace record (DESIGN.md): never a Wagtail
snippet, page, chooser target, search-indexed model or sitemap entry. Staff
of the participating agencies see a call-in; nobody else does, anywhere.
Reads go through ``meetings.call_ins.selectors``, writes through the
services in ``meetings.call_ins``.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.choices import CallInStatus, Reply
from meetings.models.confidential import ConfidentialModel

USER = settings.AUTH_USER_MODEL

# A call-in lasts an evening, not days. The bound lets the conflict check read
# one short slice of the ``starts_at`` index instead of every past call-in.
MAX_DURATION = timedelta(hours=12)

# Statuses whose date is still to come and may still change.
OPEN_STATUSES = (CallInStatus.DRAFT, CallInStatus.SCHEDULED, CallInStatus.READY)
# Statuses published to calendars (a draft is nobody's appointment yet).
PUBLISHED_STATUSES = (
    CallInStatus.SCHEDULED,
    CallInStatus.READY,
    CallInStatus.HELD,
    CallInStatus.CLOSED,
    CallInStatus.CANCELLED,
)


def location_key(location: str) -> str:
    """The place as compared for clashes: case and spacing do not matter."""
    return " ".join(location.split()).casefold()[:300]


class CallIn(ConfidentialModel):
    market = models.ForeignKey(
        "agencies.Market", on_delete=models.PROTECT, related_name="call_ins"
    )
    title = models.CharField(
        max_length=200,
        help_text=_("A working title, never a person's name: calendars show it."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(
        max_length=300, help_text=_("Private: only participating agencies see it.")
    )
    location_key = models.CharField(max_length=300, editable=False)
    host_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="hosted_call_ins"
    )
    agencies = models.ManyToManyField(
        "agencies.Agency",
        through="CallInAgency",
        related_name="call_ins",
        help_text=_("Participating agencies; the host is always one of them."),
    )
    status = models.CharField(
        max_length=12, choices=CallInStatus.choices, default=CallInStatus.DRAFT
    )
    security_notes = models.TextField(blank=True)
    logistics_notes = models.TextField(blank=True)
    services_on_site = models.JSONField(
        default=list, blank=True, help_text=_("Codes from OnSiteService.")
    )
    services_on_site_notes = models.CharField(
        max_length=300, blank=True, help_text=_("For example the languages offered.")
    )
    cancelled_reason = models.CharField(max_length=300, blank=True)
    sequence = models.PositiveIntegerField(
        default=0,
        help_text=_("Calendar SEQUENCE: grows with each change of time or place."),
    )
    # The sequence whose 24-hour reminder went out (-1: none yet); a reminder
    # queued for an older sequence finds it changed and does nothing.
    reminded_sequence = models.IntegerField(default=-1, editable=False)
    closing_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("call-in")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="call_in_ends_after_start",
            )
        ]
        indexes = [
            models.Index(fields=["starts_at"], name="call_in_starts"),
            models.Index(fields=["status", "ends_at"], name="call_in_status_ends"),
        ]

    def __str__(self):
        return f"Call-in {self.pk}"

    def clean(self):
        check_times(self.starts_at, self.ends_at)

    @property
    def is_cancelled(self) -> bool:
        return self.status == CallInStatus.CANCELLED

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def check_times(starts_at, ends_at) -> None:
    """Aware times, end after start, at most MAX_DURATION long."""
    if starts_at is None or ends_at is None:
        raise ValidationError(_("Give both the start and the end."))
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValidationError(_("Times must carry their time zone."))
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("A call-in must end after it starts.")})
    if ends_at - starts_at > MAX_DURATION:
        raise ValidationError({"ends_at": _("A call-in lasts at most 12 hours.")})


class CallInAgency(ConfidentialModel):
    """One participating agency; its staff see the call-in."""

    call_in = models.ForeignKey(CallIn, on_delete=models.CASCADE)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT)
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("participating agency")
        constraints = [
            # Leads with agency: "the call-ins my agency sees" is one index range.
            models.UniqueConstraint(
                fields=["agency", "call_in"], name="call_in_agency_once"
            )
        ]

    def __str__(self):
        return f"Agency {self.agency_id} at call-in {self.call_in_id}"


class AgendaItem(ConfidentialModel):
    call_in = models.ForeignKey(
        CallIn, on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(default=0)
    speaker = models.CharField(max_length=200, help_text=_("Role or agency."))
    topic = models.CharField(max_length=300)
    minutes = models.PositiveSmallIntegerField(default=5)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.topic


class StaffAttendee(ConfidentialModel):
    """A staff member expected at the call-in, and their reply."""

    call_in = models.ForeignKey(
        CallIn, on_delete=models.CASCADE, related_name="staff_attendees"
    )
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    reply = models.CharField(
        max_length=10, choices=Reply.choices, default=Reply.AWAITING
    )
    replied_at = models.DateTimeField(null=True, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            # Leads with user: the staff clash check reads one index range.
            models.UniqueConstraint(
                fields=["user", "call_in"], name="call_in_attendee_once"
            )
        ]

    def __str__(self):
        return f"User {self.user_id} at call-in {self.call_in_id}"
