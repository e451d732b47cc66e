"""Sessions that end: the session store behind SESSION_ENGINE, and the clock that keeps an
active session alive.

By default a session lives in a cookie that the browser forgets when it closes, and on the
server it expires after HANDHOLD_IDLE_MINUTES without a visit, so on a shared computer the
next person finds nobody logged in. "Keep me logged in on this device" (unticked by default)
makes it a cookie that outlives the browser, for HANDHOLD_REMEMBER_DAYS since the last visit.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDatabaseStore
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

# How often a visit pushes the session's expiry on: a write at most once a minute per person,
# rather than on every page.
TOUCH_EVERY_SECONDS = 60

# Read through the cache, written through to the database (Django's cached_db): a logged-in
# request reads its session from memory or Redis, not from the database. The database stays
# the truth: Settings lists its rows, and ending a session deletes its row and, through
# forget_cached_copies, every cached copy, so an ended session is never read back from a cache.
CACHE_PREFIX = "session:"


def keyed_session_key(key: str, key_prefix: str, version: int) -> str:
    """The cache key function for sessions: an HMAC (under the secret key) of the session key,
    so that whoever can read Redis finds no session key to log in with."""
    digest = salted_hmac("handhold.sessions", f"{key_prefix}:{version}:{key}", algorithm="sha256")
    return f"s:{digest.hexdigest()}"


def _cache():
    return caches[settings.SESSION_CACHE_ALIAS]


# Without Redis, each worker process keeps its own copies (a local-memory cache), which another
# worker cannot delete. So a worker that ends a session also replaces this file in the data
# folder, and every worker, before reading a session, compares the file with the one it saw
# last (one stat, microseconds) and drops all its copies when it changed.
_ENDED_STAMP = "sessions-ended"
_stamp_seen: tuple[int, int] | None = None


def _stamp_path():
    return settings.DATA_DIR / _ENDED_STAMP


def _stamp() -> tuple[int, int] | None:
    try:
        stat = os.stat(_stamp_path())
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_mtime_ns)


def _drop_local_copies_if_any_session_ended(cache) -> None:
    global _stamp_seen
    stamp = _stamp()
    if stamp != _stamp_seen:
        cache.clear()
        _stamp_seen = stamp


def _tell_every_worker() -> None:
    """Replace the stamp file: a new inode, so a change shows even within one clock tick."""
    path = _stamp_path()
    spare = path.with_name(f"{_ENDED_STAMP}.{secrets.token_hex(8)}")
    spare.write_bytes(b"")
    os.replace(spare, path)


def forget_cached_copies(session_keys: Iterable[str]) -> None:
    """Every path that ends sessions calls this after deleting their rows: log out, log out
    everywhere, account deletion, recovery, expiry. Done now (so this request already sees it)
    and again once the transaction commits (so that no other request can have cached a row
    read just before the delete was committed)."""
    keys = [CACHE_PREFIX + key for key in session_keys if key]
    if not keys:
        return

    def forget() -> None:
        cache = _cache()
        cache.delete_many(keys)
        if isinstance(cache, LocMemCache):
            _tell_every_worker()

    forget()
    transaction.on_commit(forget)


class SessionStore(CachedDatabaseStore):
    cache_key_prefix = CACHE_PREFIX

    @classmethod
    def get_model_class(cls):
        from handhold.accounts.models import Session

        return Session

    @classmethod
    def clear_expired(cls):
        """`manage clearsessions` goes the way housekeeping does, cached copies included."""
        from handhold.accounts.services import forget_expired_sessions

        forget_expired_sessions()

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        user_id = data.get(SESSION_KEY)
        session.user_id = int(user_id) if user_id and str(user_id).isdigit() else None
        session.device = data.get("device", "")
        session.last_seen = timezone.now()
        return session

    def load(self):
        if isinstance(self._cache, LocMemCache):
            _drop_local_copies_if_any_session_ended(self._cache)
        return super().load()

    def save(self, must_create=False):
        """Written to the database, then to the cache. Should the session have ended between
        the two (log out everywhere on another server, say), the copy just cached is deleted
        again: checked after caching, so whichever of the two finishes last, no copy of an
        ended session stays behind. One more query, once a minute per person at most."""
        super().save(must_create)
        if isinstance(self._cache, DummyCache):
            return
        if not self.model.objects.filter(session_key=self.session_key).exists():
            self._cache.delete(self.cache_key)

    def delete(self, session_key=None):
        key = session_key or self.session_key
        super().delete(session_key)
        forget_cached_copies([key] if key else [])


def device_kind(user_agent: str) -> str:
    """A rough kind of device, the only thing kept from the browser's description of itself,
    so that Settings can say "a phone" and "a computer" apart."""
    agent = user_agent.lower()
    if "ipad" in agent or "tablet" in agent:
        return "tablet"
    if "mobi" in agent or "iphone" in agent or "android" in agent:
        return "phone"
    return "computer"


def start(request, *, keep_logged_in: bool) -> None:
    """Called right after a log-in or sign-up: how long this session may live."""
    from handhold.accounts.services import forget_expired_sessions

    forget_expired_sessions()
    request.session["device"] = device_kind(request.META.get("HTTP_USER_AGENT", ""))
    if keep_logged_in:
        request.session.set_expiry(settings.HANDHOLD_REMEMBER_DAYS * 24 * 60 * 60)
    else:
        request.session.set_expiry(None)  # SESSION_EXPIRE_AT_BROWSER_CLOSE and the idle limit
    request.session["seen"] = int(time.time())


def keep_alive(get_response):
    """Middleware: a visit by someone logged in pushes their session's expiry on (saving the
    session saves a new expiry date, counted from now, in the database and in the cache, whose
    copy expires with it). Idle longer than the limit and neither hands the session out,
    whatever the cookie says."""

    def middleware(request):
        session = request.session
        if session.get(SESSION_KEY) is not None:
            now = int(time.time())
            if now - session.get("seen", 0) >= TOUCH_EVERY_SECONDS:
                session["seen"] = now
        return get_response(request)

    return middleware
