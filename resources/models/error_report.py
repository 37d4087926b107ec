"""What a visitor said is wrong with a listing ("Report an error")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ErrorReport(models.Model):
    """One report; the directory editors get it by email and fix the listing."""

    service = models.ForeignKey(
        "resources.ServicePage", on_delete=models.CASCADE, related_name="error_reports"
    )
    name = models.CharField(_("your name"), max_length=120, blank=True)
    email = models.EmailField(_("your email"), blank=True)
    message = models.TextField(_("what is wrong"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("error report")

    def __str__(self):
        return f"{self.service_id} reported {self.created_at:%Y-%m-%d}"
