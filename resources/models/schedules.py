"""Weekly opening hours (HSDS schedule rows with freq=WEEKLY) and "open now".

Representation, one row per period:
- ``closes_at`` later than ``opens_at``: open that day between the two times;
- ``closes_at`` earlier than ``opens_at``: the period runs past midnight and
  ends on the next day (Friday 22:00-02:00 covers Saturday 01:00);
- ``closes_at`` equal to ``opens_at``: open 24 hours from ``opens_at``
  (00:00-00:00 is the whole day);
- several rows on one day are several periods; a day without rows is closed.
Times are wall-clock times in the site's time zone (settings.TIME_ZONE), so a
period keeps its local hours across daylight-saving changes.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from resources.choices import Weekday
from resources.models.taxonomy import hsds_uuid_field


def site_timezone():
    return ZoneInfo(settings.TIME_ZONE)


def local_moment(moment: datetime) -> datetime:
    """The moment on the site's wall clock (naive datetimes are taken as local)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=site_timezone())
    return moment.astimezone(site_timezone())


def _valid_on(valid_from, valid_to, day) -> bool:
    return (valid_from is None or valid_from <= day) and (
        valid_to is None or valid_to >= day
    )


def _valid_on_q(day):
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def open_at_q(moment: datetime) -> Q:
    """Rows whose period covers ``moment``: the SQL twin of ``covers()``.

    A period counts from the day it starts, so a past-midnight period is found
    through yesterday's rows and must be valid on yesterday's date.
    """
    local = local_moment(moment)
    today, now = local.date(), local.time().replace(tzinfo=None)
    yesterday = today - timedelta(days=1)
    wraps = Q(closes_at__lte=F("opens_at"))  # ends the next day (or 24 hours)
    started_today = (
        Q(day_of_week=today.weekday(), opens_at__lte=now)
        & (Q(closes_at__gt=now) | wraps)
        & _valid_on_q(today)
    )
    from_yesterday = (
        Q(day_of_week=yesterday.weekday(), closes_at__gt=now)
        & wraps
        & _valid_on_q(yesterday)
    )
    return started_today | from_yesterday


class OpeningHours(Orderable):
    """One weekly opening period of a service (see the module docstring)."""

    hsds_id = hsds_uuid_field()
    service = ParentalKey(
        "resources.ServicePage", on_delete=models.CASCADE, related_name="opening_hours"
    )
    day_of_week = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens_at = models.TimeField(help_text=_("Local time the period starts."))
    closes_at = models.TimeField(
        help_text=_(
            "Local time it ends. Earlier than the opening time means the next "
            "day; the same as the opening time means open 24 hours."
        )
    )
    valid_from = models.DateField(
        null=True, blank=True, help_text=_("First day these hours apply (optional).")
    )
    valid_to = models.DateField(
        null=True, blank=True, help_text=_("Last day these hours apply (optional).")
    )
    notes = models.CharField(
        max_length=255, blank=True, help_text=_("E.g. 'walk-ins until 3 pm'.")
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("day_of_week"), FieldPanel("opens_at"), FieldPanel("closes_at")]
        ),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
        FieldPanel("notes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_day_of_week_display()} {self.describe_times()}"

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError(
                {"valid_to": _("The last day must not be before the first day.")}
            )

    @property
    def is_24_hours(self) -> bool:
        return self.opens_at == self.closes_at

    @property
    def ends_next_day(self) -> bool:
        return self.closes_at <= self.opens_at

    def describe_times(self) -> str:
        if self.is_24_hours and self.opens_at == time(0, 0):
            return str(_("open 24 hours"))
        closes = self.closes_at.strftime("%H:%M")
        if self.ends_next_day:
            closes = _("%(time)s the next day") % {"time": closes}
        return f"{self.opens_at:%H:%M}–{closes}"

    def covers(self, moment: datetime) -> bool:
        """True when the period is running at ``moment`` (any time zone)."""
        local = local_moment(moment)
        now = local.time().replace(tzinfo=None)
        today = local.date()
        if (
            self.day_of_week == today.weekday()
            and self.opens_at <= now
            and (self.ends_next_day or now < self.closes_at)
        ):
            return _valid_on(self.valid_from, self.valid_to, today)
        yesterday = today - timedelta(days=1)
        if (
            self.day_of_week == yesterday.weekday()
            and self.ends_next_day
            and now < self.closes_at
        ):
            return _valid_on(self.valid_from, self.valid_to, yesterday)
        return False
