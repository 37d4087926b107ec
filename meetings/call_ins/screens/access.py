"""How every call-in screen finds the call-in it is about, or refuses.

404 unless the viewer's agency takes part (``selectors.call_in_get_or_404``),
then 403 for a host-only action by anyone else (``permissions.can_manage``).
"""

from django.core.exceptions import PermissionDenied

from meetings.call_ins.permissions import can_manage
from meetings.call_ins.selectors import call_in_get_or_404
from meetings.models import CallIn


def require_manager(request, call_in: CallIn) -> None:
    if not can_manage(request.user, call_in):
        raise PermissionDenied


def call_in_for(request, pk, *, manage=False) -> CallIn:
    """404 unless the viewer's agency takes part; 403 if ``manage`` and not the host."""
    call_in = call_in_get_or_404(
        user=request.user,
        pk=pk,
        queryset=CallIn.objects.select_related("market", "host_agency"),
    )
    if manage:
        require_manager(request, call_in)
    return call_in
