"""Deleting what has expired, so that nothing outlives its use: sessions past their expiry and
counters (rate limits, failed log-ins) past their window.

Both are already refused once expired, and each is also deleted along the way (sessions at the
next log-in, counters when the next one starts). This makes it regular, whatever the traffic:
`handhold serve` runs it at start, and `handhold housekeeping` runs it on demand, for example
hourly from a systemd timer or cron (see the README).
"""

from __future__ import annotations


def run() -> dict[str, int]:
    """Delete every expired session and counter; return how many of each."""
    from handhold.accounts.services import forget_expired_sessions
    from handhold.pages.counters import forget_expired_counters

    return {"sessions": forget_expired_sessions(), "counters": forget_expired_counters()}
