"""The directory's top two page levels: the directory itself and providers."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from resources.choices import PhoneType
from resources.models.copying import FreshHsdsIdsOnCopy
from resources.models.taxonomy import hsds_uuid_field


class ServiceDirectoryPage(FreshHsdsIdsOnCopy, Page):
    """The public directory home: categories, search and the providers under it."""

    hsds_id = hsds_uuid_field()  # publishes the directory as one HSDS dataset
    introduction = models.TextField(
        blank=True, help_text=_("One or two sentences on what help is listed here.")
    )
    help_text_for_seekers = models.TextField(
        blank=True,
        help_text=_("What to do if nothing fits, e.g. 'call 211 at any time'."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("help_text_for_seekers"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["resources.OrganizationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("service directory page")


class OrganizationPage(FreshHsdsIdsOnCopy, Page):
    """A provider (HSDS organization); its services are its child pages.

    Each organization has a provider group (see ``ProviderGroup``) whose members
    edit this page and its services only, through the directory's workflow.
    """

    hsds_id = hsds_uuid_field()
    alternate_name = models.CharField(
        max_length=255, blank=True, help_text=_("Another name people know it by.")
    )
    description = models.TextField(
        help_text=_("What the organization does, in plain words.")
    )
    website = models.URLField(blank=True)
    email = models.EmailField(
        blank=True, help_text=_("Public contact address; also gets reminders.")
    )
    legal_status = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("E.g. 'Nonprofit 501(c)(3)', 'County agency'."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("alternate_name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                InlinePanel("phones", label=_("Phone numbers")),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("legal_status"),
        FieldPanel("logo"),
        InlinePanel("locations", label=_("Locations")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("alternate_name"),
    ]
    parent_page_types = ["resources.ServiceDirectoryPage"]
    subpage_types = ["resources.ServicePage"]

    class Meta:
        verbose_name = _("organization page")

    @property
    def name(self):
        return self.title

    def services(self):
        from resources.models.service_page import ServicePage

        return ServicePage.objects.child_of(self)

    @cached_property
    def provider_group(self):
        link = ProviderGroup.objects.filter(organization=self).first()
        return link.group if link else None


class OrganizationPhone(Orderable):
    """One phone number of an organization (HSDS phone)."""

    hsds_id = hsds_uuid_field()
    organization = ParentalKey(
        OrganizationPage, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(max_length=50)
    extension = models.PositiveIntegerField(null=True, blank=True)
    type = models.CharField(
        max_length=20, choices=PhoneType.choices, default=PhoneType.VOICE
    )
    description = models.CharField(
        max_length=255, blank=True, help_text=_("E.g. 'Front desk, weekdays'.")
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("extension"),
        FieldPanel("type"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phone number")

    def __str__(self):
        return self.number


class ProviderGroup(models.Model):
    """Links an organization to the Django group of people who maintain it.

    Kept off the page on purpose: a field on the page would be copied into
    revisions, and publishing an old revision would undo the link.
    """

    organization = models.OneToOneField(
        OrganizationPage, on_delete=models.CASCADE, related_name="provider_group_link"
    )
    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="provider_organization_link"
    )

    class Meta:
        verbose_name = _("provider group")

    def __str__(self):
        return self.group.name
