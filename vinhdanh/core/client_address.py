"""The address a request came from, for throttling the public forms.

Behind the reverse proxy every request reaches the app from the proxy itself, so
the socket address alone would put the whole public under one limit. With
`TRUSTED_PROXY_COUNT` proxies in front, the client is the address the outermost
trusted proxy appended to X-Forwarded-For; entries further left are whatever the
client chose to send and are never trusted.
"""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request) -> str:
    peer = _valid(request.META.get("REMOTE_ADDR") or "") or "0.0.0.0"
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return peer
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return peer
    return _valid(forwarded[-proxies]) or peer
