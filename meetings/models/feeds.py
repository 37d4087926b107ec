"""Private calendar feed tokens: one per user, stored only as a hash."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meetings.models.confidential import ConfidentialModel


class CalendarFeedToken(ConfidentialModel):
    """SHA-256 of the user's feed token; the token itself is shown once.

    A stolen database reveals no working feed URL, and regenerating replaces
    the row's hash so the old URL stops at once.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed_token",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("calendar feed token")

    def __str__(self):
        return f"Calendar feed token of user {self.user_id}"
