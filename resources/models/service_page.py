"""A service (HSDS service): what help, for whom, where, when, at what cost."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from resources.choices import STALE_AFTER_DAYS, ServiceStatus
from resources.forms import ServicePageForm
from resources.models.copying import FreshHsdsIdsOnCopy
from resources.models.schedules import OpeningHours, open_at_q
from resources.models.service_rows import ServiceArea, ServiceCategory, ServiceLanguage
from resources.models.taxonomy import TaxonomyTerm, hsds_uuid_field
from resources.models.verification import ServiceVerification


def stale_since(since, moment) -> bool:
    """A listing verified (or first published) at ``since`` is stale at ``moment``."""
    return since is not None and moment - since > timedelta(days=STALE_AFTER_DAYS)


class ServicePageQuerySet(PageQuerySet):
    """Filters the public search combines with AND; each is one SQL condition.

    They filter on ``id`` (a Wagtail FilterField) or on this page's own
    FilterFields, so they can be chained before ``.search()``.
    """

    def listed(self, *, private_q=None):
        """Live, public and not defunct: what the public directory shows.

        ``private_q`` is ``Page.objects.private_q()`` read once by a caller
        that needs it for several lists; without it ``public()`` reads the
        view restrictions again.
        """
        pages = self.live()
        pages = pages.public() if private_q is None else pages.exclude(private_q)
        return pages.exclude(status=ServiceStatus.DEFUNCT)

    def free(self):
        return self.filter(is_free=True)

    def for_age(self, age: int):
        return self.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
        )

    def in_category(self, term):
        terms = TaxonomyTerm.objects.with_descendants_of(term)
        rows = ServiceCategory.objects.filter(term__in=terms)
        return self.filter(id__in=rows.values("service_id"))

    def in_neighborhood(self, neighborhood):
        rows = ServiceArea.objects.filter(neighborhood=neighborhood)
        return self.filter(id__in=rows.values("service_id"))

    def in_language(self, code: str):
        rows = ServiceLanguage.objects.filter(language__code=code)
        return self.filter(id__in=rows.values("service_id"))

    def open_at(self, moment):
        rows = OpeningHours.objects.filter(open_at_q(moment))
        return self.filter(id__in=rows.values("service_id"))

    def open_now(self):
        return self.open_at(timezone.now())

    def with_verification(self):
        """Annotate ``latest_verified_at`` and ``verified_since``.

        The latter is the date staleness counts from: the last verification,
        or the first publication for a listing never verified.
        """
        latest = ServiceVerification.objects.filter(service=OuterRef("pk")).order_by(
            "-verified_at"
        )
        return self.annotate(
            latest_verified_at=Subquery(latest.values("verified_at")[:1]),
        ).annotate(
            verified_since=Coalesce(F("latest_verified_at"), F("first_published_at"))
        )

    def stale(self, now=None):
        cutoff = (now or timezone.now()) - timedelta(days=STALE_AFTER_DAYS)
        return self.with_verification().filter(verified_since__lt=cutoff)


ServicePageManager = PageManager.from_queryset(ServicePageQuerySet)


class ServicePage(FreshHsdsIdsOnCopy, Page):
    """One service a provider offers; the title is the HSDS service name."""

    hsds_id = hsds_uuid_field()
    alternate_name = models.CharField(max_length=255, blank=True)
    description = models.TextField(
        help_text=_("What the help is, in plain words a worried person understands.")
    )
    status = models.CharField(
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.ACTIVE,
        db_index=True,
        help_text=_("Defunct services leave the public directory but keep a record."),
    )
    alert = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("A short temporary notice, e.g. 'Closed 24-26 December'."),
    )
    # Not "url": that would hide Wagtail's Page.url (the page's own address).
    website = models.URLField(
        blank=True, help_text=_("The service's own web page (HSDS service.url).")
    )
    email = models.EmailField(blank=True)
    application_process = models.TextField(
        blank=True,
        help_text=_("How to get this help: walk in, call first, referral needed…"),
    )
    eligibility_description = models.TextField(
        blank=True, help_text=_("Who can get this help, in plain words.")
    )
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    is_free = models.BooleanField(
        default=False,
        db_index=True,
        help_text=_("Tick when nobody pays anything; leave the cost options empty."),
    )
    fees_description = models.TextField(
        blank=True, help_text=_("Fees in words: sliding scale, insurance taken…")
    )
    interpretation_services = models.TextField(
        blank=True, help_text=_("Interpreters available on request, phone lines…")
    )
    wait_time = models.CharField(max_length=255, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("status"),
        FieldPanel("alert"),
        FieldPanel("alternate_name"),
        FieldPanel("description"),
        InlinePanel("categories", label=_("Categories"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("application_process"),
                FieldPanel("eligibility_description"),
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                InlinePanel("required_documents", label=_("Documents to bring")),
                FieldPanel("wait_time"),
            ],
            heading=_("How to get this help"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldPanel("fees_description"),
                InlinePanel("cost_options", label=_("Cost options")),
            ],
            heading=_("Cost"),
        ),
        InlinePanel("service_at_locations", label=_("Where")),
        InlinePanel("opening_hours", label=_("Opening hours")),
        InlinePanel("service_areas", label=_("Neighborhoods served")),
        MultiFieldPanel(
            [
                InlinePanel("languages", label=_("Languages")),
                FieldPanel("interpretation_services"),
            ],
            heading=_("Languages"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                InlinePanel("phones", label=_("Phone numbers")),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("eligibility_description"),
        index.SearchField("application_process"),
        index.SearchField("alternate_name"),
        index.SearchField("organization_name"),
        index.RelatedFields("categories", [index.SearchField("term_name")]),
        index.FilterField("status"),
        index.FilterField("is_free"),
        index.FilterField("minimum_age"),
        index.FilterField("maximum_age"),
    ]
    parent_page_types = ["resources.OrganizationPage"]
    subpage_types = []
    base_form_class = ServicePageForm

    objects = ServicePageManager()

    class Meta:
        verbose_name = _("service page")

    def clean(self):
        super().clean()
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.maximum_age < self.minimum_age
        ):
            raise ValidationError(
                {"maximum_age": _("The maximum age must not be below the minimum.")}
            )

    # --- Search index and sitemap: a defunct service leaves both ---------------
    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().exclude(status=ServiceStatus.DEFUNCT)

    def get_sitemap_urls(self, request=None):
        if self.status == ServiceStatus.DEFUNCT:
            return []
        return super().get_sitemap_urls(request)

    # --- Query helpers -------------------------------------------------------
    @cached_property
    def organization(self):
        from resources.models.directory import OrganizationPage

        return OrganizationPage.objects.filter(
            path=self.path[: -self.steplen], depth=self.depth - 1
        ).first()

    def organization_name(self):
        organization = self.organization
        return organization.title if organization else ""

    @property
    def name(self):
        return self.title

    @property
    def is_listed(self):
        return self.live and self.status != ServiceStatus.DEFUNCT

    def serve(self, request, *args, **kwargs):
        # A defunct service leaves the public directory; its record stays in
        # the admin (and editors can still preview it).
        if self.status == ServiceStatus.DEFUNCT:
            raise Http404
        return super().serve(request, *args, **kwargs)

    @property
    def last_modified(self):
        """HSDS last_modified: when the public content last changed."""
        return self.last_published_at

    def is_open_at(self, moment) -> bool:
        return any(row.covers(moment) for row in self.opening_hours.all())

    @property
    def is_open_now(self) -> bool:
        return self.is_open_at(timezone.now())

    @cached_property
    def latest_verification(self):
        return self.verifications.select_related("verified_by").first()

    @property
    def assured_at(self):
        """When it was last verified (None if never); uses the annotation if any."""
        if hasattr(self, "latest_verified_at"):
            return self.latest_verified_at
        verification = self.latest_verification
        return verification.verified_at if verification else None

    @property
    def assurer_email(self):
        verification = self.latest_verification
        return verification.assurer_email if verification else ""

    @property
    def verification_due_from(self):
        """Staleness counts from here: last verification, else first publication."""
        if hasattr(self, "verified_since"):
            return self.verified_since
        return self.assured_at or self.first_published_at

    def is_stale_at(self, moment) -> bool:
        return stale_since(self.verification_due_from, moment)

    @property
    def is_stale(self) -> bool:
        """Public flag: 'last verified … — please call ahead'."""
        return self.is_stale_at(timezone.now())
