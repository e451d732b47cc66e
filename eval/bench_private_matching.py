"""Benchmark: one whole run of private matching for the whole ladder, in Python and in Node.

    python eval/bench_private_matching.py [--rounds 20] [--pack anal-play]

Both people say yes to every item and role (the most tokens, the worst case: every real
token is hashed, blinded and raised; padding costs less). A run is both browsers' work:
round one (hash, blind, pad, sort), round two (raise the partner's points), the
intersection. Python is the reference (libsodium through rbcl); Node runs the browser's code
(private-matching.js over the vendored @noble/curves), a stand-in for Chromium, whose V8 is
the same engine. The server's share, checking one posted set, is timed too. One core.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import round_seconds  # noqa: E402

from handhold.core import private_matching as pm  # noqa: E402
from handhold.core.matching import Answer, CatalogItem, open_tokens  # noqa: E402
from handhold.core.packs import load_pack  # noqa: E402

DRIVER = ROOT / "handhold/core/tests/private_matching_node.mjs"
PEOPLE = ("alice-public-id", "bob-public-id")


def python_run(tokens_a, tokens_b, dst: bytes, size: int) -> int:
    a = pm.ClientRun(tokens=tokens_a, people=PEOPLE, dst=dst, ladder_size=size)
    b = pm.ClientRun(tokens=tokens_b, people=PEOPLE, dst=dst, ladder_size=size)
    one_a, one_b = a.round_one(), b.round_one()
    two_a, two_b = a.round_two(one_b), b.round_two(one_a)
    mutual = a.mutual(two_b)
    b.mutual(two_a)
    return len(mutual)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pack", default="anal-play")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    pack = load_pack(ROOT / "handhold/content/packs" / args.pack)
    catalog = {a.id: CatalogItem(a.level, frozenset(a.roles)) for a in pack.activities}
    everything = [Answer(a.id, role, "yes") for a in pack.activities for role in a.roles]
    size = pm.ladder_size(catalog)
    dst = pm.dst(couple_id="bench-couple", run_id="bench-run")
    tokens_a = open_tokens(everything, me=PEOPLE[0], partner=PEOPLE[1], catalog=catalog, opened=5)
    tokens_b = open_tokens(everything, me=PEOPLE[1], partner=PEOPLE[0], catalog=catalog, opened=5)
    assert python_run(tokens_a, tokens_b, dst, size) == size

    python = statistics.median(
        round_seconds(
            lambda: python_run(tokens_a, tokens_b, dst, size), repeat=1, rounds=args.rounds
        )
    )
    posted = pm.ClientRun(tokens=tokens_a, people=PEOPLE, dst=dst, ladder_size=size).round_one()
    check = (
        statistics.median(
            round_seconds(
                lambda: pm.check_round_one(posted, expected_size=size),
                repeat=10,
                rounds=args.rounds,
            )
        )
        / 10
    )

    node = shutil.which("node")
    if node is None:
        sys.exit("node (Node.js 20.19+) is needed for the JavaScript half")
    as_js = lambda t: {"itemId": t.item_id, "receiver": t.receiver, "level": t.level}  # noqa: E731
    request = {
        "op": "bench",
        "repeat": args.rounds + 3,
        "first": [as_js(t) for t in tokens_a],
        "second": [as_js(t) for t in tokens_b],
        "people": list(PEOPLE),
        "dstText": dst.decode(),
        "size": size,
    }
    done = subprocess.run(  # noqa: S603 - our own script
        [node, str(DRIVER)],
        input=json.dumps(request) + "\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    answer = json.loads(done.stdout)["ok"]
    assert answer["mutual"] == size, answer
    javascript = statistics.median(answer["seconds"][3:])  # the first runs warm the JIT up
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()

    print(f"pack: {args.pack}  ladder: {size} tokens a person (every one posted: worst case)")
    print(f"rounds: {args.rounds}  one core  median of rounds")
    print(f"Python (libsodium via rbcl), whole run, both: {python * 1000:.1f} ms")
    print(f"Node {version} (private-matching.js), whole run, both: {javascript * 1000:.1f} ms")
    print(f"  so one browser's share: about {javascript * 500:.1f} ms")
    print(f"server: checking one posted set of {size} points: {check * 1000:.2f} ms")


if __name__ == "__main__":
    main()
