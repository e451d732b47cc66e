"""`pip install .` must carry everything Handhold needs at run time, and no tests."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_holds_templates_static_files_packs_and_migrations(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("handhold-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in [
        "handhold/cli.py",
        "handhold/pages/jinja2/base.html",
        "handhold/accounts/jinja2/accounts/pairing.html",
        "handhold/pages/static/handhold/handhold.css",
        "handhold/pages/static/handhold/quick-exit.js",
        "handhold/content/packs/anal-play/manifest.yaml",
        "handhold/content/packs/anal-play/cards.yaml",
        "handhold/accounts/migrations/0001_initial.py",
    ]:
        assert needed in names, needed
    assert not [name for name in names if "/tests/" in name]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "handhold = handhold.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
