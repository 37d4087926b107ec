"""Admin report: services nobody has verified for a year."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from resources.selectors import services_editable_by, services_stale


class StaleServicesReportView(ReportView):
    """Listed services past STALE_AFTER_DAYS, limited to those the user can edit."""

    page_title = _("Stale directory listings")
    header_icon = "warning"
    permission_policy = page_permission_policy
    any_permission_required = ["change", "publish"]
    index_url_name = "resources_stale_services"
    index_results_url_name = "resources_stale_services_results"
    list_export = ["title", "organization_name", "latest_verified_at", "verified_since"]
    export_headings = {
        "title": _("Service"),
        "organization_name": _("Organization"),
        "latest_verified_at": _("Last verified"),
        "verified_since": _("Counting from"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Service"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column(
            "organization_name", label=_("Organization"), accessor="organization_name"
        ),
        DateColumn("latest_verified_at", label=_("Last verified")),
        DateColumn("verified_since", label=_("Stale since counting from")),
    ]

    def get_queryset(self):
        editable = services_editable_by(user=self.request.user)
        return services_stale().filter(pk__in=editable.values("pk"))
