"""Reads for the service directory, public and admin.

Public reads start from ``services_public()``: live, public, not defunct.
Admin reads that depend on who asks take ``user`` and ask Wagtail's page
permission policy, the one object that decides page access.
"""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone
from wagtail.permission_policies.pages import PagePermissionPolicy

from resources.choices import DIRECTORY_EDITORS_GROUP, REMINDER_AFTER_DAYS
from resources.models import (
    OrganizationPage,
    ProviderGroup,
    ServiceCategory,
    ServiceLanguage,
    ServicePage,
    TaxonomyTerm,
    VerificationReminder,
)


def provider_organization_ids(user) -> list[int]:
    """Directory organizations whose provider group the user belongs to.

    Read once per user object (a request's): the sign-in policy and the
    referral screens both ask.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    if not hasattr(user, "_provider_organization_ids"):
        user._provider_organization_ids = list(
            ProviderGroup.objects.filter(group__user=user).values_list(
                "organization_id", flat=True
            )
        )
    return user._provider_organization_ids


def services_public():
    """Every service the public directory may show, with its verification date."""
    return ServicePage.objects.listed().with_verification()


def services_public_for_listing():
    """``services_public()`` with the rows a results list shows, prefetched."""
    return services_public().prefetch_related(
        "opening_hours",
        "cost_options",
        "service_at_locations__location",
        Prefetch("categories", queryset=ServiceCategory.objects.select_related("term")),
        Prefetch(
            "languages", queryset=ServiceLanguage.objects.select_related("language")
        ),
    )


def organizations_public():
    return OrganizationPage.objects.live().public()


def categories_top_level():
    return TaxonomyTerm.objects.roots().select_related("taxonomy")


def services_stale(*, now=None):
    """Listed services nobody has verified for a year (oldest first)."""
    return (
        ServicePage.objects.live()
        .exclude(status="defunct")
        .stale(now=now)
        .order_by("verified_since", "title")
    )


def services_due_reminder(*, now=None):
    """Listed services past the reminder age (11 months) without a reminder yet.

    "Yet" means for the current verification period: a reminder about an
    older period does not count once the service has been verified since.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=REMINDER_AFTER_DAYS)
    candidates = (
        ServicePage.objects.live()
        .exclude(status="defunct")
        .with_verification()
        .filter(verified_since__lt=cutoff)
        .order_by("pk")
    )
    already_sent = VerificationReminder.objects.filter(
        service=OuterRef("pk"), period_start=OuterRef("verified_since")
    )
    return candidates.exclude(Exists(already_sent))


def services_editable_by(*, user):
    """Services this user may edit in the admin (for reports and buttons)."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return ServicePage.objects.filter(pk__in=editable.values("pk"))


def service_can_mark_verified(*, service, user) -> bool:
    """Anyone who may edit the service may confirm it is still right."""
    return service.permissions_for_user(user).can_edit()


def directory_editors():
    group = Group.objects.filter(name=DIRECTORY_EDITORS_GROUP).first()
    if group is None:
        return []
    return list(group.user_set.filter(is_active=True))


def organization_contact_emails(*, organization) -> list[str]:
    """Who hears about an organization's listings: its email and its providers."""
    emails = [organization.email] if organization.email else []
    group = organization.provider_group
    if group is not None:
        emails += list(
            group.user_set.filter(is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    return sorted(set(emails))
