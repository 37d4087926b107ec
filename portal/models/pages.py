"""Home, standard and volunteer sign-up pages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from portal.ratelimit import rate_limit_exceeded, too_many_requests


class HomePage(Page):
    """The public front door: what DMI is, where it is working, how to help."""

    intro = models.TextField(
        help_text=_("One or two sentences under the title saying what this is.")
    )
    why = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text=_("Why a new approach: what went wrong before."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text=_("How DMI differs from regular prosecution, FAQs, more."),
    )
    community_role = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text=_("What residents can do: report, reclaim, mentor, refer."),
    )
    directory_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The service directory, linked from the home page."),
    )
    volunteer_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The volunteer and mentor sign-up form."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("why"),
        FieldPanel("body"),
        FieldPanel("community_role"),
        MultiFieldPanel(
            [FieldPanel("directory_page"), FieldPanel("volunteer_page")],
            heading=_("Links"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("why"),
        index.SearchField("body"),
        index.SearchField("community_role"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types here on purpose: feature apps (the directory) hang their
    # index pages under home through their own parent_page_types, and portal
    # must not name their models. Every page type limits its parents.
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def active_neighborhoods(self):
        from portal.models.neighborhoods import NeighborhoodPage

        return NeighborhoodPage.objects.live().public().with_phase_history()

    def latest_updates(self, limit=5):
        from portal.models.neighborhoods import NeighborhoodUpdatePage
        from portal.update_lists import with_neighborhood_titles

        return with_neighborhood_titles(
            NeighborhoodUpdatePage.objects.live()
            .public()
            .order_by("-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["neighborhoods"] = self.active_neighborhoods()
        context["latest_updates"] = self.latest_updates()
        return context


class StandardPage(Page):
    """A general content page built from the shared blocks."""

    introduction = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock())

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage", "portal.VolunteerFormPage"]

    class Meta:
        verbose_name = _("standard page")


class VolunteerFormField(AbstractFormField):
    page = ParentalKey(
        "VolunteerFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class VolunteerFormPage(AbstractEmailForm):
    """Volunteer and mentor sign-up: each submission is stored and mailed to editors."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email to editors"),
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro")]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("volunteer sign-up page")

    def serve(self, request, *args, **kwargs):
        # Public form: sending it is rate-limited per address (reading is not).
        if rate_limit_exceeded(
            request, group="volunteer-form", rate=settings.PUBLIC_FORM_RATE_LIMIT
        ):
            return too_many_requests(request)
        return super().serve(request, *args, **kwargs)

    def editor_addresses(self) -> list[str]:
        """The page's addresses, or the site's editors when the page names none."""
        addresses = [part.strip() for part in self.to_address.split(",")]
        return [address for address in addresses if address] or [settings.EDITORS_EMAIL]

    def process_form_submission(self, form):
        # Wagtail mails only when to_address is set; editors must hear about
        # every sign-up, so always store it and then always mail.
        submission = super(AbstractEmailForm, self).process_form_submission(form)
        self.send_mail(form)
        return submission

    def send_mail(self, form):
        send_mail(
            self.subject or str(_("New volunteer sign-up")),
            self.render_email(form),
            self.editor_addresses(),
            self.from_address,
        )
