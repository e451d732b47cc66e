"""Robustness against the real server (gunicorn, as `handhold serve` runs it): many clients at
once, and a crash in the middle of writes. On SQLite here; on PostgreSQL as well when the suite
runs with DATABASE_URL pointing at PostgreSQL (a throwaway database is made for it)."""

from __future__ import annotations

import http.client
import os
import re
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from handhold.content.registry import default_pack
from tests.real_server import Browser, Server, clean_environment

SAVED = "Saved. Only you can see your answers."
ITEM_ROLES = [(a.id, role) for a in default_pack().activities for role in a.roles]


@pytest.fixture
def database(tmp_path):
    """Server settings for a database of its own: SQLite in tmp_path, or a throwaway PostgreSQL
    database when the suite runs on PostgreSQL. Yields (extra env, count of answers)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        db_file = tmp_path / "data" / "handhold.sqlite3"

        def count() -> int:
            with sqlite3.connect(db_file) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                return conn.execute("SELECT COUNT(*) FROM discovery_answer").fetchone()[0]

        yield {}, count
        return
    import psycopg

    from handhold.bench import create_throwaway_database, drop_throwaway_database, shared_keys

    own = create_throwaway_database(url, prefix="handhold_robust")

    def count() -> int:
        with psycopg.connect(own) as conn:
            return conn.execute("SELECT COUNT(*) FROM discovery_answer").fetchone()[0]

    yield {"DATABASE_URL": own, **shared_keys()}, count
    drop_throwaway_database(own)


def open_the_whole_ladder(client: Browser, token: str) -> None:
    """Press "Show me the next level" until every level is open: every item is a field."""
    for _ in range(3):
        assert client.post("/discover/", {"open_next": "1"}, token=token)[0] == 200


def roomy(tmp_path, extra: dict) -> dict:
    return clean_environment(
        tmp_path / "data",
        HANDHOLD_RATE_SIGN_UP="100000/h",
        HANDHOLD_RATE_PAIRING_CODE="100000/h",
        **extra,
    )


def test_fifty_clients_at_once_lose_no_answer_and_see_no_error(tmp_path, database):
    extra, count = database
    server = Server(roomy(tmp_path, extra), workers=4).start()
    try:
        clients = [Browser(server.base) for _ in range(50)]
        with ThreadPoolExecutor(max_workers=10) as pool:
            list(pool.map(lambda p: p[1].sign_up(f"person{p[0]}"), enumerate(clients)))
        # Pair them two by two, one after another.
        for first, second in zip(clients[::2], clients[1::2], strict=True):
            _, html = first.post("/pair/invite/", {}, form_page="/pair/")
            code = re.search(r'<p class="code"[^>]*>([0-9A-Z-]+)</p>', html).group(1)
            assert second.post("/pair/join/", {"code": code})[0] == 200
        tokens = [c.token("/discover/") for c in clients]
        for client, token in zip(clients, tokens, strict=True):
            open_the_whole_ladder(client, token)
        statuses, acknowledged, lock = [], 0, threading.Lock()

        def work(n: int) -> None:
            nonlocal acknowledged
            client, token = clients[n], tokens[n]
            for item, role in ITEM_ROLES[n % 7 :: 7][:5]:
                status, html = client.post("/discover/", {f"{item}__{role}": "yes"}, token=token)
                with lock:
                    statuses.append(status)
                    acknowledged += status == 200 and SAVED in html
            if n % 4 == 0:  # some unpair while the others write
                status, _ = client.post("/settings/unpair/", {}, token=token)
                with lock:
                    statuses.append(status)

        with ThreadPoolExecutor(max_workers=50) as pool:
            list(pool.map(work, range(50)))
    finally:
        server.stop()
    assert statuses and all(status == 200 for status in statuses), sorted(set(statuses))
    assert count() == acknowledged == 250


def test_a_crash_in_the_middle_of_writes_loses_nothing_acknowledged(tmp_path, database):
    extra, count = database
    env = roomy(tmp_path, extra)
    server = Server(env).start()
    clients = [Browser(server.base) for _ in range(6)]
    for n, client in enumerate(clients):
        client.sign_up(f"writer{n}")
    tokens = [c.token("/discover/") for c in clients]
    for client, token in zip(clients, tokens, strict=True):
        open_the_whole_ladder(client, token)
    acknowledged, lock, stop = 0, threading.Lock(), threading.Event()

    def writer(n: int) -> None:
        nonlocal acknowledged
        for item, role in ITEM_ROLES:
            if stop.is_set():
                return
            try:
                status, html = clients[n].post(
                    "/discover/", {f"{item}__{role}": "no"}, token=tokens[n]
                )
            except (OSError, http.client.HTTPException):
                # The server died under this request, perhaps mid-answer: not acknowledged.
                return
            if status == 200 and SAVED in html:
                with lock:
                    acknowledged += 1

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    server.kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    assert acknowledged > 0
    restarted = Server(env).start()
    try:
        assert Browser(restarted.base).get("/")[0] == 200
    finally:
        restarted.stop()
    # Every acknowledged write is there (a write whose answer was lost may be there too).
    assert count() >= acknowledged
