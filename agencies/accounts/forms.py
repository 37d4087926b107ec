"""The sign-in form: allauth's, plus the system-use banner the user acknowledges."""

from allauth.account.forms import LoginForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class BannerLoginForm(LoginForm):
    """CJIS 5.5.4: the system-use notification is shown and accepted before logon.

    The box is checked before the password is even tried, so a missing
    acknowledgement neither signs in nor counts as a failed attempt.
    """

    acknowledge = forms.BooleanField(
        required=True,
        label=_("I have read the notice above and agree to its terms."),
        error_messages={
            "required": _("Please confirm that you have read the system-use notice.")
        },
    )

    field_order = ["login", "password", "acknowledge"]

    @property
    def banner(self) -> str:
        return settings.ACCOUNTS_LOGIN_BANNER
