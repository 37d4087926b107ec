"""After the call-in: the closing report, referrals to services, follow-ups.

Referrals are not criminal-justice records (DOMAIN.md, phase 5): the
provider's staff see the referrals to their own organization's services and
only what the person agreed to share (``share_name``, ``share_contact``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.choices import ActivationReason
from meetings.choices import FollowUpKind, ReferralStatus
from meetings.models.call_ins import CallIn
from meetings.models.confidential import ConfidentialModel
from meetings.models.invitations import Invitee

USER = settings.AUTH_USER_MODEL


class ClosingReport(ConfidentialModel):
    """Required to close a call-in; the figures are counted when it closes."""

    call_in = models.OneToOneField(
        CallIn, on_delete=models.CASCADE, related_name="closing_report"
    )
    what_was_said = models.TextField()
    agencies_present = models.ManyToManyField(
        "agencies.Agency", blank=True, related_name="+"
    )
    invited_count = models.PositiveIntegerField(default=0)
    attended_count = models.PositiveIntegerField(default=0)
    no_show_count = models.PositiveIntegerField(default=0)
    accompanied_count = models.PositiveIntegerField(
        default=0, help_text=_("Attendees who came with someone.")
    )
    written_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Closing report of call-in {self.call_in_id}"


class Referral(ConfidentialModel):
    invitee = models.ForeignKey(
        Invitee, on_delete=models.CASCADE, related_name="referrals"
    )
    # Kept when an editor removes the page: the history must survive.
    service = models.ForeignKey(
        "resources.ServicePage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="call_in_referrals",
    )
    service_title = models.CharField(max_length=255)
    # The service's organization when referred: whose provider staff see it.
    organization = models.ForeignKey(
        "resources.OrganizationPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="call_in_referrals",
    )
    status = models.CharField(
        max_length=15, choices=ReferralStatus.choices, default=ReferralStatus.REFERRED
    )
    # Consent: what the provider may see besides the service and the status.
    share_name = models.BooleanField(
        default=False, help_text=_("The person agreed the provider sees their name.")
    )
    share_contact = models.BooleanField(
        default=False, help_text=_("The person agreed the provider may contact them.")
    )
    contact = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("How the provider may reach them (only with their consent)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organization", "status"], name="referral_org_status")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(share_contact=True) | models.Q(contact=""),
                name="referral_contact_needs_consent",
            )
        ]

    def __str__(self):
        return f"Referral {self.pk}"


class ReferralStatusChange(ConfidentialModel):
    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, related_name="history"
    )
    from_status = models.CharField(
        max_length=15, choices=ReferralStatus.choices, blank=True
    )
    to_status = models.CharField(max_length=15, choices=ReferralStatus.choices)
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status or 'new'} → {self.to_status}"


class FollowUp(ConfidentialModel):
    """Something that happened after the call-in; it may activate a banked case."""

    invitee = models.ForeignKey(
        Invitee, on_delete=models.CASCADE, related_name="follow_ups"
    )
    kind = models.CharField(max_length=15, choices=FollowUpKind.choices)
    at = models.DateTimeField(help_text=_("When it happened."))
    notes = models.TextField(blank=True)
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    activated_case = models.ForeignKey(
        "agencies.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    activation_reason = models.CharField(
        max_length=20, choices=ActivationReason.choices, blank=True
    )

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"Follow-up {self.pk}"
