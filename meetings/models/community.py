"""Public community meetings. (Joint call-ins, which are confidential, come later.)"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from meetings.calendar import calendar_sequence
from meetings.choices import MeetingStatus


class CommunityMeetingQuerySet(models.QuerySet):
    def upcoming(self, *, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, *, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")


class CommunityMeeting(index.Indexed, models.Model):
    """A public meeting residents may attend about a neighborhood's intervention."""

    uid = models.UUIDField(
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Stable calendar identifier."),
    )
    title = models.CharField(max_length=200)
    neighborhood = models.ForeignKey(
        "portal.NeighborhoodPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_meetings",
        help_text=_("Leave empty for a city-wide meeting."),
    )
    status = models.CharField(
        max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place_name = models.CharField(_("place"), max_length=200)
    address = models.CharField(max_length=250)
    accessibility_notes = models.TextField(
        blank=True, help_text=_("Step-free access, hearing loop, parking, transit.")
    )
    language_support = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Languages interpreted at the meeting, e.g. 'Spanish, ASL'."),
    )
    agenda = RichTextField(blank=True, features=["bold", "italic", "ol", "ul", "link"])
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("neighborhood"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [FieldPanel("place_name"), FieldPanel("address")], heading=_("Where")
        ),
        FieldPanel("accessibility_notes"),
        FieldPanel("language_support"),
        FieldPanel("agenda"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("place_name"),
        index.AutocompleteField("title"),
    ]

    objects = CommunityMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("community meeting")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="community_meeting_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("meetings:community_meeting", kwargs={"pk": self.pk})

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A meeting must end after it starts.")})

    def get_ics_url(self):
        return reverse("meetings:community_meeting_ics", kwargs={"pk": self.pk})

    @property
    def sequence(self) -> int:
        """Calendar SEQUENCE: seconds from 2020 to the last change, so it only grows."""
        return calendar_sequence(self.updated_at)

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED
