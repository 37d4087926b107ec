"""Fixed lists of the service directory, with the values HSDS 3.1 uses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceStatus(models.TextChoices):
    """HSDS 3.1 service.status: the exact strings the specification allows."""

    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("Defunct (closed for good)")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")


class Weekday(models.IntegerChoices):
    """Days numbered like Python's ``date.weekday()``: Monday is 0."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


# HSDS schedules use iCalendar BYDAY codes; schema.org uses day URIs.
WEEKDAY_ICAL = {0: "MO", 1: "TU", 2: "WE", 3: "TH", 4: "FR", 5: "SA", 6: "SU"}
WEEKDAY_SCHEMA_ORG = {
    0: "https://schema.org/Monday",
    1: "https://schema.org/Tuesday",
    2: "https://schema.org/Wednesday",
    3: "https://schema.org/Thursday",
    4: "https://schema.org/Friday",
    5: "https://schema.org/Saturday",
    6: "https://schema.org/Sunday",
}


class LocationType(models.TextChoices):
    """HSDS 3.1 location.location_type."""

    PHYSICAL = "physical", _("Physical (people can visit)")
    POSTAL = "postal", _("Postal (mail only)")
    VIRTUAL = "virtual", _("Virtual (online or phone)")


class PhoneType(models.TextChoices):
    """HSDS 3.1 phone.type."""

    VOICE = "voice", _("Voice")
    TEXT = "text", _("Text message")
    FAX = "fax", _("Fax")
    CELL = "cell", _("Cell")
    VIDEO = "video", _("Video")
    PAGER = "pager", _("Pager")
    TEXTPHONE = "textphone", _("Textphone (TTY)")


# A listing nobody has confirmed for this long is stale; reminders go out at
# REMINDER_AFTER_DAYS so the provider has a month to check it first.
STALE_AFTER_DAYS = 365
REMINDER_AFTER_DAYS = 335

DIRECTORY_EDITORS_GROUP = "Directory editors"
DIRECTORY_WORKFLOW_NAME = "Directory review"
PROVIDER_GROUP_PREFIX = "Provider: "
