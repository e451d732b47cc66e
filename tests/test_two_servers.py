"""Many app servers on one PostgreSQL and one Redis: two real `handhold serve` processes behind a
small round-robin proxy, as a load balancer would put them. Every request goes to the other
server than the one before, so each step of a journey crosses from one to the other.

It runs on PostgreSQL (a throwaway database on the machine's server) and the machine's Redis in
both runs of the suite: a shared database is what several servers need, whatever the rest of
the suite runs on.

Each person here is a browser with an address of its own (127.0.0.x: all of 127/8 is this
machine), which the proxy hears and passes on in X-Forwarded-For, as nginx's
`$proxy_add_x_forwarded_for` does; the servers trust one proxy (HANDHOLD_PROXY_COUNT=1).
"""

from __future__ import annotations

import contextlib
import html as html_lib
import http.client
import itertools
import os
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg
import pytest
import redis

from handhold.bench import create_throwaway_database, drop_throwaway_database, shared_keys
from handhold.content.registry import default_pack
from tests.real_server import Browser, Server, clean_environment

POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
# A Redis database of this test's own, emptied before and after. Its keys would not collide
# with anyone else's anyway: each is a hash keyed with this run's own secret key.
REDIS_DB = 11
PASSPHRASE = "a quiet long passphrase"
SAVED = "Saved. Only you can see your answers."
ITEM_ROLES = [(a.id, role) for a in default_pack().activities for role in a.roles]
# Headers that belong to one connection, not to the request: a proxy does not pass them on.
HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "content-length",
}


@dataclass(frozen=True)
class Hop:
    client: str
    method: str
    path: str
    server: int
    status: int


class RoundRobinProxy:
    """A reverse proxy with two servers upstream: each request goes to the next server in turn,
    and X-Forwarded-For gets the address the request came from appended. A server that does not
    answer is a 502, as nginx would say."""

    def __init__(self, ports: list[int]):
        self.ports = ports
        self.turn = 0
        self.hops: list[Hop] = []
        self.lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                proxy.forward(self)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.http.server_port}"
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)

    def start(self) -> RoundRobinProxy:
        self.thread.start()
        return self

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()
        self.thread.join(timeout=10)

    def send_next_to(self, server: int) -> None:
        with self.lock:
            self.turn = server

    def forward(self, request: BaseHTTPRequestHandler) -> None:
        with self.lock:
            server, self.turn = self.turn, (self.turn + 1) % len(self.ports)
        body = request.rfile.read(int(request.headers.get("Content-Length") or 0))
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() not in HOP_BY_HOP | {"x-forwarded-for"}
        }
        client = request.client_address[0]
        before = request.headers.get("X-Forwarded-For")
        headers["X-Forwarded-For"] = f"{before}, {client}" if before else client
        upstream = http.client.HTTPConnection("127.0.0.1", self.ports[server], timeout=30)
        try:
            upstream.request(request.command, request.path, body=body or None, headers=headers)
            response = upstream.getresponse()
            status, reply_headers, payload = response.status, response.getheaders(), response.read()
        except (OSError, http.client.HTTPException):
            status, reply_headers, payload = 502, [("Content-Type", "text/plain")], b"Bad gateway"
        finally:
            upstream.close()
        with self.lock:
            self.hops.append(Hop(client, request.command, request.path, server, status))
        request.send_response_only(status)
        for name, value in reply_headers:
            if name.lower() not in HOP_BY_HOP:
                request.send_header(name, value)
        request.send_header("Content-Length", str(len(payload)))
        request.send_header("Connection", "close")
        request.end_headers()
        request.wfile.write(payload)

    def posts(self, path: str, since: int = 0) -> list[Hop]:
        with self.lock:
            return [h for h in self.hops[since:] if h.method == "POST" and h.path == path]


