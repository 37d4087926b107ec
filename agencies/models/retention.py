"""28 CFR Part 23 review dates shared by subjects and cases."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RETENTION_YEARS = 5


def review_date_from(day: datetime.date) -> datetime.date:
    """Five years after ``day`` (29 February falls back to 28 February)."""
    try:
        return day.replace(year=day.year + RETENTION_YEARS)
    except ValueError:
        return day.replace(year=day.year + RETENTION_YEARS, day=28)


def default_review_date() -> datetime.date:
    return review_date_from(timezone.localdate())


class RetainedRecord(models.Model):
    """Created, last validated, and when it must next be reviewed."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    review_due = models.DateField(
        default=default_review_date,
        db_index=True,
        help_text=_("Five years after creation or the last validation."),
    )
    validated_at = models.DateTimeField(null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    validation_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True
