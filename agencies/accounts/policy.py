"""Who must use a second factor. The one place that decides it."""

from django.conf import settings


def mfa_required(user) -> bool:
    """True for every account that may reach anything beyond the public site.

    Administrators, staff and members of the groups named in
    ``ACCOUNTS_MFA_REQUIRED_GROUPS`` (auditors), agency staff and service
    providers' staff always; editors, i.e. anyone else who may open the
    Wagtail admin, unless ``ACCOUNTS_MFA_REQUIRED_FOR_EDITORS`` is off.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    # Agency staff reach confidential records (CJIS Security Policy 5.6.2.2).
    from agencies.permissions import is_workspace_user

    if is_workspace_user(user):
        return True
    # Providers' staff read referred people's names and contacts at /referrals/.
    from resources.selectors import provider_organization_ids

    if provider_organization_ids(user):
        return True
    groups = getattr(settings, "ACCOUNTS_MFA_REQUIRED_GROUPS", [])
    if groups and user.groups.filter(name__in=groups).exists():
        return True
    if getattr(settings, "ACCOUNTS_MFA_REQUIRED_FOR_EDITORS", True):
        return user.has_perm("wagtailadmin.access_admin")
    return False
