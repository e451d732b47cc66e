"""`handhold bench` runs end to end (a tiny run: the real figures are in the README)."""

import json
import os
import subprocess
import sys
from pathlib import Path


def test_the_bench_command_prints_its_tables_and_writes_json(tmp_path):
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
            "--compare-synchronous",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
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
    # FULL against NORMAL: only that it was measured; what it costs is in the README.
    assert "SQLite synchronous: FULL (the default) against NORMAL" in done.stdout
    assert set(report["synchronous"]) == set(report["pages"])
    for row in report["synchronous"].values():
        assert row["full_rps"] > 0 and row["normal_rps"] > 0 and row["errors"] == 0


def test_the_in_process_breakdown_runs_and_names_every_key_page():
    script = Path(__file__).resolve().parents[1] / "eval/bench_in_process.py"
    done = subprocess.run(
        [sys.executable, str(script), "--repeat", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for row in ["one ORM query", "raw cursor", "page frame", "the check", "page: bare view"]:
        assert row in done.stdout
    for page in ["home", "ladder", "reveal", "planner_check", "journey"]:
        assert f"page: {page}" in done.stdout
