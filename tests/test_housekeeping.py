"""Housekeeping deletes what has expired, and only that."""

import threading
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


def test_run_every_calls_housekeeping_at_each_interval_until_stopped(monkeypatch):
    calls = []
    twice = threading.Event()

    def counted():
        calls.append(time.monotonic())
        if len(calls) == 2:
            twice.set()
        return {"sessions": 0, "counters": 0}

    monkeypatch.setattr(housekeeping, "run", counted)
    stop = threading.Event()
    thread = housekeeping.run_every(0.01, stop=stop)
    assert thread.daemon  # it never keeps the server from stopping
    assert twice.wait(timeout=30)
    stop.set()
    thread.join(timeout=30)
    assert not thread.is_alive()


def test_a_failed_run_is_logged_and_tried_again(monkeypatch, caplog):
    calls = []
    again = threading.Event()

    def failing():
        calls.append(1)
        if len(calls) >= 2:
            again.set()
        raise RuntimeError("the database is away")

    monkeypatch.setattr(housekeeping, "run", failing)
    stop = threading.Event()
    thread = housekeeping.run_every(0.01, stop=stop)
    assert again.wait(timeout=30)
    stop.set()
    thread.join(timeout=30)
    assert "Housekeeping failed" in caplog.text


def test_serve_runs_housekeeping_at_start_and_schedules_it_hourly(monkeypatch, tmp_path):
    from handhold import cli, server

    scheduled, ran = [], []
    monkeypatch.setattr(housekeeping, "run", lambda: ran.append(1) or {})
    monkeypatch.setattr(housekeeping, "run_every", lambda seconds: scheduled.append(seconds))
    monkeypatch.setattr(server.HandholdServer, "run", lambda self: None)
    monkeypatch.setattr(cli, "migrate_safely", lambda: None)
    monkeypatch.setattr(cli, "missing_shared_keys", lambda: None)  # the suite on PostgreSQL
    monkeypatch.setattr(
        "handhold.content.services.record_served_packs", lambda server: [], raising=True
    )
    args = cli.build_parser().parse_args(["serve", "--port", "8999"])
    assert cli.serve(args) == 0
    assert ran == [1]
    assert scheduled == [housekeeping.HOURLY] == [3600]
