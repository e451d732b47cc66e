"""The load generator for `handhold bench`, run as its own process so that it does not share
the server's interpreter: `python -m handhold.benchload` reads a JSON job on standard input and
prints a JSON result. Bounded in time and requests; it only ever talks to 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse


def run(job: dict) -> dict:
    url = urllib.parse.urlsplit(job["url"])
    if url.hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("benchload only talks to this machine")
    deadline = time.perf_counter() + job["seconds"]
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def worker(cookie: str) -> None:
        nonlocal errors
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        headers = {"Cookie": cookie, "Host": f"127.0.0.1:{url.port}"}
        body = None
        if job.get("form"):
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = job["csrf"]
            headers["Origin"] = f"http://127.0.0.1:{url.port}"
            body = urllib.parse.urlencode(job["form"])
        count = 0
        while time.perf_counter() < deadline and count < job.get("max_requests", 100_000):
            start = time.perf_counter()
            conn.request(job.get("method", "GET"), url.path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            took = time.perf_counter() - start
            with lock:
                latencies.append(took)
                # A redirect is a failure too: a logged-in page that sends to log-in was not
                # the page that was meant to be measured.
                if response.status >= 300:
                    errors += 1
            count += 1
        conn.close()

    threads = [threading.Thread(target=worker, args=(c,)) for c in job["cookies"]]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else 0.0,
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0,
    }


if __name__ == "__main__":
    print(json.dumps(run(json.load(sys.stdin))))
