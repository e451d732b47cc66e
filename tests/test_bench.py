"""`handhold bench` runs end to end (a tiny run: the real figures are in the README)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.own_sqlite
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
    assert report["rounds"] == 3
    assert report["anonymous"]["rps"] > 0 and report["anonymous"]["errors"] == 0
    # The logged-in bare view as a share of the anonymous one, alternated in the same rounds.
    assert report["baseline"]["of_anonymous"] > 0
    assert "logged-in bare view / anonymous bare view" in done.stdout
    # Logged in for real: the bare view read the session (no query with a warm session cache)
    # and the person, and no page was a redirect to log-in (which counts as an error).
    assert report["baseline"]["queries"] == 1
    assert set(report["pages"]) == {
        "home",
        "ladder",
        "reveal",
        "planner_check",
        "journey",
        "sessions",
        "invitation",
    }
    for row in report["pages"].values():
        assert set(row) >= {"rps", "p50_ms", "p95_ms", "ratio", "queries", "baseline_rps"}
        # Three rounds of bare view then page; the page's ratio is the median of theirs.
        assert len(row["rounds"]) == 3
        assert row["ratio"] == sorted(row["rounds"])[1]
        assert row["rps"] > 0 and row["queries"] > 0 and row["errors"] == 0
    # FULL against NORMAL: only that it was measured; what it costs is in the README.
    assert "SQLite synchronous: FULL (the default) against NORMAL" in done.stdout
    assert set(report["synchronous"]) == set(report["pages"])
    for row in report["synchronous"].values():
        assert row["full_rps"] > 0 and row["normal_rps"] > 0 and row["errors"] == 0


@pytest.mark.own_sqlite
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
    for page in ["home", "ladder", "reveal", "planner_check", "journey", "sessions", "invitation"]:
        assert f"page: {page}" in done.stdout


@pytest.mark.parametrize(
    "path",
    ["/bench/bare/", "/bench/planner-check-alone/", "/bench/planner-check-and-save/"],
)
def test_the_bench_only_views_are_not_production_urls(client, db, path):
    assert client.get(path).status_code == 404
    assert client.post(path, {"style": "text", "text": "Hello"}).status_code == 404


def test_the_planner_floor_views_check_and_save_as_the_planner_does(db, settings):
    """eval/planner_floor.py reads the planner's floor from these two: the second must save
    the words as the planner does (the same function), and the first must save nothing."""
    from django.test import Client

    from handhold.bench import PAGES, seed
    from handhold.content.registry import current_pack
    from handhold.conversation.services import draft_of

    settings.ROOT_URLCONF = "handhold.config.bench_urls"
    person = seed(1, lambda text: None)[0]
    client = Client()
    client.force_login(person)
    words = PAGES["planner_check"][2]
    assert client.post("/bench/planner-check-alone/", words).status_code == 200
    assert draft_of(author=person, pack=current_pack(person)) is None
    assert client.post("/bench/planner-check-and-save/", words).status_code == 200
    draft = draft_of(author=person, pack=current_pack(person))
    assert (draft.style, draft.text) == (words["style"], words["text"])
    assert client.get("/bench/planner-check-alone/").status_code == 405


@pytest.mark.own_sqlite
def test_the_planner_floor_script_runs_the_three_rows(tmp_path):
    script = Path(__file__).resolve().parents[1] / "eval/planner_floor.py"
    out = tmp_path / "floor.json"
    done = subprocess.run(
        [sys.executable, str(script), "--couples", "10", "--seconds", "1", "--clients", "2"]
        + ["--rounds", "1", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text())
    assert list(report["pages"]) == [
        "planner_check_alone",
        "planner_check_and_save",
        "planner_check",
    ]
    for row in report["pages"].values():
        assert row["rps"] > 0 and row["errors"] == 0


def test_the_seeded_couples_journey_rows_equal_their_facts(db):
    """The bench copies the first couple's journey rows to the others (a rebuild for each of
    100,000 couples would take minutes): each copy must still equal its own facts."""
    from handhold.bench import seed
    from handhold.together.state import journey_from_facts, stored_journey

    people = seed(3, lambda text: None)
    for couple_id in {person.couple_id for person in people}:
        assert stored_journey(couple_id) == journey_from_facts(couple_id)


def test_the_invited_partner_sees_the_seeded_invitation(db):
    """The invitation page is loaded by each couple's second person, for whom the first
    person's invitation waits: the page the bench measures shows it, with its answers."""
    from django.test import Client

    from handhold.bench import INVITATION, PAGES, PARTNER_PAGES, seed

    people = seed(2, lambda text: None)
    assert {"invitation"} == PARTNER_PAGES
    client = Client()
    client.force_login(people[1])
    page = client.get(PAGES["invitation"][1])
    assert page.status_code == 200
    assert INVITATION in page.content.decode()
    assert b"like_to_talk" in page.content
    # The sender's own pages do not show it as waiting for them.
    client.force_login(people[0])
    assert INVITATION not in client.get("/").content.decode()
