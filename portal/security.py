"""Response headers that are the same for every part of the site.

* ``PermissionsPolicyMiddleware``: browser features nobody here needs
  (camera, microphone, location, payment, USB…) are switched off for the page
  and anything it embeds.
* ``ContentSecurityPolicyMiddleware``: django-csp's middleware, plus
  ``CSP_PATH_ADDITIONS``: sources added to the policy for responses under a
  path prefix only. The Wagtail admin needs ``'unsafe-inline'`` scripts and
  styles (its panels and date widgets still write inline ``<script>``; see
  wagtail/wagtail#1288 and #7053) and ``blob:`` images (upload previews), so
  that relaxation is scoped to /admin/ and public pages keep the strict policy.

The rest (HSTS, nosniff, Referrer-Policy, X-Frame-Options) comes from
Django's own settings; see the "Sessions, headers, rate limits" block in
settings/base.py.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self"]}`` → ``camera=(), fullscreen=(self)``."""
    return ", ".join(
        f"{feature}=({' '.join(allowed)})" for feature, allowed in policy.items()
    )


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


def path_additions(path: str) -> dict[str, list[str]]:
    """Extra CSP sources for ``path``, merged over every matching prefix."""
    extra: dict[str, list[str]] = {}
    for prefix, directives in getattr(settings, "CSP_PATH_ADDITIONS", {}).items():
        if path.startswith(prefix):
            for directive, sources in directives.items():
                extra.setdefault(directive, []).extend(sources)
    return extra


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        extra = path_additions(request.path_info)
        if extra and not report_only:
            update = {key: list(value) for key, value in (parts.update or {}).items()}
            for directive, sources in extra.items():
                update.setdefault(directive, []).extend(sources)
            parts.update = update
        return parts
