"""When and by whom a listing was last confirmed (HSDS assured_date, assurer).

Verification lives in its own history table, not on the page: "Mark verified"
must not create a revision, and a field on the page would be overwritten by
whatever value the next published revision happened to carry.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceVerification(models.Model):
    """One "Mark verified": the newest row is the service's assured date."""

    service = models.ForeignKey(
        "resources.ServicePage", on_delete=models.CASCADE, related_name="verifications"
    )
    verified_at = models.DateTimeField(db_index=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Copied at the time so HSDS assurer_email survives the account's deletion.
    assurer_email = models.EmailField(blank=True)
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-verified_at", "-pk"]
        get_latest_by = "verified_at"
        verbose_name = _("service verification")
        indexes = [models.Index(fields=["service", "-verified_at"])]

    def __str__(self):
        return f"{self.service_id} verified {self.verified_at:%Y-%m-%d}"


class VerificationReminder(models.Model):
    """A reminder sent for one verification period, so it is sent only once.

    ``period_start`` is the assured date (or first publication) the reminder
    was about; a new verification starts a new period.
    """

    service = models.ForeignKey(
        "resources.ServicePage", on_delete=models.CASCADE, related_name="reminders"
    )
    period_start = models.DateTimeField()
    sent_at = models.DateTimeField()
    recipients = models.TextField(help_text=_("Addresses, one per line."))

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("verification reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "period_start"], name="resources_reminder_once"
            )
        ]

    def __str__(self):
        return f"{self.service_id} reminded {self.sent_at:%Y-%m-%d}"
