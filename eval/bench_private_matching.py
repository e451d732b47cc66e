"""Benchmark: one whole run of private matching for the whole ladder, in Python and in Node.

    python eval/bench_private_matching.py [--rounds 20] [--pack anal-play] [--chromium]

Both people say yes to every item and role (the most tokens, the worst case: every real
token is hashed, blinded and raised; padding costs less). A run is both browsers' work:
round one (hash, blind, pad, sort), round two (raise the partner's points), the
intersection. Python is the reference (libsodium through rbcl); Node runs the browser's code
(private-matching.js over the vendored @noble/curves), a stand-in for Chromium, whose V8 is
the same engine. The server's share, checking one posted set, is timed too. One core.

With --chromium the same run is also timed in Debian's Chromium itself (headless, through
Playwright, as the browser tests launch it; HANDHOLD_CHROMIUM names another binary): the
static files are served from a local port and the page imports private-matching.js as the
ladder page does. It also times one browser's own share of a run, and the locked copy's
costs in private-copy.js: deriving the key from the phrase (PBKDF2, once per device) and
sealing the answers (each change). Chromium runs in its own processes, not pinned to a core.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
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


STATIC = ROOT / "handhold/discovery/static/discovery"
IN_CHROMIUM = """async (r) => {
  const pm = await import("/private-matching.js");
  const copy = await import("/private-copy.js");
  const dstText = r.dstText;
  const whole = [], mine = [];
  let mutual = 0;
  for (let i = 0; i < r.repeat; i++) {
    const a = new pm.ClientRun({ tokens: r.first, people: r.people, dstText, size: r.size });
    const b = new pm.ClientRun({ tokens: r.second, people: r.people, dstText, size: r.size });
    const started = performance.now();
    const oneA = a.roundOne();
    const afterA1 = performance.now();
    const oneB = b.roundOne();
    const afterB1 = performance.now();
    const twoA = a.roundTwo(oneB);
    const afterA2 = performance.now();
    const twoB = b.roundTwo(oneA);
    const afterB2 = performance.now();
    mutual = a.mutual(twoB).length;
    const afterA3 = performance.now();
    b.mutual(twoA);
    const done = performance.now();
    whole.push((done - started) / 1000);
    mine.push(((afterA1 - started) + (afterA2 - afterB1) + (afterA3 - afterB2)) / 1000);
  }
  const salt = copy.randomBytes(copy.SALT_BYTES);
  const derive = [], seal = [];
  let key;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    key = await copy.phraseKey(copy.normalisePhrase(copy.newPhrase()), salt);
    derive.push((performance.now() - started) / 1000);
  }
  const answers = Object.fromEntries(r.first.map((t) => [`${t.itemId}__give`, "yes"]));
  for (let i = 0; i < r.repeat; i++) {
    const started = performance.now();
    await copy.sealCopy({ format: 1, packs: { bench: answers } }, { key, salt, personId: "bench" });
    seal.push((performance.now() - started) / 1000);
  }
  return { whole, mine, mutual, derive, seal, agent: navigator.userAgent };
}"""


def chromium_run(request: dict) -> dict:
    """The request's run in Chromium, over the static files served from a local port."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Quiet, directory=str(STATIC))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    binary = os.environ.get("HANDHOLD_CHROMIUM", "/usr/bin/chromium")
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=binary, args=flags)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            answer = page.evaluate(IN_CHROMIUM, request)
            browser.close()
    finally:
        server.shutdown()
    return answer


class Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
    }

    def log_message(self, *args) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pack", default="anal-play")
    parser.add_argument("--chromium", action="store_true", help="also time it in Chromium")
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
    if args.chromium:
        answer = chromium_run(request)
        assert answer["mutual"] == size, answer
        agent = answer["agent"].split("HeadlessChrome/")[-1].split()[0]
        whole = statistics.median(answer["whole"][3:])
        mine = statistics.median(answer["mine"][3:])
        print(f"Chromium {agent} (private-matching.js), whole run, both: {whole * 1000:.1f} ms")
        print(f"  one browser's own share (its three steps): {mine * 1000:.1f} ms")
        derive = statistics.median(answer["derive"])
        seal = statistics.median(answer["seal"][3:])
        print(f"  locked copy: deriving the key from the phrase {derive * 1000:.0f} ms (once a")
        print(f"  device), sealing the answers {seal * 1000:.2f} ms (each change)")


if __name__ == "__main__":
    main()
