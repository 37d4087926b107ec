"""Which signed-in sessions belong to whom, so administrators can end them.

Django's session table stores the user id only inside the encoded session
data, and with the ``cached_db`` engine the live copy is in Redis. One small
row per signed-in session names the user, when it started and (to the
minute) when it was last used, from where and with which browser. The row is
written at sign-in, touched at most once a minute and removed when the
session ends (sign-out, time-out, ended by an administrator, account
disabled); the audit log keeps the history.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserSession(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="signed_in_sessions",
    )
    session_key = models.CharField(max_length=40, unique=True)
    started_at = models.DateTimeField()
    last_activity = models.DateTimeField(help_text=_("Updated at most once a minute."))
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-last_activity", "-id"]
        verbose_name = _("signed-in session")
        verbose_name_plural = _("signed-in sessions")
        indexes = [models.Index(fields=["user", "last_activity"])]

    def __str__(self):
        return f"{self.user_id} since {self.started_at:%Y-%m-%d %H:%M}"
