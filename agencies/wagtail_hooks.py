"""Admin menu for the workspace: agencies and memberships, and the audit log link.

Loaded from ``AgenciesConfig.ready()``. The viewsets' own permission policy
hides their menu items from everyone but superusers; the audit log lives at
/workspace/audit/ (outside the admin) and its link shows only to people who
may read it.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from agencies.admin_agencies import AgencyAdminGroup
from agencies.permissions import can_read_audit_log


@hooks.register("register_admin_viewset")
def register_agency_admin():
    return AgencyAdminGroup()


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_audit_log(request.user)


@hooks.register("register_settings_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(
        _("Audit log"), reverse("workspace:audit"), icon_name="list-ul", order=620
    )
