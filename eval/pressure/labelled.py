"""Every labelled message the pressure checker learns from, each with a stable id.

An id is `<file>:<line>` (line numbers from 1), for example `writer-a:12` or `team:40`, so a
rule can name the messages that justify it and a test can find them again. Generated messages
are not included here: they are remade from a seed (`generate.py`) and are for training only.

The frozen evaluation set (`frozen/`) is deliberately not loaded here: nothing that trains,
tunes or chooses a threshold may read it.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEAM = HERE / "team.jsonl"


def _read(path: Path, name: str) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            # The team's file predates the says_no_is_fine label: None means "not labelled".
            row.setdefault("says_no_is_fine", None)
            row["id"] = f"{name}:{number}"
            rows.append(row)
    return rows


def handwritten() -> list[dict]:
    """The hand-written sets: every outside writer's file in handwritten/, then the team's own."""
    rows = []
    for path in sorted((HERE / "handwritten").glob("writer-*.jsonl")):
        rows += _read(path, path.stem)
    return rows + _read(TEAM, "team")


def by_id() -> dict[str, dict]:
    return {row["id"]: row for row in handwritten()}
