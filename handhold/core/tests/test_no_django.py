"""core/ holds the product's rules as plain Python: it must never import Django."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1]


def test_core_modules_never_import_django():
    for path in CORE.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] == "django" for name in names), path.name
