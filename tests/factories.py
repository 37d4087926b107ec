"""Builders for test data. Use these instead of writing page trees by hand."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site

from meetings.models import CommunityMeeting
from portal.choices import Phase
from portal.models import (
    HomePage,
    NeighborhoodIndexPage,
    NeighborhoodPage,
    NeighborhoodPhase,
    NeighborhoodUpdatePage,
    StandardPage,
)


def publish(page):
    page.save_revision().publish()
    return page


def site_with_home(**fields) -> HomePage:
    """A HomePage as the default site's root, replacing Wagtail's welcome page."""
    # After a live-server (transactional) test even the root page may be gone.
    root = wagtail_tree_root()
    for placeholder in root.get_children():  # Wagtail's "Welcome" page
        placeholder.delete()
    home = root.add_child(
        instance=HomePage(
            title=fields.pop("title", "Riverton DMI"),
            slug=fields.pop("slug", "home"),
            intro=fields.pop("intro", "Closing drug markets together."),
            why=fields.pop("why", "<p>Sweeps did not work.</p>"),
            community_role=fields.pop("community_role", "<p>Report and mentor.</p>"),
            **fields,
        )
    )
    publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


def neighborhood_index(home, **fields) -> NeighborhoodIndexPage:
    page = home.add_child(
        instance=NeighborhoodIndexPage(
            title=fields.pop("title", "Neighborhoods"),
            slug=fields.pop("slug", "neighborhoods"),
            **fields,
        )
    )
    return publish(page)


def neighborhood(
    index, *, title="Eastgate", phases=None, call_in=None, **fields
) -> NeighborhoodPage:
    """A published neighborhood; ``phases`` is a list of (phase, date) pairs."""
    if phases is None:
        start = call_in or date(2025, 6, 1)
        phases = [(Phase.INVESTIGATION, start - timedelta(days=120))]
        if call_in:
            phases.append((Phase.CALL_IN, call_in))
    page = NeighborhoodPage(
        title=title,
        slug=fields.pop("slug", title.lower().replace(" ", "-")),
        summary=fields.pop("summary", f"What is happening in {title}."),
        boundary_description=fields.pop("boundary_description", "Pine St to 7th Ave."),
        **fields,
    )
    for order, (phase, started_on) in enumerate(phases):
        page.phase_history.add(
            NeighborhoodPhase(sort_order=order, phase=phase, started_on=started_on)
        )
    index.add_child(instance=page)
    return publish(page)


def update(neighborhood_page, *, title="Cases are being built", **fields):
    page = neighborhood_page.add_child(
        instance=NeighborhoodUpdatePage(
            title=title,
            slug=fields.pop("slug", title.lower().replace(" ", "-")),
            date=fields.pop("date", timezone.localdate()),
            summary=fields.pop("summary", "An update."),
            body=fields.pop("body", [("paragraph", "<p>Details.</p>")]),
            **fields,
        )
    )
    return publish(page)


def standard_page(parent, *, title="About", **fields):
    page = parent.add_child(
        instance=StandardPage(
            title=title,
            slug=fields.pop("slug", title.lower().replace(" ", "-")),
            body=fields.pop("body", [("paragraph", "<p>About us.</p>")]),
            **fields,
        )
    )
    return publish(page)


def user(username="someone", **fields):
    User = get_user_model()
    return User.objects.create_user(
        username=username,
        email=fields.pop("email", f"{username}@example.org"),
        password=fields.pop("password", "a-long-test-password-1"),
        **fields,
    )


def community_meeting(
    neighborhood_page=None, *, title="Eastgate community meeting", **fields
):
    """A scheduled public meeting a week from now, lasting 90 minutes."""
    starts_at = fields.pop("starts_at", timezone.now() + timedelta(days=7))
    return CommunityMeeting.objects.create(
        title=title,
        neighborhood=neighborhood_page,
        starts_at=starts_at,
        ends_at=fields.pop("ends_at", starts_at + timedelta(minutes=90)),
        place_name=fields.pop("place_name", "Eastgate Library"),
        address=fields.pop("address", "12 Pine St, Riverton"),
        accessibility_notes=fields.pop("accessibility_notes", "Step-free entrance."),
        language_support=fields.pop("language_support", "Spanish, ASL"),
        agenda=fields.pop("agenda", "<ul><li>Welcome</li><li>Questions</li></ul>"),
        **fields,
    )


def draft_update(neighborhood_page, *, title="Draft update", **fields):
    """An update saved as a draft: never published, so never public."""
    page = NeighborhoodUpdatePage(
        title=title,
        slug=fields.pop("slug", title.lower().replace(" ", "-")),
        date=fields.pop("date", timezone.localdate()),
        summary=fields.pop("summary", "Not public yet."),
        body=fields.pop("body", [("paragraph", "<p>Not public yet.</p>")]),
        live=False,
        **fields,
    )
    neighborhood_page.add_child(instance=page)
    page.save_revision()
    return page


def restrict_to_logged_in(page):
    """Put a Wagtail view restriction on the page: only signed-in users see it."""
    from wagtail.models import PageViewRestriction

    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def wagtail_tree_root() -> Page:
    """The locale, root collection and root page Wagtail's migrations create.

    Live-server (transactional) tests flush every table between tests, taking
    these rows with them; rebuilding three rows is far cheaper than restoring a
    serialized copy of the whole database.
    """
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def figures(
    neighborhood_page,
    counts,
    *,
    series="drug_offenses",
    area="market",
    start=date(2024, 1, 1),
):
    """One NeighborhoodFigure per month from ``start``; a None count skips a month."""
    from portal.figures.months import add_months
    from portal.models import NeighborhoodFigure

    return NeighborhoodFigure.objects.bulk_create(
        NeighborhoodFigure(
            neighborhood=neighborhood_page,
            month=add_months(start, index),
            series=series,
            area=area,
            count=count,
        )
        for index, count in enumerate(counts)
        if count is not None
    )


# --- Service directory (resources) ---------------------------------------


def directory_lists_seeded():
    """The categories and languages the migration seeds.

    Live-server (transactional) tests empty every table between tests, seeded
    rows too; this puts them back (the seed itself is idempotent).
    """
    import importlib

    from django.apps import apps

    from resources.models import TaxonomyTerm

    if not TaxonomyTerm.objects.exists():
        seed_module = importlib.import_module(
            "resources.migrations.0002_seed_categories"
        )
        seed_module.seed(apps, None)


def directory_page(home, **fields):
    """The published service directory under home, with its review workflow."""
    from resources.models import ServiceDirectoryPage
    from resources.services import directory_workflow_ensure

    directory_lists_seeded()
    page = home.add_child(
        instance=ServiceDirectoryPage(
            title=fields.pop("title", "Find help"),
            slug=fields.pop("slug", "find-help"),
            introduction=fields.pop("introduction", "Help near you, free or cheap."),
            **fields,
        )
    )
    publish(page)
    directory_workflow_ensure(directory_page=page)
    return page


def organization(
    directory, *, title="Riverton Recovery Center", locations=(), **fields
):
    """A published provider with its provider group; ``locations`` are dicts."""
    from resources.models import Location, OrganizationPage, OrganizationPhone
    from resources.services import organization_provider_group_ensure

    page = OrganizationPage(
        title=title,
        slug=fields.pop("slug", title.lower().replace(" ", "-")),
        description=fields.pop("description", f"{title} helps people in Riverton."),
        email=fields.pop("email", "contact@provider.example.org"),
        **fields,
    )
    page.phones.add(OrganizationPhone(number="555-0100"))
    for location_fields in locations or [{"name": f"{title} main office"}]:
        defaults = {
            "address_1": "1 Main St",
            "city": "Riverton",
            "state_province": "CA",
        }
        page.locations.add(
            Location(**{**defaults, "postal_code": "94000", **location_fields})
        )
    directory.add_child(instance=page)
    publish(page)
    organization_provider_group_ensure(organization=page)
    return page


def service(
    organization_page,
    *,
    title="Walk-in counseling",
    categories=("counseling",),
    languages=("en",),
    hours=(),
    neighborhoods=(),
    at_locations=True,
    live=True,
    **fields,
):
    """A service page under an organization.

    ``categories`` and ``languages`` are codes of the seeded terms/languages;
    ``hours`` is a list of (weekday 0=Monday, "HH:MM" opens, "HH:MM" closes);
    ``at_locations`` offers it at every location of the organization.
    """
    from datetime import time

    from resources.models import (
        Language,
        OpeningHours,
        ServiceArea,
        ServiceAtLocation,
        ServiceCategory,
        ServiceLanguage,
        ServicePage,
        TaxonomyTerm,
    )

    page = ServicePage(
        title=title,
        slug=fields.pop("slug", title.lower().replace(" ", "-")),
        description=fields.pop("description", f"{title} for anyone who asks."),
        live=live,
        **fields,
    )
    for code in categories:
        page.categories.add(ServiceCategory(term=TaxonomyTerm.objects.get(code=code)))
    for code in languages:
        page.languages.add(ServiceLanguage(language=Language.objects.get(code=code)))
    for day, opens, closes in hours:
        page.opening_hours.add(
            OpeningHours(
                day_of_week=day,
                opens_at=time.fromisoformat(opens),
                closes_at=time.fromisoformat(closes),
            )
        )
    for neighborhood_page in neighborhoods:
        page.service_areas.add(ServiceArea(neighborhood=neighborhood_page))
    if at_locations:
        for location in organization_page.specific.locations.all():
            page.service_at_locations.add(ServiceAtLocation(location=location))
    organization_page.add_child(instance=page)
    if live:
        publish(page)
    else:
        page.save_revision()
    # Fresh from the database: publishing updates the revision's copy, not ours.
    return ServicePage.objects.get(pk=page.pk)


def provider_user(organization_page, username="provider", **fields):
    """A user in the organization's provider group (edits only that org)."""
    from resources.services import organization_provider_add

    member = user(username, **fields)
    organization_provider_add(organization=organization_page, user=member)
    return member


def directory_editor(username="directory_editor", **fields):
    """A user in "Directory editors" (approves providers' changes)."""
    from django.contrib.auth.models import Group

    from resources.choices import DIRECTORY_EDITORS_GROUP

    member = user(username, **fields)
    member.groups.add(Group.objects.get(name=DIRECTORY_EDITORS_GROUP))
    return member


VOLUNTEER_FIELDS = [
    ("Your name", "singleline", True),
    ("Email", "email", True),
    ("How would you like to help?", "multiline", True),
]


def volunteer_form_page(parent, *, title="Volunteer", **fields):
    """A published sign-up form with name, email and 'how would you help'."""
    from portal.models import VolunteerFormField, VolunteerFormPage

    page = VolunteerFormPage(
        title=title, slug=fields.pop("slug", title.lower().replace(" ", "-")), **fields
    )
    for order, (label, field_type, required) in enumerate(VOLUNTEER_FIELDS):
        page.form_fields.add(
            VolunteerFormField(
                sort_order=order, label=label, field_type=field_type, required=required
            )
        )
    parent.add_child(instance=page)
    return publish(page)
