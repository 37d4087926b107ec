"""Who may enter the workspace, and the two things every workspace view does.

* Anonymous visitors are sent to sign in (the MFA gate then applies).
* Signed-in people without an agency get 404, as if the workspace did not
  exist; so does anything they may not see inside it (``get_visible_or_404``).
* Responses are never cached by browsers or proxies (``no-store``) and never
  indexed.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import Http404
from django.utils.cache import add_never_cache_headers

from agencies.audit import audit_record
from agencies.models import AuditAction, AuditOutcome
from agencies.permissions import agency_of, membership_of


def confidential_response(response):
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def workspace_view(view):
    """Agency staff only; sets ``request.agency`` and ``request.membership``."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            if membership_of(request.user) is None:
                raise Http404
            request.membership = membership_of(request.user)
            request.agency = agency_of(request.user)
            response = view(request, *args, **kwargs)
        except (Http404, PermissionDenied) as refused:
            response = refused_response(request, refused)
        return confidential_response(response)

    return wrapper


def refused_response(request, refused):
    """The ordinary 404/403 page, with the refusal on the record (CJIS 5.4.1.1)."""
    audit_record(
        action=AuditAction.RECORD_VIEWED,
        request=request,
        outcome=AuditOutcome.DENIED,
        details={
            "method": request.method,
            "path": request.path,
            "status": 404 if isinstance(refused, Http404) else 403,
        },
    )
    return response_for_exception(request, refused)


def audit_read(request, obj, *, action=AuditAction.RECORD_VIEWED, **details):
    """Record that ``request.user`` read ``obj`` (a page, a binder, a list)."""
    audit_record(action=action, request=request, obj=obj, details=details or None)
