"""Admin menu item and URL for releasing locked accounts (loaded in ready())."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from agencies.accounts.views import LockedAccountsView


@hooks.register("register_admin_urls")
def register_locked_accounts_url():
    return [
        path(
            "locked-accounts/",
            LockedAccountsView.as_view(),
            name="accounts_locked",
        )
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_locked_accounts_menu_item():
    return SuperuserMenuItem(
        _("Locked accounts"),
        reverse("accounts_locked"),
        icon_name="lock",
        order=610,
    )
