"""Builds the demo directory from resources.demo.providers. Idempotent by slug.

Existing pages are left as they are, so running again changes nothing and
never overwrites what someone edited in the admin.
"""

from datetime import time, timedelta
from decimal import Decimal

from django.utils import timezone

from portal.demo.users import ensure_demo_user
from portal.models import HomePage, NeighborhoodPage
from resources.choices import DIRECTORY_EDITORS_GROUP, ServiceStatus
from resources.demo.providers import PROVIDERS
from resources.models import (
    CostOption,
    Language,
    Location,
    OpeningHours,
    OrganizationPage,
    OrganizationPhone,
    RequiredDocument,
    ServiceArea,
    ServiceAtLocation,
    ServiceCategory,
    ServiceDirectoryPage,
    ServiceLanguage,
    ServicePage,
    TaxonomyTerm,
)
from resources.services import (
    directory_workflow_ensure,
    home_directory_link_ensure,
    organization_provider_add,
    organization_provider_group_ensure,
    service_mark_verified,
)

DEMO_PROVIDER_ORGANIZATION = "riverton-recovery-center"


def ensure_directory(home: HomePage) -> ServiceDirectoryPage:
    directory = ServiceDirectoryPage.objects.child_of(home).first()
    if directory is None:
        directory = home.add_child(
            instance=ServiceDirectoryPage(
                title="Find help",
                show_in_menus=True,
                slug="find-help",
                introduction=(
                    "Free and low-cost help in Riverton: treatment, jobs, training, "
                    "housing, legal help and more. Every listing is kept up to date "
                    "by the people who run it."
                ),
                help_text_for_seekers=(
                    "Nothing fits? Call the Riverton Crisis Line at 555-0199 any "
                    "time, day or night, or dial 211."
                ),
            )
        )
        directory.save_revision().publish()
    directory_workflow_ensure(directory_page=directory)
    home_directory_link_ensure(home=home, directory=directory)
    return directory


def _location(data, neighborhoods) -> Location:
    fields = {key: value for key, value in data.items() if key != "neighborhood"}
    fields.setdefault("city", "Riverton")
    fields.setdefault("state_province", "CA")
    return Location(neighborhood=neighborhoods.get(data.get("neighborhood")), **fields)


def ensure_organization(directory, data, neighborhoods) -> OrganizationPage:
    organization = OrganizationPage.objects.child_of(directory).filter(
        slug=data["slug"]
    )
    organization = organization.first()
    if organization is None:
        organization = OrganizationPage(
            slug=data["slug"],
            title=data["title"],
            description=data["description"],
            legal_status=data["legal_status"],
            website=data["website"],
            email=data["email"],
        )
        organization.phones.add(
            OrganizationPhone(number=data["phone"], description="Main line")
        )
        organization.locations.add(_location(data["location"], neighborhoods))
        directory.add_child(instance=organization)
        organization.save_revision().publish()
    organization_provider_group_ensure(organization=organization)
    return organization


def _build_service(organization, data, neighborhoods) -> ServicePage:
    service = ServicePage(
        slug=data["slug"],
        title=data["title"],
        description=data["description"],
        status=data.get("status", ServiceStatus.ACTIVE),
        alert=data.get("alert", ""),
        eligibility_description=data["eligibility"],
        application_process=data["apply"],
        is_free=data.get("free", False),
        fees_description=data.get("fees", ""),
        minimum_age=data.get("min_age"),
        maximum_age=data.get("max_age"),
        interpretation_services=data.get("interpretation", ""),
        email=organization.email,
    )
    for code in data["categories"]:
        service.categories.add(
            ServiceCategory(term=TaxonomyTerm.objects.get(code=code))
        )
    for code in data["languages"]:
        service.languages.add(ServiceLanguage(language=Language.objects.get(code=code)))
    for option, amount in data.get("costs", []):
        service.cost_options.add(
            CostOption(option=option, amount=Decimal(amount) if amount else None)
        )
    for document in data.get("documents", []):
        service.required_documents.add(RequiredDocument(document=document))
    for days, opens, closes in data["hours"]:
        for day in days:
            service.opening_hours.add(
                OpeningHours(
                    day_of_week=day,
                    opens_at=time.fromisoformat(opens),
                    closes_at=time.fromisoformat(closes),
                )
            )
    for slug in data["neighborhoods"]:
        if slug in neighborhoods:
            service.service_areas.add(ServiceArea(neighborhood=neighborhoods[slug]))
    for location in organization.locations.all():
        service.service_at_locations.add(ServiceAtLocation(location=location))
    return service


def ensure_service(organization, data, neighborhoods, *, verifier) -> ServicePage:
    service = (
        ServicePage.objects.child_of(organization).filter(slug=data["slug"]).first()
    )
    if service is not None:
        return service
    service = _build_service(organization, data, neighborhoods)
    organization.add_child(instance=service)
    service.save_revision().publish()
    days = data.get("verified_days_ago")
    if days is not None:
        service_mark_verified(
            service=service,
            user=verifier,
            note="Checked by phone with the provider (demo data).",
            at=timezone.now() - timedelta(days=days),
        )
    return service


def ensure_users(directory_provider: OrganizationPage):
    editor = ensure_demo_user(
        "directory_editor",
        groups=[DIRECTORY_EDITORS_GROUP],
        first_name="Dora",
        last_name="Directory",
    )
    provider = ensure_demo_user("provider", first_name="Priya", last_name="Provider")
    organization_provider_add(organization=directory_provider, user=provider)
    return editor, provider


def ensure_demo_directory() -> dict:
    home = HomePage.objects.first()
    if home is None:
        raise LookupError("Run demo_portal first: there is no home page.")
    neighborhoods = {page.slug: page for page in NeighborhoodPage.objects.all()}
    directory = ensure_directory(home)
    organizations = {
        data["slug"]: ensure_organization(directory, data, neighborhoods)
        for data in PROVIDERS
    }
    editor, _provider = ensure_users(organizations[DEMO_PROVIDER_ORGANIZATION])
    services = [
        ensure_service(
            organizations[data["slug"]], service, neighborhoods, verifier=editor
        )
        for data in PROVIDERS
        for service in data["services"]
    ]
    return {
        "directory": directory,
        "organizations": organizations,
        "services": services,
    }
