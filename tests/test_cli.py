"""The `handhold` command, run as a real process: serve, content check, manage."""

import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.real_server import Browser, clean_environment, free_port

DEFAULT_PACK = Path(__file__).resolve().parents[1] / "handhold" / "content" / "packs" / "anal-play"


def handhold(*args, env=None, timeout=60):
    return subprocess.run(
        [sys.executable, "-m", "handhold.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


@pytest.fixture
def clean_env(tmp_path):
    return clean_environment(tmp_path / "data")


@pytest.fixture
def broken_pack(tmp_path):
    target = tmp_path / "broken"
    shutil.copytree(DEFAULT_PACK, target)
    text = (target / "activities.yaml").read_text()
    text = text.replace("level: 3", "level: 7", 1).replace("[together]", "[watch]", 1)
    (target / "activities.yaml").write_text(text)
    return target


def test_content_check_passes_the_default_pack():
    result = handhold("content", "check", str(DEFAULT_PACK))
    assert result.returncode == 0, result.stderr
    assert "ok: pack 'anal-play'" in result.stdout


def test_content_check_prints_one_line_per_problem_and_fails(broken_pack):
    result = handhold("content", "check", str(broken_pack))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{broken_pack}/activities.yaml: item 'talk-about-it-together' (#2): roles: "
        "'watch' is not allowed; 'give', 'receive' or 'together'",
        f"{broken_pack}/activities.yaml: item 'perineum-massage' (#10): level: "
        "7 is out of range: less than or equal to 5",
    ]


def test_content_check_on_a_missing_folder_fails_clearly(tmp_path):
    result = handhold("content", "check", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "not a folder" in result.stderr


def test_bad_cli_usage_is_a_clear_error():
    result = handhold("serve", "--port", "eighty")
    assert result.returncode == 2
    assert "invalid int value" in result.stderr


def test_serve_refuses_to_start_on_a_broken_pack(clean_env, broken_pack):
    clean_env["HANDHOLD_CONTENT_PACKS"] = str(broken_pack)
    result = handhold("serve", "--port", "1", env=clean_env)
    assert result.returncode == 1
    assert "Handhold did not start" in result.stderr
    assert "level: 7 is out of range" in result.stderr
    assert "roles: 'watch' is not allowed" in result.stderr


def test_check_deploy_passes_with_production_settings(clean_env):
    clean_env.update(HANDHOLD_HTTPS="1", HANDHOLD_ALLOWED_HOSTS="handhold.example.org")
    result = handhold("manage", "check", "--deploy", "--fail-level", "WARNING", env=clean_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_serve_runs_handhold_under_gunicorn_and_logs_nothing_personal(clean_env):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "handhold.cli", "serve", "--port", str(port), "--workers", "2"],
        env=clean_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                status, headers, html = Browser(base).get("/")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("handhold serve did not answer within 20 seconds")
        assert status == 200
        assert headers["Server"].startswith("gunicorn")
        assert Browser(base).get("/static/handhold/handhold.css")[0] == 200

        sky = Browser(base)
        sky.post(
            "/sign-up/",
            {
                "username": "skylark-private",
                "passphrase": "a quiet long passphrase",
                "passphrase_again": "a quiet long passphrase",
                "adult": "on",
            },
        )
        _, html = sky.post("/pair/invite/", {}, form_page="/pair/")
        code = re.search(r'<p class="code"[^>]*>([0-9A-Z-]+)</p>', html).group(1)
        robin = Browser(base)
        robin.post(
            "/sign-up/",
            {
                "username": "robin-private",
                "passphrase": "another long passphrase",
                "passphrase_again": "another long passphrase",
                "adult": "on",
            },
        )
        assert robin.get(f"/pair/join/?code={code}")[0] == 200
        _, html = robin.post("/pair/join/", {"code": code})
        assert "skylark-private invited you. Hello!" in html
        journal_secret = "Robin's journal sentence, never in plain text zq61f0wk."
        robin.post("/reflect/", {"why-do-i-want-this__text": journal_secret})
        try:
            robin.get("/no-such-page/?code=" + code)
        except urllib.error.HTTPError as error:
            assert error.code == 404
    finally:
        server.terminate()
        out, err = server.communicate(timeout=20)
    logs = out + err
    assert "Handhold is running on" in out
    assert "skylark-private" not in logs and "robin-private" not in logs
    assert code not in logs and code.replace("-", "") not in logs
    data = Path(clean_env["HANDHOLD_DATA_DIR"])
    assert (data / "handhold.sqlite3").exists()
    assert (data / "encryption_keys").stat().st_mode & 0o777 == 0o600
    # The raw database files (with the write-ahead log) hold no private text.
    for db_file in data.glob("handhold.sqlite3*"):
        assert b"zq61f0wk" not in db_file.read_bytes(), db_file.name
    assert (data / "secret_key").stat().st_mode & 0o777 == 0o600


def run_check(stdin: str, *args):
    return subprocess.run(
        [sys.executable, "-m", "handhold.cli", "check", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_writes_one_json_object_per_message_and_skips_empty_lines():
    import json

    result = run_check("Just try it once.\n\nWould you like to talk? No is fine.\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["text"] for line in lines] == [
        "Just try it once.",
        "Would you like to talk? No is fine.",
    ]
    assert set(lines[0]) == {
        "text", "pressuring", "findings", "says_no_is_fine", "unsure", "framing_notes"
    }  # fmt: skip
    assert lines[0]["pressuring"] and lines[0]["findings"][0]["category"] == "surprise"
    assert not lines[1]["pressuring"] and lines[1]["says_no_is_fine"]


def test_check_reads_jsonl_and_reports_bad_lines_clearly():
    import json

    result = run_check('{"text": "You owe me"}\nnot json\n[1]\n{"text": 3}\n', "--jsonl")
    assert result.returncode == 1
    assert json.loads(result.stdout)["text"] == "You owe me"
    assert result.stderr.splitlines() == [
        "line 2: not valid JSON (Expecting value)",
        'line 3: expected an object like {"text": "..."}',
        'line 4: expected an object like {"text": "..."}',
    ]


def test_backup_and_restore_from_the_command_line(clean_env, tmp_path):
    assert handhold("manage", "migrate", "-v0", env=clean_env).returncode == 0
    target = tmp_path / "nightly.backup"
    made = handhold("backup", str(target), env=clean_env)
    assert made.returncode == 0, made.stderr
    assert target.exists() and Path(str(target) + ".keys").exists()
    restored = handhold("restore", str(target), env=clean_env)
    assert restored.returncode == 0, restored.stderr
    # On a new machine, with a fresh data folder: the same keys, and the same secret key, so
    # that everyone stays logged in.
    fresh = tmp_path / "fresh"
    restored = handhold("restore", str(target), env={**clean_env, "HANDHOLD_DATA_DIR": str(fresh)})
    assert restored.returncode == 0, restored.stderr
    data = Path(clean_env["HANDHOLD_DATA_DIR"])
    for name in ["secret_key", "encryption_keys"]:
        assert (fresh / name).read_text().split() == (data / name).read_text().split()
        assert (fresh / name).stat().st_mode & 0o777 == 0o600
    missing = handhold("restore", str(tmp_path / "nope.backup"), env=clean_env)
    assert missing.returncode == 1
    assert "Nothing was restored" in missing.stderr
