"""Rate limits (django-ratelimit) with limits read from settings, so an operator can tune them.

Views count with `limit(...)` and, when `request.limited` is set, answer 429 with their own
form and a kind message, so nothing the person typed is lost.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_ratelimit.decorators import ratelimit

TOO_MANY = _("That was a lot of tries in a short time. Please wait a little and try again.")


def _rate(name: str):
    return lambda group, request: settings.HANDHOLD_RATE_LIMITS[name]


def limit(name: str, *, key: str):
    """Count POSTs per `key` ("ip" or "user") against the named limit, without blocking."""
    return ratelimit(group=name, key=key, rate=_rate(name), method="POST", block=False)
