"""Housekeeping deletes what has expired, and only that."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from handhold import housekeeping
from handhold.accounts.models import Session
from handhold.pages.models import RateCounter
from tests.test_cli import handhold


def _session(key: str, *, expires_in: timedelta) -> Session:
    return Session.objects.create(
        session_key=key, session_data="", expire_date=timezone.now() + expires_in
    )


@pytest.mark.django_db
def test_housekeeping_deletes_expired_sessions_and_counters_and_keeps_live_ones():
    _session("gone" * 8, expires_in=-timedelta(minutes=1))
    _session("live" * 8, expires_in=timedelta(hours=1))
    RateCounter.objects.create(key="c:old", value=3, expires=time.time() - 1)
    RateCounter.objects.create(key="c:new", value=1, expires=time.time() + 60)
    assert housekeeping.run() == {"sessions": 1, "counters": 1}
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live" * 8]
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["c:new"]


def test_handhold_housekeeping_runs_from_the_command_line(tmp_path):
    from tests.real_server import clean_environment

    env = clean_environment(tmp_path / "data")
    assert handhold("manage", "migrate", "-v0", env=env).returncode == 0
    result = handhold("housekeeping", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Deleted 0 expired sessions and 0 counters."
