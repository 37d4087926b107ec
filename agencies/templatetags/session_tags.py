"""``{% session_timeout_warning %}``: the idle-time-out warning on site pages.

base.html puts it on every page a signed-in user sees; the Wagtail admin gets
the same script through agencies.accounts.session_hooks.
"""

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag(
    "agencies/accounts/includes/session_timeout.html", takes_context=True
)
def session_timeout_warning(context):
    return {
        "idle_seconds": settings.SESSION_IDLE_TIMEOUT_SECONDS,
        "warning_seconds": settings.SESSION_WARNING_SECONDS,
        "csrf_token": context.get("csrf_token", ""),
    }
