"""`handhold bench`: Handhold under its production server, seeded with many couples, loaded
from a separate process, each key page compared with a bare Django view in the same run.

The baseline (`/bench/bare/`, in a URL configuration only the bench's servers load,
handhold/config/bench_urls.py) goes through the same server and middleware for the same
logged-in people, reads request.user and returns a small fixed page, so a page's ratio (its
requests per second over the baseline's) shows what its own work costs. Each page is measured
in ROUNDS rounds, each the baseline then the page, and each round's ratio is taken against its
neighbouring baseline; the page's ratio is the median of its rounds, its req/s and latencies
the medians of its runs (`base/s` in the table: the median of its baselines). The anonymous
bare view (no session, the same number of clients) is measured the same way against the
logged-in one: the logged-in bare view's ratio to it is what the session and the person cost.

With --compare-synchronous (SQLite), a second server on the same database runs with
HANDHOLD_SQLITE_SYNCHRONOUS=normal, and each page is loaded on both, FULL (the default),
NORMAL, NORMAL, FULL: the FULL/NORMAL ratio is what waiting for the disk at every commit costs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import timedelta
from pathlib import Path

PAGES = {
    "home": ("GET", "/", None),
    "ladder": ("GET", "/discover/", None),
    "reveal": ("GET", "/discover/together/", None),
    "planner_check": (
        "POST",
        "/talk/plan/",
        {"style": "text", "text": "I find you attractive. Would you like to talk? No is fine."},
    ),
    "journey": ("GET", "/journey/", None),
    "sessions": ("GET", "/sessions/", None),
    # The invited partner's page: the invitation waiting for them, with its three answers.
    "invitation": ("GET", "/talk/invite/", None),
}
# Pages loaded by the other person of each couple: each seeded couple's first person has sent
# an invitation to talk, still unanswered, so that their partner's invitation page shows it
# (and the first person's own pages stay as they were measured before it was seeded). Their
# baseline is the bare view for the same partners.
PARTNER_PAGES = {"invitation"}
INVITATION = "Would you like to talk about what we both said yes to, some evening? No is fine."
ANSWERED = 10  # item-roles answered by each person
ROUNDS = 3  # baseline, page; baseline, page; ...: the median ratio of these rounds is reported


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare_environment(args, data: Path) -> str | None:
    os.environ.update(
        HANDHOLD_DATA_DIR=str(data),
        HANDHOLD_BENCH="1",
        HANDHOLD_RATE_PRESSURE_CHECK="100000000/m",
        DJANGO_SETTINGS_MODULE="handhold.config.settings",
    )
    if not args.postgres:
        os.environ.pop("DATABASE_URL", None)
        return None
    base = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
    os.environ["DATABASE_URL"] = create_throwaway_database(base, prefix="handhold_bench")
    # A shared database wants its keys given, not generated (cli.missing_shared_keys); the
    # bench's own, for a database that is dropped afterwards.
    os.environ.update(shared_keys())
    return os.environ["DATABASE_URL"]


def shared_keys() -> dict[str, str]:
    """A fresh secret key and encryption key, as an operator would give every server."""
    import secrets

    from handhold.core.crypto import new_key

    return {"HANDHOLD_SECRET_KEY": secrets.token_urlsafe(50), "HANDHOLD_ENCRYPTION_KEYS": new_key()}


def create_throwaway_database(base_url: str, *, prefix: str) -> str:
    """A new, empty PostgreSQL database on the server of `base_url`; returns its URL."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(re.sub(r"/[^/]*$", "/postgres", base_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return re.sub(r"/[^/]*$", f"/{name}", base_url)


