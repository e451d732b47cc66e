"""Rate limits with limits read from settings, so an operator can tune them.

Views count with `limit(...)` and, when `request.limited` is set, answer 429 with their own
form and a kind message, so nothing the person typed is lost.

`limit` counts as django-ratelimit's decorator did (fixed windows, a counter per window in the
shared counter store, "120/m" or "5/10m" rates), but each try is one statement: the database
store starts or counts up its counter in one upsert (pages.counters, `count`), where
django-ratelimit's `add` then `incr` took two. With Redis it is still `add` then `incr`.
django-ratelimit itself still counts the wider log-in limit (accounts.lockouts).

Every limit that counts by address, and django-axes' log-in limits, use one notion of the
client's address: `client_address` below.
"""

import re
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

from handhold.pages.counters import CounterCache

TOO_MANY = _("That was a lot of tries in a short time. Please wait a little and try again.")


PERIODS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}
RATE = re.compile(r"(\d+)/(\d*)([smhd])?$")


def split_rate(rate: str) -> tuple[int, int]:
    """(How many tries, in how many seconds): "120/m" is (120, 60), "5/10m" is (5, 600)."""
    match = RATE.match(rate)
    if match is None:
        raise ValueError(f"not a rate: {rate!r} (for example 120/m or 5/10m)")
    tries, times, unit = match.groups()
    return int(tries), int(times or 1) * PERIODS[unit or "s"]


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


def one_more_try(store, key: str, seconds: int) -> int:
    """Count a try under `key` in the counter store, and say how many there are now."""
    if isinstance(store, CounterCache):
        return store.count(key, seconds)  # one statement
    if store.add(key, 1, seconds):
        return 1
    try:
        return store.incr(key)
    except ValueError:  # the counter ended between the two
        store.set(key, 1, seconds)
        return 1


def over_limit(name: str, who: str) -> bool:
    """Count one try by `who` against the named limit; whether it goes past the limit."""
    return _prepared_try(name, who)()


def _prepared_try(name: str, who: str) -> Callable[[], bool]:
    allowed, seconds = split_rate(settings.HANDHOLD_RATE_LIMITS[name])
    window = int(time.time()) // seconds
    # The rate is part of the key, so a changed limit starts afresh. The store hashes the key.
    key = f"rl:{name}:{allowed}/{seconds}:{who}:{window}"
    store = caches[settings.RATELIMIT_USE_CACHE]
    if isinstance(store, CounterCache):
        count = store.counter(key, seconds)  # one statement, its key hashed now
        return lambda: count() > allowed
    return lambda: one_more_try(store, key, seconds) > allowed


def _who(request, key: str) -> str:
    if key == "user" and request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{client_address(request)}"


def count_try(request, name: str, *, key: str) -> bool:
    """Count this request as one try by `key` ("ip" or "user") against the named limit, as
    `limit` counts a POST; whether it goes past the limit."""
    return over_limit(name, _who(request, key))


def prepare_try(request, name: str, *, key: str) -> Callable[[], bool]:
    """`count_try` in two halves, for a view that counts inside the transaction of the write
    the try makes, so that both are one commit: the key made and hashed now, before the
    transaction (which on SQLite holds the one write lock from its start), the try counted
    when the returned function is called, saying whether it goes past the limit."""
    return _prepared_try(name, _who(request, key))


def limit(name: str, *, key: str):
    """Count POSTs per `key` ("ip" or "user") against the named limit, without blocking: the
    view reads `request.limited`."""

    def decorator(view):
        @wraps(view)
        def counted(request, *args, **kwargs):
            if request.method == "POST":
                limited = count_try(request, name, key=key)
                request.limited = getattr(request, "limited", False) or limited
            return view(request, *args, **kwargs)

        return counted

    return decorator
