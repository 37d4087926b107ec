"""Password-only sign-in paths that must not sign anyone in.

Included by portal/urls.py ahead of Wagtail's own URLs, so Wagtail's admin
login and password reset, and Wagtail's front-end ``/_util/login/`` (a plain
Django LoginView), answer every method with a redirect to the one sign-in
page, which enforces the banner, lockout and MFA.
"""

from django.http import HttpResponseRedirect
from django.urls import path, re_path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.csrf import csrf_exempt


def _redirect_keeping_next(request, url_name):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    url = reverse(url_name)
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        url = f"{url}?{urlencode({'next': next_url})}"
    return HttpResponseRedirect(url)


# CSRF-exempt only so a stale POST is redirected rather than answered with 403:
# the view reads nothing but ``next`` and changes nothing.
@csrf_exempt
def to_sign_in(request, *args, **kwargs):
    return _redirect_keeping_next(request, "account_login")


@csrf_exempt
def to_password_reset(request, *args, **kwargs):
    return _redirect_keeping_next(request, "account_reset_password")


urlpatterns = [
    path("admin/login/", to_sign_in),
    re_path(r"^admin/password_reset/", to_password_reset),
    path("_util/login/", to_sign_in),
]
