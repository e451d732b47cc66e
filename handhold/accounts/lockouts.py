"""The second, wider log-in limit: failures from one address, whatever the username.

django-axes locks a (username, address) pair after a few failures (see the settings), which
nobody can aim at someone else: the same username from another address, and another person
behind the same home router, go on as before. That alone would let one address try a few
passphrases against every username there is, so an address is also refused once it has failed
many times, at a threshold far above anything a household reaches by mistyping
(HANDHOLD_LOGIN_ADDRESS_FAILURE_LIMIT in the cool-off period).

The count lives in the same shared counter store as axes' counts, under a keyed hash, through
django-ratelimit's counting (`get_usage`), so every worker and app server sees one number.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django_ratelimit.core import get_usage

from handhold.pages.ratelimits import address_key

GROUP = "log-in-failures-per-address"


def _usage(request, *, increment: bool) -> dict | None:
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    rate = (settings.HANDHOLD_LOGIN_ADDRESS_FAILURE_LIMIT, seconds)
    return get_usage(request, group=GROUP, key=address_key, rate=rate, increment=increment)


def address_is_refused(request) -> bool:
    usage = _usage(request, increment=False)
    return bool(usage and usage["count"] >= usage["limit"])


def count_failure(sender, credentials, request=None, **kwargs) -> None:
    """Connected to `user_login_failed`. An attempt this module refused is not counted again,
    so the refusal ends with the window instead of renewing itself."""
    if request is not None and not getattr(request, "refused_for_address", False):
        _usage(request, increment=True)


class AddressLimitBackend:
    """First in AUTHENTICATION_BACKENDS: refuses every log-in from an address over the wide
    limit before any passphrase is checked, with the same page as axes' own lockout."""

    def authenticate(self, request, **credentials):
        if request is not None and address_is_refused(request):
            request.refused_for_address = True
            request.axes_locked_out = True  # AxesMiddleware answers with the lockout page
            raise PermissionDenied
        return None
