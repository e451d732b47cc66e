"""Settings read from the environment: SQLite's durability, and bad values refused at start."""

import subprocess
import sys

import pytest

from handhold.config.env import BadSetting, env_choice
from tests.real_server import clean_environment

READ_SYNCHRONOUS = (
    "from django.db import connection\n"
    "with connection.cursor() as cursor:\n"
    "    print(cursor.execute('PRAGMA synchronous').fetchone()[0])"
)


def synchronous(tmp_path, **env) -> subprocess.CompletedProcess:
    """SQLite's synchronous level, as a fresh Handhold (SQLite, whatever this run uses) sets it."""
    return subprocess.run(
        [sys.executable, "-m", "handhold.cli", "manage", "shell", "-c", READ_SYNCHRONOUS],
        env=clean_environment(tmp_path / "data", **env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_sqlite_waits_for_the_disk_at_every_commit_by_default(tmp_path):
    done = synchronous(tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "2"  # FULL


def test_an_operator_may_choose_normal_knowingly(tmp_path):
    done = synchronous(tmp_path, HANDHOLD_SQLITE_SYNCHRONOUS="Normal")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "1"  # NORMAL


def test_a_bad_synchronous_value_stops_the_start_with_one_clear_line(tmp_path):
    done = synchronous(tmp_path, HANDHOLD_SQLITE_SYNCHRONOUS="off")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "Handhold did not start: HANDHOLD_SQLITE_SYNCHRONOUS must be one of full, normal; got 'off'"
    )


def test_a_choice_is_read_in_any_case_and_defaults_when_unset(monkeypatch):
    monkeypatch.delenv("HANDHOLD_TEST_CHOICE", raising=False)
    assert env_choice("HANDHOLD_TEST_CHOICE", ["full", "normal"], "full") == "full"
    monkeypatch.setenv("HANDHOLD_TEST_CHOICE", " NORMAL ")
    assert env_choice("HANDHOLD_TEST_CHOICE", ["full", "normal"], "full") == "normal"
    monkeypatch.setenv("HANDHOLD_TEST_CHOICE", "fast")
    with pytest.raises(BadSetting, match="HANDHOLD_TEST_CHOICE must be one of full, normal"):
        env_choice("HANDHOLD_TEST_CHOICE", ["full", "normal"], "full")
