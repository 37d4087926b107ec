"""Settings editors change in the admin: phone numbers and contact addresses."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """How residents reach the partnership: shown in header, footer and home page."""

    partnership_name = models.CharField(
        max_length=120,
        default="Riverton Drug Market Intervention",
        help_text=_("Shown in the header of every public page."),
    )
    emergency_number = models.CharField(
        max_length=20, default="911", help_text=_("For drug activity happening now.")
    )
    police_non_emergency_number = models.CharField(
        max_length=30,
        default="(555) 010-0100",
        help_text=_("For reporting past or ongoing activity that is not an emergency."),
    )
    tip_line_text = models.TextField(
        blank=True,
        help_text=_("Extra advice on reporting, e.g. anonymous tip lines."),
    )
    editors_email = models.EmailField(
        blank=True,
        help_text=_("Where public form submissions are sent (defaults to the site's)."),
    )
    footer_text = models.TextField(blank=True)

    panels = [
        FieldPanel("partnership_name"),
        MultiFieldPanel(
            [
                FieldPanel("emergency_number"),
                FieldPanel("police_non_emergency_number"),
                FieldPanel("tip_line_text"),
            ],
            heading=_("Reporting drug activity"),
        ),
        FieldPanel("editors_email"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("portal settings")
