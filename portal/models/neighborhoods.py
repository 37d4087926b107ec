"""Neighborhood progress pages: where each intervention stands and what changed."""

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from portal.choices import PHASE_DESCRIPTIONS, Phase


class NeighborhoodIndexPage(Page):
    """Lists every neighborhood in the partnership with its current phase."""

    introduction = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.NeighborhoodPage"]
    max_count = 1

    class Meta:
        verbose_name = _("neighborhood index page")

    def neighborhoods(self):
        return (
            NeighborhoodPage.objects.child_of(self)
            .live()
            .public()
            .with_phase_history()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["neighborhoods"] = self.neighborhoods()
        return context


class NeighborhoodPageQuerySet(PageQuerySet):
    def with_phase_history(self):
        return self.prefetch_related("phase_history")


class NeighborhoodPhase(Orderable):
    """One dated step in a neighborhood's phase timeline."""

    page = ParentalKey(
        "portal.NeighborhoodPage",
        on_delete=models.CASCADE,
        related_name="phase_history",
    )
    phase = models.CharField(max_length=20, choices=Phase.choices)
    started_on = models.DateField(help_text=_("The day this phase began."))
    note = models.CharField(
        max_length=250, blank=True, help_text=_("What happened, in one line.")
    )

    panels = [FieldPanel("phase"), FieldPanel("started_on"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("phase")


class NeighborhoodPage(RoutablePageMixin, Page):
    """One targeted neighborhood: its phase, what was done, meetings and figures."""

    summary = models.TextField(
        help_text=_("A sentence or two shown in lists and at the top of the page.")
    )
    boundary_description = models.TextField(
        help_text=_(
            "The market area in words, by street names and landmarks "
            "(never an exact address of a person)."
        )
    )
    what_was_done = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text=_("What the partnership has done here so far, in plain language."),
    )
    figures_source = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("Where the figures come from, e.g. 'Riverton Police Department'."),
    )
    figures_note = models.TextField(
        blank=True, help_text=_("Caveats about the figures, shown under the charts.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("boundary_description"),
        InlinePanel(
            "phase_history",
            label=_("Phase timeline"),
            min_num=1,
            help_text=_("The latest phase by date is the current one."),
        ),
        FieldPanel("what_was_done"),
        MultiFieldPanel(
            [FieldPanel("figures_source"), FieldPanel("figures_note")],
            heading=_("Figures"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("boundary_description"),
        index.SearchField("what_was_done"),
    ]
    parent_page_types = ["portal.NeighborhoodIndexPage"]
    subpage_types = ["portal.NeighborhoodUpdatePage"]

    objects = PageManager.from_queryset(NeighborhoodPageQuerySet)()

    class Meta:
        verbose_name = _("neighborhood page")

    @cached_property
    def timeline(self):
        """The phase history, oldest first."""
        return sorted(self.phase_history.all(), key=lambda step: step.started_on)

    @property
    def current_phase(self):
        return self.timeline[-1] if self.timeline else None

    @property
    def current_phase_description(self):
        phase = self.current_phase
        return PHASE_DESCRIPTIONS.get(phase.phase, "") if phase else ""

    @property
    def call_in_date(self):
        """The day of the (first) call-in, which splits figures into before/after."""
        for step in self.timeline:
            if step.phase == Phase.CALL_IN:
                return step.started_on
        return None

    def updates(self):
        return (
            NeighborhoodUpdatePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-pk")
        )

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from portal.feeds import NeighborhoodRssFeed

        return NeighborhoodRssFeed()(request, neighborhood=self)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from portal.feeds import NeighborhoodAtomFeed

        return NeighborhoodAtomFeed()(request, neighborhood=self)

    @path("figures-csv/", name="figures_csv")
    def figures_csv(self, request):
        from portal.figures.downloads import figures_csv_response

        return figures_csv_response(self)

    def get_context(self, request, *args, **kwargs):
        from portal.figures.presentation import figure_panels_for

        context = super().get_context(request, *args, **kwargs)
        context["updates"] = self.updates()[:10]
        context["figure_panels"] = figure_panels_for(self)
        context["today"] = timezone.localdate()
        return context


class NeighborhoodUpdatePage(Page):
    """A dated news item about one neighborhood, shown on its page and in feeds."""

    date = models.DateField(_("date"), help_text=_("The day this update is about."))
    summary = models.TextField(help_text=_("One or two sentences for lists and feeds."))
    body = StreamField(BaseStreamBlock())

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["portal.NeighborhoodPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("neighborhood update")

    @property
    def neighborhood(self):
        return self.get_parent().specific
