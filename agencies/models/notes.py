"""Case notes and the record of each share.

A posted note never changes: a correction is a new note that ``amends`` it.
Who may read a note is held in the guardian grant tables (``grants.py``);
``Share`` keeps the human record of each share — who asked, why, who revoked.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.choices import Sensitivity, ShareStatus
from agencies.models.agency import Agency
from agencies.models.records import Case, Market, Subject

USER = settings.AUTH_USER_MODEL


class ImmutableNoteError(Exception):
    """Raised when code tries to change a posted note."""


class CaseNote(models.Model):
    market = models.ForeignKey(
        Market, on_delete=models.CASCADE, null=True, blank=True, related_name="notes"
    )
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, null=True, blank=True, related_name="notes"
    )
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="notes"
    )
    amends = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="amendments",
        help_text=_("The note this one corrects."),
    )
    author = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    sensitivity = models.CharField(
        max_length=12, choices=Sensitivity.choices, default=Sensitivity.STANDARD
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.CheckConstraint(
                name="note_about_exactly_one_record",
                condition=(
                    models.Q(
                        market__isnull=False, subject__isnull=True, case__isnull=True
                    )
                    | models.Q(
                        market__isnull=True, subject__isnull=False, case__isnull=True
                    )
                    | models.Q(
                        market__isnull=True, subject__isnull=True, case__isnull=False
                    )
                ),
            )
        ]
        indexes = [models.Index(fields=["agency", "-id"], name="note_agency_recent")]

    def __str__(self):
        return f"Note {self.pk}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableNoteError("Posted notes never change; add an amendment.")
        super().save(*args, **kwargs)

    @property
    def about(self):
        return self.case or self.subject or self.market


class Share(models.Model):
    """One share (or proposal to share) of one record with an agency or a user."""

    market = models.ForeignKey(
        Market, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    note = models.ForeignKey(
        CaseNote, on_delete=models.CASCADE, null=True, blank=True, related_name="shares"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=300, help_text=_("The need to know."))
    status = models.CharField(
        max_length=10, choices=ShareStatus.choices, default=ShareStatus.ACTIVE
    )
    requested_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="share_has_one_recipient",
                condition=models.Q(agency__isnull=False, user__isnull=True)
                | models.Q(agency__isnull=True, user__isnull=False),
            )
        ]

    def __str__(self):
        return f"Share {self.pk}"

    @property
    def record(self):
        return self.note or self.case or self.subject or self.market

    @property
    def recipient(self):
        return self.agency or self.user
