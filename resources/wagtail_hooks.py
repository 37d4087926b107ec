"""Admin for the directory: snippets, "Mark verified", the stale report, setup hooks."""

from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resources import admin_views
from resources.models import (
    ErrorReport,
    Language,
    OrganizationPage,
    ServiceDirectoryPage,
    ServicePage,
    Taxonomy,
    TaxonomyTerm,
)
from resources.reports import StaleServicesReportView
from resources.selectors import service_can_mark_verified
from resources.services import (
    directory_workflow_ensure,
    organization_provider_group_ensure,
    pages_renew_hsds_ids,
)


class TaxonomyViewSet(SnippetViewSet):
    model = Taxonomy
    icon = "folder-open-inverse"
    list_display = ["name", "version"]


class TaxonomyTermViewSet(SnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    list_display = ["name", "code", "parent"]
    list_filter = ["taxonomy"]
    search_fields = ["name"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code"]


class DirectoryListsGroup(SnippetViewSetGroup):
    menu_label = _("Directory lists")
    menu_icon = "list-ul"
    items = (TaxonomyTermViewSet, TaxonomyViewSet, LanguageViewSet)


register_snippet(DirectoryListsGroup)


class ErrorReportViewSet(ModelViewSet):
    """Reports from the public "Report an error" form; editors mark them resolved."""

    model = ErrorReport
    icon = "warning"
    menu_label = _("Error reports")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["service", "message", "created_at", "resolved_at"]
    list_filter = ["resolved_at"]
    search_fields = ["message"]
    form_fields = ["resolved_at"]
    ordering = ["-created_at"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_error_reports():
    return ErrorReportViewSet("directory_error_reports")


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return [
        path(
            "directory/services/<int:page_id>/verify/",
            admin_views.mark_verified,
            name="resources_mark_verified",
        ),
        path(
            "reports/stale-directory-listings/",
            StaleServicesReportView.as_view(),
            name="resources_stale_services",
        ),
        path(
            "reports/stale-directory-listings/results/",
            StaleServicesReportView.as_view(results_only=True),
            name="resources_stale_services_results",
        ),
    ]


class StaleServicesMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_stale_services_menu_item():
    return StaleServicesMenuItem(
        _("Stale directory listings"),
        reverse("resources_stale_services"),
        name="stale-directory-listings",
        icon_name="warning",
        order=900,
    )


def _mark_verified_button(page, user, next_url, priority):
    if not isinstance(page.specific_deferred, ServicePage):
        return None
    if not service_can_mark_verified(service=page, user=user):
        return None
    url = reverse("resources_mark_verified", args=[page.pk])
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return Button(_("Mark verified"), url, icon_name="check", priority=priority)


@hooks.register("register_page_header_buttons")
def mark_verified_header_button(page, user, view_name, next_url=None):
    button = _mark_verified_button(page, user, next_url, priority=12)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def mark_verified_listing_button(page, user, next_url=None):
    button = _mark_verified_button(page, user, next_url, priority=3)
    if button:
        yield button


@hooks.register("after_create_page")
def set_up_directory_permissions(request, page):
    """A new directory gets its workflow; a new provider gets its group."""
    specific = page.specific
    if isinstance(specific, ServiceDirectoryPage):
        directory_workflow_ensure(directory_page=specific)
    elif isinstance(specific, OrganizationPage):
        organization_provider_group_ensure(organization=specific)


@hooks.register("after_copy_page")
def give_copies_their_own_hsds_ids(request, page, new_page):
    """A copy is a new HSDS object: fresh UUIDs for it, its rows and its subtree."""
    pages_renew_hsds_ids(root=new_page, source_root=page)