def drop_throwaway_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(re.sub(r"/[^/]*$", "/postgres", url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed(couples: int, log) -> list:
    """Couples with answers (a few mutual items each), journals, a talk, an ended session, and
    an invitation to talk from the first person that waits for the second's answer."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from handhold.accounts.models import Couple, User
    from handhold.content.registry import default_pack
    from handhold.conversation.models import TalkInvitation
    from handhold.couples.models import TalkConfirmation
    from handhold.discovery.models import Answer, FinishedAnswering, JournalEntry, OpenedLevel
    from handhold.together.models import Debrief, SessionPlan

    pack = default_pack()
    pairs = [(a.id, r) for a in pack.activities for r in a.roles if r != "together"]
    now = timezone.now()
    password = make_password("bench people never log in with a passphrase")
    chunk = 2000
    people = []
    for start in range(0, couples, chunk):
        count = min(chunk, couples - start)
        made = Couple.objects.bulk_create([Couple() for _ in range(count)])
        users = User.objects.bulk_create(
            User(
                username=f"bench{start * 2 + n}",
                password=password,
                adult_confirmed_at=now,
                couple=made[n // 2],
            )
            for n in range(2 * count)
        )
        answers, journal, finished, talked, plans, opened, invited = [], [], [], [], [], [], []
        for n in range(0, len(users), 2):
            a, b = users[n], users[n + 1]
            for item, role in pairs[:ANSWERED]:
                other = "receive" if role == "give" else "give"
                answers.append(
                    Answer(person=a, pack_id=pack.id, item_id=item, role=role, choice="yes")
                )
                answers.append(
                    Answer(person=b, pack_id=pack.id, item_id=item, role=other, choice="curious")
                )
            for person in (a, b):
                journal.append(
                    JournalEntry(
                        author=person,
                        pack_id=pack.id,
                        question_id="why-do-i-want-this",
                        text="Because we are curious together.",
                        marker="ready",
                    )
                )
                finished.append(
                    FinishedAnswering(couple_id=a.couple_id, person=person, pack_id=pack.id)
                )
                # The whole ladder open: the heaviest ladder page, as measured before levels
                # opened one at a time.
                opened.append(OpenedLevel(person=person, pack_id=pack.id, level=5))
            talked += [
                # "We talked" is kept by topic: about the default pack, every couple's topic.
                TalkConfirmation(
                    couple_id=a.couple_id,
                    person=person,
                    pack_id=pack.id,
                    confirmed_at=now - timedelta(days=10),
                )
                for person in (a, b)
            ]
            invited.append(
                TalkInvitation(
                    couple_id=a.couple_id,
                    sender=a,
                    pack_id=pack.id,
                    message=INVITATION,
                    sent_at=now - timedelta(days=1),
                )
            )
            plans.append(
                SessionPlan(
                    couple_id=a.couple_id,
                    proposer=a,
                    pack_id=pack.id,
                    ceiling=2,
                    status="ended",
                    ended_at=now,
                )
            )
        Answer.objects.bulk_create(answers, batch_size=5000)
        JournalEntry.objects.bulk_create(journal, batch_size=5000)
        FinishedAnswering.objects.bulk_create(finished, batch_size=5000)
        OpenedLevel.objects.bulk_create(opened, batch_size=5000)
        TalkConfirmation.objects.bulk_create(talked, batch_size=5000)
        TalkInvitation.objects.bulk_create(invited, batch_size=5000)
        made_plans = SessionPlan.objects.bulk_create(plans, batch_size=5000)
        Debrief.objects.bulk_create(
            [
                Debrief(plan=p, author_id=p.proposer_id, felt="Good.", pace="same")
                for p in made_plans
            ]
            + [
                Debrief(plan=p, author_id=users[2 * i + 1].pk, felt="Good.", pace="same")
                for i, p in enumerate(made_plans)
            ],
            batch_size=5000,
        )
        _fill_journeys(made, users)
        people.extend(users)
        log(f"  seeded {start + count:,} of {couples:,} couples")
    return people


def _fill_journeys(made: list, users: list) -> None:
    """The couples' journey rows, as the services would have kept them. Every seeded couple
    has the same facts, so the first is rebuilt from its facts and the others get a copy with
    their own people and pairing moment (tests/test_bench.py checks one against its facts)."""
    from handhold.couples.models import CoupleJourney, PersonJourney
    from handhold.together.state import journey_from_facts

    shared, sides = journey_from_facts(made[0].pk)
    first_a, first_b = users[0].pk, users[1].pk
    rename = {first_a: 0, first_b: 1}

    def own(couple, n: int) -> dict:
        """The first couple's row for the n-th couple: its pairing moment and its senders."""
        senders = {
            pack_id: sorted(users[2 * n + rename[person]].pk for person in who)
            for pack_id, who in shared["invitations_from"].items()
        }
        return {**shared, "paired_since": couple.created_at, "invitations_from": senders}

    journeys = CoupleJourney.objects.bulk_create(
        [CoupleJourney(couple=couple, **own(couple, n)) for n, couple in enumerate(made)],
        batch_size=2000,
    )
    PersonJourney.objects.bulk_create(
        [
            PersonJourney(journey=journey, person=users[2 * n + rename[person]], **fields)
            for n, journey in enumerate(journeys)
            for person, fields in sides.items()
        ],
        batch_size=5000,
    )


def _sessions_for(users) -> list[str]:
    from importlib import import_module

    from django.conf import settings
    from django.middleware.csrf import _get_new_csrf_string

    # The engine the server reads (handhold/accounts/sessions.py), not Django's own table: a
    # session written there would be unknown to the server, and every page a redirect to log-in.
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
    cookies = []
    for user in users:
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        store["_auth_user_hash"] = user.get_session_auth_hash()
        store.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={store.session_key}")
    return cookies, _get_new_csrf_string()


def _queries(users, partners) -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, (method, path, form) in {**PAGES, "baseline": ("GET", "/bench/bare/", None)}.items():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(partners[0] if name in PARTNER_PAGES else users[0])
        client.get(path) if method == "GET" else client.post(path, form)
        with CaptureQueriesContext(connection) as captured:
            client.get(path) if method == "GET" else client.post(path, form)
        counts[name] = len(captured)
    return counts


def _load(url: str, cookies: list[str], csrf: str, seconds: float, method="GET", form=None):
    job = {
        "url": url,
        "cookies": [f"{c}; csrftoken={csrf}" for c in cookies],
        "csrf": csrf,
        "seconds": seconds,
        "method": method,
        "form": form,
    }
    done = subprocess.run(
        [sys.executable, "-m", "handhold.benchload"],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 120,
    )
    return json.loads(done.stdout)


def _start_server(port: int, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "handhold.cli", "serve", "--port", str(port)],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_for(base: str) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/", timeout=2).read()  # noqa: S310 - loopback
            return
        except OSError:
            time.sleep(0.2)


def _summary(runs: list[dict]) -> dict:
    """Several runs as one: median requests per second and latencies, every error counted."""
    return {
        "requests": sum(r["requests"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
        "rps": statistics.median(r["rps"] for r in runs),
        "p50_ms": statistics.median(r["p50_ms"] for r in runs),
        "p95_ms": statistics.median(r["p95_ms"] for r in runs),
    }


def _rounds(load_baseline, load_page, rounds: int) -> dict:
    """`rounds` rounds of the baseline then the page, on a machine whose speed drifts (other
    tenants share it): each round's ratio is against its neighbouring baseline, and the median
    of those ratios is the page's. Returns the page's summary with its ratio and rounds."""
    pairs = [(load_baseline(), load_page()) for _ in range(rounds)]
    ratios = [page["rps"] / base["rps"] if base["rps"] else 0.0 for base, page in pairs]
    return {
        **_summary([page for _, page in pairs]),
        "ratio": statistics.median(ratios),
        "rounds": ratios,
        "baseline_rps": statistics.median(base["rps"] for base, _ in pairs),
        "baselines": [base for base, _ in pairs],
    }


def run(args) -> int:
    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    couples = 1000 if args.quick else args.couples
    seconds = 4.0 if args.quick else args.seconds
    compare = args.compare_synchronous
    if compare and args.postgres:
        log("--compare-synchronous measures SQLite; leave out --postgres")
        return 2
    data = Path(tempfile.mkdtemp(prefix="handhold-bench-"))
    database = _prepare_environment(args, data)
    servers = []
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
        log(f"Seeding {couples:,} couples...")
        started = time.perf_counter()
        people = seed(couples, log)
        log(f"Seeded in {time.perf_counter() - started:.1f} s")
        if args.postgres:
            # PostgreSQL's autovacuum gathers planner statistics soon after a load this size;
            # without them its first plans are guesses, and a real database has them.
            from django.db import connection

            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        # One person from each of `clients` couples spread over the whole table, so that a
        # large run reads rows from everywhere in it, not only the first ones written.
        step = 2 * max(1, couples // args.clients)
        users = people[::step][: args.clients]
        partners = people[1::step][: args.clients]  # the other person of the same couples
        cookies, csrf = _sessions_for(users)
        partner_cookies, _csrf = _sessions_for(partners)
        queries = _queries(users, partners)
        from django.db import connections

        connections.close_all()

        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        # Comparing, the first server runs FULL whatever this shell's setting says.
        full = {"HANDHOLD_SQLITE_SYNCHRONOUS": "full"} if compare else {}
        servers.append(_start_server(port, **full))
        if compare:
            normal_port = _free_port()
            normal_base = f"http://127.0.0.1:{normal_port}"
            servers.append(_start_server(normal_port, HANDHOLD_SQLITE_SYNCHRONOUS="normal"))
            _wait_for(normal_base)
        _wait_for(base)
        log(
            f"Loading each page for {seconds:.0f} s with {len(cookies)} clients, "
            f"{args.rounds} rounds alternating with the bare view..."
        )

        def bare(cookies=cookies):
            return _load(base + "/bench/bare/", cookies, csrf, seconds)

        # Anonymous: the same number of clients, each with a cookie naming no session.
        anonymous_cookies = ["x=y"] * len(cookies)
        results = {
            "anonymous": _rounds(
                bare,
                lambda: _load(base + "/bench/bare/", anonymous_cookies, csrf, seconds),
                args.rounds,
            )
        }
        baselines = list(results["anonymous"].pop("baselines"))
        for name, (method, path, form) in PAGES.items():
            who = partner_cookies if name in PARTNER_PAGES else cookies
            results[name] = _rounds(
                lambda who=who: bare(who),
                lambda path=path, method=method, form=form, who=who: _load(
                    base + path, who, csrf, seconds, method, form
                ),
                args.rounds,
            )
            baselines += results[name].pop("baselines")
            if compare:
                # FULL, NORMAL twice, then FULL again: a drift in this machine's speed over
                # the four runs weighs on both sides alike.
                full = [_load(base + path, who, csrf, seconds, method, form)]
                normal = [_load(normal_base + path, who, csrf, seconds, method, form)]
                normal.append(_load(normal_base + path, who, csrf, seconds, method, form))
                full.append(_load(base + path, who, csrf, seconds, method, form))
                results[name]["synchronous"] = {
                    "full_rps": statistics.mean(r["rps"] for r in full),
                    "normal_rps": statistics.mean(r["rps"] for r in normal),
                    "errors": sum(r["errors"] for r in full + normal),
                }
        results["baseline"] = _summary(baselines)
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        if database:
            drop_throwaway_database(database)
        shutil.rmtree(data, ignore_errors=True)

    baseline = results["baseline"]["rps"]  # the median of every logged-in bare view run
    anonymous = results["anonymous"]
    report = {
        "couples": couples,
        "database": "postgresql" if args.postgres else "sqlite",
        "rounds": args.rounds,
        # The logged-in bare view, and (of_anonymous) its median ratio to the anonymous one
        # over the rounds that alternated the two.
        "baseline": {
            **results["baseline"],
            "queries": queries["baseline"],
            "of_anonymous": statistics.median(1 / r if r else 0.0 for r in anonymous["rounds"]),
        },
        "anonymous": {
            key: anonymous[key]
            for key in ("rps", "p50_ms", "p95_ms", "ratio", "baseline_rps", "requests", "errors")
        },
        "pages": {
            name: {
                key: results[name][key]
                for key in ("rps", "p50_ms", "p95_ms", "ratio", "rounds", "baseline_rps", "errors")
            }
            | {"queries": queries[name]}
            for name in PAGES
        },
    }
    print(
        f"{report['couples']:,} couples on {report['database']}, {len(cookies)} clients, "
        f"{seconds:.0f} s per page"
    )
    print(
        f"{'page':20} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'base/s':>8} {'ratio':>6} "
        f"{'queries':>7}"
    )
    for name, row in [
        ("baseline (bare view)", {**report["baseline"], "ratio": 1.0, "baseline_rps": baseline}),
        ("anonymous bare view", report["anonymous"]),
    ] + list(report["pages"].items()):
        print(
            f"{name:20} {row['rps']:8.1f} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} "
            f"{row['baseline_rps']:8.1f} {row['ratio']:6.2f} {row.get('queries', 0):7d}"
        )
    print(
        f"logged-in bare view / anonymous bare view: {report['baseline']['of_anonymous']:.2f} "
        f"(median of {args.rounds} alternating rounds); page ratios: medians of {args.rounds}"
    )
    if compare:
        report["synchronous"] = {}
        for name in PAGES:
            row = results[name]["synchronous"]
            ratio = row["full_rps"] / row["normal_rps"] if row["normal_rps"] else 0.0
            report["synchronous"][name] = {**row, "full_over_normal": ratio}
        print()
        print("SQLite synchronous: FULL (the default) against NORMAL, runs in the order FULL,")
        print("NORMAL, NORMAL, FULL on the same database; req/s are the means of each pair")
        print(f"{'page':20} {'FULL/s':>8} {'NORMAL/s':>8} {'FULL/NORMAL':>11}")
        for name, row in report["synchronous"].items():
            print(
                f"{name:20} {row['full_rps']:8.1f} {row['normal_rps']:8.1f} "
                f"{row['full_over_normal']:11.2f}"
            )
    failures = sum(r["errors"] for r in report["pages"].values())
    failures += report["baseline"]["errors"] + report["anonymous"]["errors"]
    failures += sum(r["errors"] for r in report.get("synchronous", {}).values())
    if failures:
        print(f"{failures} requests failed", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
    return 1 if failures else 0
