"""Rate limits (django-ratelimit) with limits read from settings, so an operator can tune them.

Views count with `limit(...)` and, when `request.limited` is set, answer 429 with their own
form and a kind message, so nothing the person typed is lost.

Every limit that counts by address, and django-axes' log-in limits, use one notion of the
client's address: `client_address` below.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_ratelimit.decorators import ratelimit

TOO_MANY = _("That was a lot of tries in a short time. Please wait a little and try again.")


def _rate(name: str):
    return lambda group, request: settings.HANDHOLD_RATE_LIMITS[name]


def client_address(request) -> str:
    """The address of the person, not of a proxy in front of Handhold.

    With HANDHOLD_PROXY_COUNT = n trusted proxies, each of them appends the address it heard
    from to X-Forwarded-For, so the person's address is the n-th entry from the right; anything
    further left was written by the client and could be anything. With no proxies (the default)
    the header is ignored, since then the client wrote all of it: trusting it would let anyone
    dodge a limit, or aim one at somebody else's address.
    """
    proxies = settings.HANDHOLD_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [
        hop.strip()
        for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if hop.strip()
    ]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote


def address_key(group, request) -> str:
    """`client_address` as django-ratelimit calls a key function."""
    return client_address(request)


def limit(name: str, *, key: str):
    """Count POSTs per `key` ("ip" or "user") against the named limit, without blocking."""
    counted_by = address_key if key == "ip" else key
    return ratelimit(group=name, key=counted_by, rate=_rate(name), method="POST", block=False)
