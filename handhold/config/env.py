"""Tiny helpers that read settings from the environment.

Kept apart from settings.py so that they can be tested, and so that settings.py reads as a list
of decisions rather than of parsing code.
"""

import os
from contextlib import suppress
from pathlib import Path

from handhold.files import write_private_file

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class BadSetting(ValueError):
    """An environment variable Handhold cannot use; the message names it and says why."""


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise BadSetting(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadSetting(f"{name} must be a whole number; got {raw!r}") from None


def env_choice(name: str, choices: list[str], default: str) -> str:
    """One word from CHOICES (any case), so that a typo stops the start instead of passing."""
    word = os.environ.get(name, "").strip().lower()
    if not word:
        return default
    if word in choices:
        return word
    raise BadSetting(f"{name} must be one of {', '.join(choices)}; got {os.environ[name]!r}")


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


def env_secret(name: str) -> str | None:
    """A secret from NAME, or from the file that NAME_FILE points to (Docker/systemd style)."""
    value = os.environ.get(name)
    if value:
        return value
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return None


def secret_from_data_dir(path: Path, make) -> str:
    """Read a secret kept in the data folder, creating it (mode 0600) on first start.

    The new secret appears whole or not at all (handhold/files.py), and never replaces one
    already there: when several processes start at once, exactly one writes the file, and the
    others read what it wrote.
    """
    if not path.exists():
        # If another process wrote it first, theirs is the one everybody uses.
        with suppress(FileExistsError):
            write_private_file(path, make(), only_if_absent=True)
    return path.read_text().strip()
