"""Sessions that end: the session store behind SESSION_ENGINE, and the clock that keeps an
active session alive.

By default a session lives in a cookie that the browser forgets when it closes, and on the
server it expires after HANDHOLD_IDLE_MINUTES without a visit, so on a shared computer the
next person finds nobody logged in. "Keep me logged in on this device" (unticked by default)
makes it a cookie that outlives the browser, for HANDHOLD_REMEMBER_DAYS since the last visit.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.utils import timezone

# How often a visit pushes the session's expiry on: a write at most once a minute per person,
# rather than on every page.
TOUCH_EVERY_SECONDS = 60


class SessionStore(DatabaseStore):
    @classmethod
    def get_model_class(cls):
        from handhold.accounts.models import Session

        return Session

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        user_id = data.get(SESSION_KEY)
        session.user_id = int(user_id) if user_id and str(user_id).isdigit() else None
        session.device = data.get("device", "")
        session.last_seen = timezone.now()
        return session


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
    session saves a new expiry date, counted from now). Idle longer than the limit and the
    database no longer hands the session out, whatever the cookie says."""

    def middleware(request):
        session = request.session
        if session.get(SESSION_KEY) is not None:
            now = int(time.time())
            if now - session.get("seen", 0) >= TOUCH_EVERY_SECONDS:
                session["seen"] = now
        return get_response(request)

    return middleware
