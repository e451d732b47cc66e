"""Deleting what has expired, so that nothing outlives its use: sessions past their expiry and
counters (rate limits, failed log-ins) past their window.

Both are already refused once expired, and each is also deleted along the way (sessions at the
next log-in, counters when the next one starts). This makes it regular, whatever the traffic:
`handhold serve` runs it at start and then hourly (run_every, in the server's master process),
and `handhold housekeeping` runs it on demand, for example from a systemd timer or cron where
Handhold runs some other way (see docs/operating.md).
"""

from __future__ import annotations

import logging
import threading

HOURLY = 60 * 60

logger = logging.getLogger(__name__)


def run() -> dict[str, int]:
    """Delete every expired session and counter; return how many of each."""
    from handhold.accounts.services import forget_expired_sessions
    from handhold.pages.counters import forget_expired_counters

    return {"sessions": forget_expired_sessions(), "counters": forget_expired_counters()}


def run_every(seconds: float, *, stop: threading.Event | None = None) -> threading.Thread:
    """Run housekeeping every `seconds` in one daemon thread, until `stop` is set or the process
    ends; `handhold serve` starts it hourly in gunicorn's master process.

    One thread runs one job at a time, so on one server it never runs twice at once. Several
    servers on one database each run their own; that is harmless, as each deletes only what has
    expired, and a row already deleted by another is simply not there. The thread holds no
    database connection between runs, so the workers gunicorn forks from this process inherit
    none in use. A failed run is logged (with no personal data: it names no session or counter)
    and tried again at the next interval.
    """
    from django.db import connections

    stop = stop or threading.Event()

    def loop() -> None:
        while not stop.wait(seconds):
            try:
                run()
            except Exception:
                logger.exception("Housekeeping failed; it runs again in %s seconds", seconds)
            finally:
                connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=loop, name="handhold-housekeeping", daemon=True)
    thread.start()
    return thread
