"""The address a request came from, trusting proxies only as far as configured."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """The caller's address, or None when it is not a valid IP.

    REMOTE_ADDR is the peer that connected to us. X-Forwarded-For is written by
    whoever sends the request, so it is only read when settings say a known
    number of trusted proxies sit in front (AUDIT_TRUSTED_PROXY_COUNT), and then
    only the entry those proxies appended.
    """
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "AUDIT_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            address = hops[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
