"""Where a page's time goes, in-process: the figures behind the README's "why" for the bench.

    python eval/bench_in_process.py [--repeat 300]

No server and no network: a throwaway SQLite data folder with 50 seeded couples, Django's test
client, and for each measurement the median over five rounds of milliseconds per call. It shows
what the pages do beyond the bare view, as ratios within one run on a noisy machine:
  - one ORM query against the same query through a raw cursor,
  - drawing the page frame (base.html) alone, and the planner's pressure check alone,
  - each key page of `handhold bench` through the middleware, and the bare view.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import round_seconds  # noqa: E402


def setup() -> list:
    os.environ.update(
        HANDHOLD_DATA_DIR=tempfile.mkdtemp(prefix="handhold-eval-"),
        HANDHOLD_BENCH="1",
        HANDHOLD_RATE_PRESSURE_CHECK="100000000/m",
        DJANGO_SETTINGS_MODULE="handhold.config.settings",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    from handhold.bench import seed

    call_command("migrate", interactive=False, verbosity=0)
    return seed(50, lambda text: None)


def ms_per_call(func, repeat: int) -> float:
    func()  # warm caches first
    taken = round_seconds(func, repeat=repeat, rounds=5)
    return statistics.median(seconds / repeat * 1000 for seconds in taken)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()
    people = setup()

    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.db import connection
    from django.template import engines
    from django.test import Client, RequestFactory

    from handhold.bench import PAGES, PARTNER_PAGES
    from handhold.content.registry import default_pack
    from handhold.conversation.services import analyse
    from handhold.discovery.models import FinishedAnswering

    person, pack = people[0], default_pack()
    rows = []

    def orm_query():
        FinishedAnswering.objects.filter(
            couple_id=person.couple_id, person_id=person.pk, pack_id=pack.id
        ).exists()

    def raw_query():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM discovery_finishedanswering"
                " WHERE couple_id = %s AND person_id = %s AND pack_id = %s LIMIT 1",
                [person.couple_id, person.pk, pack.id],
            )
            cursor.fetchone()

    rows.append(("one ORM query (exists)", ms_per_call(orm_query, args.repeat)))
    rows.append(("the same, raw cursor", ms_per_call(raw_query, args.repeat)))

    request = RequestFactory().get("/")
    request.user, request.session = person, {}
    request._messages = FallbackStorage(request)
    frame = engines["jinja2"].from_string(
        '{% extends "base.html" %}{% block content %}{% endblock %}'
    )
    rows.append(
        ("page frame (base.html)", ms_per_call(lambda: frame.render({}, request), args.repeat))
    )

    text = PAGES["planner_check"][2]["text"]
    rows.append(
        (
            "the check (rules, model)",
            ms_per_call(lambda: analyse(text=text, pack=pack), args.repeat),
        )
    )

    main_client = Client(HTTP_HOST="127.0.0.1")
    main_client.force_login(person)
    # The invited partner's pages, as `handhold bench` loads them: the same couple's other person.
    partner_client = Client(HTTP_HOST="127.0.0.1")
    partner_client.force_login(people[1])
    for name, (method, path, form) in {**PAGES, "bare view": ("GET", "/bench/bare/", None)}.items():
        client = partner_client if name in PARTNER_PAGES else main_client
        if method == "GET":
            call = lambda p=path, c=client: c.get(p)  # noqa: E731
        else:
            call = lambda p=path, f=form, c=client: c.post(p, f)  # noqa: E731
        rows.append((f"page: {name}", ms_per_call(call, args.repeat)))

    print(f"{'measurement':28} {'ms per call':>12}")
    for name, ms in rows:
        print(f"{name:28} {ms:12.3f}")


if __name__ == "__main__":
    main()
