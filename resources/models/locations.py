"""Where services are delivered (HSDS location, address and accessibility).

Locations are rows of their organization's page, not snippets: Wagtail checks
snippet permissions per model, so a provider able to edit one location could
edit every provider's. As page rows they follow the page's permissions and
moderation workflow.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from resources.choices import LocationType
from resources.models.taxonomy import hsds_uuid_field


class Location(Orderable):
    """One place an organization serves people, with its physical address."""

    hsds_id = hsds_uuid_field()
    organization = ParentalKey(
        "resources.OrganizationPage", on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(max_length=255, help_text=_("E.g. 'Eastgate clinic'."))
    location_type = models.CharField(
        max_length=20, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    description = models.TextField(blank=True)
    # The HSDS address and accessibility objects are one-per-location here;
    # they keep their own ids so exports and imports stay stable.
    address_hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    address_1 = models.CharField(_("street address"), max_length=255, blank=True)
    address_2 = models.CharField(_("address line 2"), max_length=255, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state_province = models.CharField(_("state"), max_length=100, blank=True)
    postal_code = models.CharField(_("ZIP code"), max_length=20, blank=True)
    country = models.CharField(
        max_length=2, default="US", help_text=_("ISO 3166-1 alpha-2 country code.")
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    transportation = models.TextField(
        blank=True, help_text=_("Bus lines, stops and parking near the door.")
    )
    accessibility_hsds_id = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False
    )
    accessibility_details = models.TextField(
        blank=True,
        help_text=_("Step-free entrance, lifts, accessible toilets, hearing loops."),
    )
    neighborhood = models.ForeignKey(
        "portal.NeighborhoodPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_locations",
        help_text=_("The DMI neighborhood this place is in, if any."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("location_type"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address_1"),
                FieldPanel("address_2"),
                FieldRowPanel(
                    [
                        FieldPanel("city"),
                        FieldPanel("state_province"),
                        FieldPanel("postal_code"),
                        FieldPanel("country"),
                    ]
                ),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        FieldPanel("neighborhood"),
        FieldPanel("transportation"),
        FieldPanel("accessibility_details"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("location")

    def __str__(self):
        return self.name

    @property
    def has_address(self):
        return bool(self.address_1 and self.city)

    @property
    def one_line_address(self):
        parts = [self.address_1, self.address_2, self.city]
        line = ", ".join(part for part in parts if part)
        tail = " ".join(
            part for part in [self.state_province, self.postal_code] if part
        )
        return f"{line}, {tail}" if line and tail else line or tail


class ServiceAtLocation(Orderable):
    """A service offered at one of its organization's locations (HSDS row)."""

    hsds_id = hsds_uuid_field()
    service = ParentalKey(
        "resources.ServicePage",
        on_delete=models.CASCADE,
        related_name="service_at_locations",
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    description = models.TextField(
        blank=True, help_text=_("Anything different about the service at this place.")
    )

    panels = [FieldPanel("location"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("service location")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "location"], name="resources_sal_unique"
            )
        ]

    def __str__(self):
        return f"{self.service} @ {self.location}"
