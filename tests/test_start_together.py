"""Several app servers starting at once on one empty PostgreSQL database all come up: their
migrations take turns (handhold.cli.migrate_safely).

Without the lock the same start fails: three `handhold manage migrate -v0` started together on
an empty database left at least one failed in 5 of 5 tries on 2026-11-27. That is not kept as
a test, because a race that usually loses is not a test that always fails.
"""

import subprocess
import sys
import uuid

import psycopg
import pytest

from tests.real_server import clean_environment

SERVER = "postgres://postgres@127.0.0.1:5432"


@pytest.fixture
def empty_database():
    name = f"handhold_start_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{SERVER}/{name}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def start_together(command: list[str], database: str, tmp_path, count: int = 3):
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", *command],
            env=clean_environment(tmp_path / f"data{n}", DATABASE_URL=database),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(count)
    ]
    return [(p.wait(timeout=240), p.stderr.read()) for p in processes]


def test_migrations_started_at_the_same_moment_all_succeed(empty_database, tmp_path):
    results = start_together(["handhold.cli", "migrate"], empty_database, tmp_path)
    assert [code for code, _ in results] == [0, 0, 0], [err[-300:] for _, err in results]
    with psycopg.connect(empty_database) as connection:
        applied = connection.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
    assert applied > 20


def test_a_server_on_a_shared_database_needs_its_keys_given(empty_database, tmp_path):
    env = clean_environment(tmp_path / "data", DATABASE_URL=empty_database)
    result = subprocess.run(
        [sys.executable, "-m", "handhold.cli", "serve", "--port", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Handhold did not start: with a shared database (DATABASE_URL), set HANDHOLD_SECRET_KEY "
        "(or HANDHOLD_SECRET_KEY_FILE) and HANDHOLD_ENCRYPTION_KEYS (or "
        "HANDHOLD_ENCRYPTION_KEYS_FILE), the same on every server"
    )
    with psycopg.connect(empty_database) as connection:  # it stopped before migrating
        tables = connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0]
    assert tables == 0
