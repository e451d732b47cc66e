"""`handhold bench` runs end to end (a tiny run: the real figures are in the README)."""

import json
import subprocess
import sys


def test_the_bench_command_prints_its_table_and_writes_json(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "handhold.cli",
            "bench",
            "--couples",
            "30",
            "--seconds",
            "1",
            "--clients",
            "2",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={k: v for k, v in __import__("os").environ.items() if not k.startswith("DJANGO_")},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "baseline (bare view)" in done.stdout
    report = json.loads(out.read_text())
    assert report["baseline"]["rps"] > 0
    assert set(report["pages"]) == {"home", "ladder", "reveal", "planner_check", "journey"}
    for row in report["pages"].values():
        assert set(row) >= {"rps", "p50_ms", "p95_ms", "ratio", "queries", "baseline_rps"}
        assert row["ratio"] == row["rps"] / row["baseline_rps"]
        assert row["rps"] > 0 and row["queries"] > 0 and row["errors"] == 0
