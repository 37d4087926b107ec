"""Repeating rows of a service page; each is an HSDS object with its own id."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from resources.choices import PhoneType
from resources.models.taxonomy import hsds_uuid_field


class ServiceCategory(Orderable):
    """A category of the service (an HSDS attribute linking it to a term)."""

    hsds_id = hsds_uuid_field()
    service = ParentalKey(
        "resources.ServicePage", on_delete=models.CASCADE, related_name="categories"
    )
    term = models.ForeignKey(
        "resources.TaxonomyTerm", on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("term")]

    def term_name(self):
        """The term with its ancestors, so 'opioid' finds buprenorphine services."""
        names, term = [], self.term
        while term is not None:
            names.append(term.name)
            term = term.parent
        return " ".join(names)

    class Meta(Orderable.Meta):
        verbose_name = _("category")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "term"], name="resources_service_term_unique"
            )
        ]


class ServiceLanguage(Orderable):
    """A language the service is offered in (HSDS language)."""

    hsds_id = hsds_uuid_field()
    service = ParentalKey(
        "resources.ServicePage", on_delete=models.CASCADE, related_name="languages"
    )
    language = models.ForeignKey(
        "resources.Language", on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(
        max_length=255, blank=True, help_text=_("E.g. 'Tuesdays only'.")
    )

    panels = [FieldPanel("language"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("language")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "language"], name="resources_service_lang_unique"
            )
        ]


class CostOption(Orderable):
    """A price (HSDS cost_option); a free service needs none (see is_free)."""

    hsds_id = hsds_uuid_field()
    service = ParentalKey(
        "resources.ServicePage", on_delete=models.CASCADE, related_name="cost_options"
    )
    option = models.CharField(
        max_length=255, help_text=_("What the price is for, e.g. 'Per session'.")
    )
    amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    currency = models.CharField(
        max_length=3, default="USD", help_text=_("ISO 4217 code.")
    )
    amount_description = models.CharField(
        max_length=255, blank=True, help_text=_("E.g. 'sliding scale by income'.")
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    panels = [
        FieldPanel("option"),
        FieldPanel("amount"),
        FieldPanel("currency"),
        FieldPanel("amount_description"),
        FieldPanel("valid_from"),
        FieldPanel("valid_to"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("cost option")


class RequiredDocument(Orderable):
    """A document a person must bring (HSDS required_document)."""

    hsds_id = hsds_uuid_field()
    service = ParentalKey(
        "resources.ServicePage",
        on_delete=models.CASCADE,
        related_name="required_documents",
    )
    document = models.CharField(
        max_length=255, help_text=_("E.g. 'Photo ID, or a letter from probation'.")
    )
    uri = models.URLField(blank=True, help_text=_("Where to learn more (optional)."))

    panels = [FieldPanel("document"), FieldPanel("uri")]

    class Meta(Orderable.Meta):
        verbose_name = _("required document")


class ServiceArea(Orderable):
    """A DMI neighborhood the service serves (HSDS service_area)."""

    hsds_id = hsds_uuid_field()
    service = ParentalKey(
        "resources.ServicePage", on_delete=models.CASCADE, related_name="service_areas"
    )
    neighborhood = models.ForeignKey(
        "portal.NeighborhoodPage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("neighborhood")]

    class Meta(Orderable.Meta):
        verbose_name = _("neighborhood served")
        verbose_name_plural = _("neighborhoods served")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "neighborhood"], name="resources_service_area_unique"
            )
        ]


class ServicePhone(Orderable):
    """A phone number specific to the service (HSDS phone with service_id)."""

    hsds_id = hsds_uuid_field()
    service = ParentalKey(
        "resources.ServicePage", on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(max_length=50)
    extension = models.PositiveIntegerField(null=True, blank=True)
    type = models.CharField(
        max_length=20, choices=PhoneType.choices, default=PhoneType.VOICE
    )
    description = models.CharField(max_length=255, blank=True)

    panels = [
        FieldPanel("number"),
        FieldPanel("extension"),
        FieldPanel("type"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phone number")