@dataclass
class Cluster:
    servers: list[Server]
    proxy: RoundRobinProxy
    database: str
    redis: redis.Redis

    def browser(self, address: str) -> Browser:
        """A person at `address`, reaching Handhold only through the proxy."""
        return Browser(self.proxy.base, source=address)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Two servers (two workers each) on one throwaway PostgreSQL database and one Redis
    database, with the same keys, behind the proxy. Everything is undone whatever happens."""
    url = os.environ.get("DATABASE_URL", "")
    with contextlib.ExitStack() as undo:
        store = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
        store.flushdb()
        undo.callback(store.close)
        undo.callback(store.flushdb)
        database = create_throwaway_database(
            url if url.startswith("postgres") else POSTGRES, prefix="handhold_two"
        )
        undo.callback(drop_throwaway_database, database)
        keys = shared_keys()
        data = tmp_path_factory.mktemp("two-servers")
        servers = [
            Server(
                clean_environment(
                    data / f"server{n}",
                    DATABASE_URL=database,
                    HANDHOLD_REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
                    HANDHOLD_PROXY_COUNT="1",
                    HANDHOLD_LOGIN_FAILURE_LIMIT="3",
                    HANDHOLD_RATE_SIGN_UP="3/h",
                    HANDHOLD_RATE_PAIRING_CODE="4/h",
                    HANDHOLD_RATE_PRESSURE_CHECK="4/m",
                    **keys,
                ),
                workers=2,
            )
            for n in range(2)
        ]
        for server in servers:
            undo.callback(stop_if_running, server)
        with ThreadPoolExecutor(max_workers=2) as pool:  # started at once, as a deploy would
            list(pool.map(Server.start, servers))
        proxy = RoundRobinProxy([server.port for server in servers]).start()
        undo.callback(proxy.close)
        yield Cluster(servers, proxy, database, store)


def stop_if_running(server: Server) -> None:
    if server.process is not None and server.process.poll() is None:
        server.stop()


def sign_up(person: Browser, username: str, token: str | None = None) -> tuple[int, str]:
    data = {
        "username": username,
        "passphrase": PASSPHRASE,
        "passphrase_again": PASSPHRASE,
        "adult": "on",
    }
    return person.post("/sign-up/", data, token=token)


def text(page: str) -> str:
    """The words of a page, as a reader sees them."""
    words = html_lib.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\xa0", " ")
    return re.sub(r"\s+", " ", words)


def both_servers(hops: list[Hop]) -> bool:
    return {hop.server for hop in hops} == {0, 1}


def test_two_partners_walk_across_both_servers(cluster):
    proxy = cluster.proxy
    start = len(proxy.hops)
    alex, blake = cluster.browser("127.0.0.2"), cluster.browser("127.0.0.3")
    for person, name in ((alex, "alex"), (blake, "blake")):
        status, page = sign_up(person, name)
        assert status == 200 and "Your recovery code" in text(page), text(page)[:300]

    # The pairing code is made through one server and taken through the other.
    _, page = alex.post("/pair/invite/", {}, form_page="/pair/")
    code = re.search(r'<p class="code"[^>]*>([0-9A-Z-]+)</p>', page).group(1)
    made_on = proxy.posts("/pair/invite/", start)[-1].server
    token = blake.token("/pair/join/")
    proxy.send_next_to(1 - made_on)
    status, page = blake.post("/pair/join/", {"code": code}, token=token)
    assert status == 200 and "alex invited you. Hello!" in text(page)
    assert proxy.posts("/pair/join/", start)[-1].server == 1 - made_on

    # The ladder: answers saved, then marked finished, each person on both servers.
    answers = {
        alex: {
            "compliment-body__give": "yes",
            "compliment-body__receive": "yes",
            "playful-squeeze__give": "yes",
            "touch-over-clothes__give": "no",
        },
        blake: {
            "compliment-body__give": "curious",
            "compliment-body__receive": "yes",
            "playful-squeeze__receive": "yes",
            "touch-over-clothes__receive": "yes",
        },
    }
    for person, choices in answers.items():
        token = person.token("/discover/")
        status, page = person.post("/discover/", choices, token=token)
        assert status == 200 and SAVED in text(page)
        for field, choice in choices.items():
            assert re.search(rf'name="{field}" value="{choice}"[^>]*checked', page), field
    status, page = alex.post("/discover/", {"finish": "1"}, form_page="/discover/")
    assert status == 200 and "Waiting for both of you." in text(page)
    status, page = blake.post("/discover/", {"finish": "1"}, form_page="/discover/")
    assert status == 200 and "What you both want" in text(page)
    for person, squeeze in ((alex, "you give"), (blake, "you receive")):
        for _ in range(2):  # once from each server
            words = text(person.get("/discover/together/")[2])
            assert "A compliment about their body — both ways" in words
            assert f"A playful squeeze — {squeeze}" in words
            assert "Touching over clothes" not in words  # alex said no
            assert "A first evening" in words
    assert both_servers(proxy.posts("/discover/", start))

    # An invitation to talk, sent through one server, answered through the other.
    message = "Would you like to talk about something new sometime? A no is completely fine."
    status, page = alex.post("/talk/invite/", {"message": message}, form_page="/talk/invite/")
    assert status == 200 and "Your invitation is on its way" in text(page)
    sent_on = proxy.posts("/talk/invite/", start)[-1].server
    _, _, page = blake.get("/talk/invite/")
    assert message in text(page)
    action = re.search(r'action="(/talk/invite/[0-9a-f-]+/answer/)"', page).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    proxy.send_next_to(1 - sent_on)
    status, page = blake.post(action, {"answer": "like_to_talk"}, token=token)
    assert status == 200 and "Your answer is saved" in text(page)
    assert proxy.posts(action, start)[-1].server == 1 - sent_on
    for _ in range(2):
        assert "Your partner would like to talk." in text(alex.get("/talk/invite/")[2])

    hops = proxy.hops[start:]
    assert both_servers(hops) and all(hop.status < 400 for hop in hops)
    assert {hop.client for hop in hops} == {"127.0.0.2", "127.0.0.3"}


def log_in(person: Browser, username: str, passphrase: str, token: str) -> tuple[int, str]:
    return person.post("/log-in/", {"username": username, "password": passphrase}, token=token)


def test_limits_count_each_client_once_across_both_servers(cluster):
    proxy = cluster.proxy
    start = len(proxy.hops)
    sam = cluster.browser("127.0.1.1")
    assert sign_up(sam, "sam")[0] == 200

    # Three wrong passphrases for sam from one address, alternating servers, lock that pair.
    guesser = cluster.browser("127.0.1.2")
    token = guesser.token("/log-in/")
    statuses = [log_in(guesser, "sam", f"wrong guess {n}", token)[0] for n in range(3)]
    assert statuses == [400, 400, 429]
    statuses = [log_in(guesser, "sam", PASSPHRASE, token)[0] for n in range(2)]
    assert statuses == [429, 429]  # locked on both servers, even with the right passphrase
    tries = proxy.posts("/log-in/", start)
    assert both_servers(tries[:3]) and both_servers(tries[3:])
    assert {hop.client for hop in tries} == {"127.0.1.2"}

    # Sam, from another address, logs in, through either server.
    for _ in range(2):
        sam = cluster.browser("127.0.1.1")
        status, page = log_in(sam, "sam", PASSPHRASE, sam.token("/log-in/"))
        assert status == 200 and "Log out" in text(page), text(page)[:300]
    assert both_servers(proxy.posts("/log-in/", start)[-2:])

    # Sign-ups: three an hour from one address, counted once across both servers.
    since = len(proxy.hops)
    people = [cluster.browser("127.0.2.1") for _ in range(4)]
    tokens = [person.token("/sign-up/") for person in people]  # so the posts alternate
    statuses = [
        sign_up(person, f"newcomer{n}", token)[0]
        for n, (person, token) in enumerate(zip(people, tokens, strict=True))
    ]
    assert statuses == [200, 200, 200, 429]
    assert both_servers(proxy.posts("/sign-up/", since)[:3])
    assert sign_up(cluster.browser("127.0.2.2"), "newcomer9")[0] == 200

    # The counts live in Redis, not in the database's counter table.
    assert cluster.redis.dbsize() > 0
    with psycopg.connect(cluster.database) as connection:
        rows = connection.execute("SELECT count(*) FROM handhold_rate_counters").fetchone()[0]
        newcomers = connection.execute(
            "SELECT username FROM accounts_user WHERE username LIKE 'newcomer%'"
        ).fetchall()
    assert rows == 0
    assert sorted(name for (name,) in newcomers) == [
        "newcomer0",
        "newcomer1",
        "newcomer2",
        "newcomer9",
    ]


def test_limits_per_person_count_once_across_both_servers(cluster):
    """The pairing-code and pressure-check limits count per person (and pairing codes per
    address too): four tries an hour or a minute here, wherever each one lands."""
    proxy = cluster.proxy
    robin = cluster.browser("127.0.3.1")
    assert sign_up(robin, "robin")[0] == 200
    since = len(proxy.hops)
    token = robin.token("/pair/join/")
    codes = [robin.post("/pair/join/", {"code": "NOT-A-CODE"}, token=token)[0] for _ in range(5)]
    assert codes == [400, 400, 400, 400, 429]
    assert both_servers(proxy.posts("/pair/join/", since)[:4])

    since = len(proxy.hops)
    token = robin.token("/talk/plan/")
    draft = {"style": "text", "text": "Would you like to talk about something new? No is fine."}
    checks = [robin.post("/talk/plan/", draft, token=token)[0] for _ in range(5)]
    assert checks == [200, 200, 200, 200, 429]
    assert both_servers(proxy.posts("/talk/plan/", since)[:4])


def test_a_server_killed_mid_write_loses_nothing_acknowledged(cluster):
    proxy = cluster.proxy
    writers = [cluster.browser(f"127.0.3.{n}") for n in range(1, 7)]
    for n, writer in enumerate(writers):
        assert sign_up(writer, f"writer{n}")[0] == 200
    tokens = [writer.token("/discover/") for writer in writers]
    for writer, token in zip(writers, tokens, strict=True):
        for _ in range(3):  # every level open: every item is a field
            assert writer.post("/discover/", {"open_next": "1"}, token=token)[0] == 200
    acknowledged: set[tuple[str, str, str]] = set()
    lock, stop = threading.Lock(), threading.Event()

    def write(n: int) -> None:
        # Round and round until stopped, so that writes are still in flight when the server is
        # killed however fast the machine: once through took under 1.5 s on a fast one, and
        # the test then failed for want of a request to the killed server.
        for item, role in itertools.cycle(ITEM_ROLES):
            if stop.is_set():
                return
            try:
                status, page = writers[n].post(
                    "/discover/", {f"{item}__{role}": "no"}, token=tokens[n]
                )
            except (OSError, http.client.HTTPException):
                continue  # not acknowledged
            if status == 200 and SAVED in page:
                with lock:
                    acknowledged.add((f"writer{n}", item, role))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    killed_at = len(proxy.hops)
    cluster.servers[1].kill()
    time.sleep(1.5)  # the other server carries on alone
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    after = proxy.hops[killed_at:]
    assert any(hop.server == 1 and hop.status == 502 for hop in after)
    assert any(hop.server == 0 and hop.method == "POST" and hop.status == 302 for hop in after)
    assert not any(hop.server == 0 and hop.status >= 500 for hop in after)
    assert acknowledged

    cluster.servers[1].start()  # back on its port, behind the same proxy
    for _ in range(2):
        assert cluster.browser("127.0.3.99").get("/")[0] == 200
    assert proxy.hops[-2:][0].server != proxy.hops[-2:][1].server
    with psycopg.connect(cluster.database) as connection:
        stored = set(
            connection.execute(
                "SELECT u.username, a.item_id, a.role FROM discovery_answer a "
                "JOIN accounts_user u ON u.id = a.person_id WHERE u.username LIKE 'writer%'"
            ).fetchall()
        )
    # Every acknowledged answer is there (one whose answer was lost may be there too).
    assert acknowledged <= stored
