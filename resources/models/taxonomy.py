"""Categories (HSDS taxonomy and taxonomy_term) and languages, kept as snippets."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


def hsds_uuid_field():
    """The HSDS id: stable across exports and imports, never a Wagtail pk."""
    return models.UUIDField(
        default=uuid.uuid4,
        unique=True,
        editable=False,
        verbose_name=_("HSDS id"),
    )


class Taxonomy(index.Indexed, models.Model):
    """A named category scheme (HSDS taxonomy), e.g. the DMI service categories."""

    hsds_id = hsds_uuid_field()
    name = models.CharField(max_length=255, unique=True)
    description = models.TextField(help_text=_("What this scheme classifies."))
    uri = models.URLField(blank=True, help_text=_("Where the scheme is published."))
    version = models.CharField(max_length=50, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("uri"),
        FieldPanel("version"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")

    def __str__(self):
        return self.name


class TaxonomyTermQuerySet(models.QuerySet):
    def roots(self):
        return self.filter(parent__isnull=True)

    def with_descendants_of(self, term):
        """The term and everything under it, in one query (the tree is 3 deep)."""
        return self.filter(
            Q(pk=term.pk) | Q(parent=term.pk) | Q(parent__parent=term.pk)
        )


class TaxonomyTerm(index.Indexed, models.Model):
    """One category; ``parent`` makes the tree (e.g. Buprenorphine under MOUD)."""

    hsds_id = hsds_uuid_field()
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.PROTECT, related_name="terms"
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a top-level category."),
    )
    code = models.SlugField(
        max_length=100,
        help_text=_("Short stable code used in links and exports, e.g. 'housing'."),
    )
    name = models.CharField(max_length=255)
    description = models.TextField(help_text=_("What belongs in this category."))
    term_uri = models.URLField(blank=True)

    panels = [
        FieldPanel("taxonomy"),
        FieldPanel("parent"),
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("term_uri"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    objects = TaxonomyTermQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(
                fields=["taxonomy", "code"], name="resources_term_code_unique"
            )
        ]

    def __str__(self):
        if self.parent_id:
            return f"{self.parent} › {self.name}"
        return self.name


class Language(index.Indexed, models.Model):
    """A language services are offered in, named by its ISO 639 code."""

    code = models.CharField(
        max_length=8,
        unique=True,
        help_text=_("ISO 639-1 code (en, es) or ISO 639-3 where none (ase = ASL)."),
    )
    name = models.CharField(max_length=100, help_text=_("Name in English."))
    native_name = models.CharField(
        max_length=100, blank=True, help_text=_("Name in the language itself.")
    )

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("native_name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")

    def __str__(self):
        return self.name
