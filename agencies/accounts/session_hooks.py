"""Wagtail admin: the user sessions screen, its link, the time-out warning script.

Imported by AgenciesConfig.ready() with the other account hooks.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from agencies.accounts.session_views import UserSessionsView


@hooks.register("register_admin_urls")
def register_user_sessions_url():
    return [
        path(
            "account-sessions/<int:user_id>/",
            UserSessionsView.as_view(),
            name="accounts_user_sessions",
        )
    ]


@hooks.register("register_user_listing_buttons")
def user_sessions_button(user, request_user):
    if not request_user.is_superuser:
        return []
    return [
        Button(
            _("Sessions"),
            url=reverse("accounts_user_sessions", args=[user.pk]),
            icon_name="time",
            priority=90,
        )
    ]


def timeout_script() -> str:
    """The warning script for every admin page. Hooks get no request, so no CSRF
    token here: the script reads it from Wagtail's own page config instead."""
    return render_to_string(
        "agencies/accounts/includes/session_timeout.html",
        {
            "idle_seconds": settings.SESSION_IDLE_TIMEOUT_SECONDS,
            "warning_seconds": settings.SESSION_WARNING_SECONDS,
        },
    )


hooks.register("insert_global_admin_js", timeout_script)
