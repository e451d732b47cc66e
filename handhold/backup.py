"""Backups: `handhold backup PATH` and `handhold restore PATH`.

SQLite uses its online backup API, so a backup is consistent even while Handhold is serving.
PostgreSQL uses pg_dump and pg_restore (custom format). The encryption keys are written next
to the backup as PATH.keys, because a backup without them cannot be read; with them goes
Django's secret key, when Handhold generated it, so that a restore into a fresh data folder
keeps everyone logged in. Keep both files somewhere safe, or pass --without-keys and keep the
keys elsewhere.

Both files are mode 0600 from the moment they exist (usernames and answers in the backup are
not encrypted), and each appears whole or not at all (handhold/files.py): a backup that fails
midway leaves the previous one at PATH as it was.

Restore while Handhold is stopped.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection

from handhold.encryption import key_file, keyring
from handhold.files import private_file, write_private_file

# PATH.keys holds the encryption keys one a line, as DATA_DIR/encryption_keys does, then this
# prefix and the secret key on a line of their own. A Fernet key is base64 and has no space, so
# no key line can be taken for it; a file from before has no such line and still restores.
SECRET_KEY_PREFIX = "secret_key "  # noqa: S105 - a label, not a secret


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _pg_args() -> list[str]:
    s = connection.settings_dict
    args = ["--dbname", s["NAME"]]
    if s.get("HOST"):
        args += ["--host", s["HOST"]]
    if s.get("PORT"):
        args += ["--port", str(s["PORT"])]
    if s.get("USER"):
        args += ["--username", s["USER"]]
    return args


def _pg_env() -> dict:
    env = dict(os.environ)
    if connection.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = connection.settings_dict["PASSWORD"]
    return env


def _outside_transactions() -> None:
    # SQLite's backup waits for locks; inside our own write transaction it would wait forever.
    if connection.in_atomic_block:
        raise RuntimeError("a backup or restore cannot run inside a database transaction")


def keys_path(path: Path) -> Path:
    return path.with_name(path.name + ".keys")


def backup(path: Path, *, with_keys: bool = True) -> Path | None:
    """Write a backup to PATH, and the keys to PATH.keys; returns the keys file, if written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _outside_transactions()
    with private_file(path) as temporary:
        if _is_sqlite():
            connection.ensure_connection()
            target = sqlite3.connect(temporary)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            subprocess.run(
                ["pg_dump", "--format=custom", "--file", str(temporary), *_pg_args()],
                check=True,
                env=_pg_env(),
            )
    if with_keys and not settings.HANDHOLD_ENCRYPTION_KEYS:
        lines = key_file().read_text().split()
        if not settings.HANDHOLD_SECRET_KEY_FROM_ENVIRONMENT:
            lines.append(SECRET_KEY_PREFIX + settings.SECRET_KEY)
        write_private_file(keys_path(path), "\n".join(lines) + "\n")
        return keys_path(path)
    return None


def read_keys(path: Path) -> tuple[list[str], str | None]:
    """The encryption keys in a PATH.keys file, and the secret key if it holds one."""
    keys, secret_key = [], None
    for line in path.read_text().splitlines():
        if line.startswith(SECRET_KEY_PREFIX):
            secret_key = line.removeprefix(SECRET_KEY_PREFIX).strip()
        elif line.strip():
            keys.append(line.strip())
    if not keys:
        raise ValueError(f"{path}: no encryption key in it")
    return keys, secret_key


def restore(path: Path) -> list[str]:
    """Bring back the database, then the keys beside it; returns notes for the operator.

    PATH.keys is read before anything changes, so that a damaged one stops the restore before
    the database is replaced by one that no key here can read.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such backup file")
    keys_file = keys_path(path)
    backed_up = read_keys(keys_file) if keys_file.is_file() else None
    _outside_transactions()
    if _is_sqlite():
        source = sqlite3.connect(path)
        try:
            integrity = source.execute("PRAGMA integrity_check").fetchone()[0]
            if integrity != "ok":
                raise ValueError(f"{path}: not a sound SQLite database ({integrity})")
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        subprocess.run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", *_pg_args(), str(path)],
            check=True,
            env=_pg_env(),
        )
    if backed_up is None:
        return [f"No {keys_file.name} beside the backup: the keys in place are unchanged."]
    return _put_keys_back(keys_file.name, *backed_up)


def _put_keys_back(name: str, keys: list[str], secret_key: str | None) -> list[str]:
    """Write the backed-up keys into the data folder, unless the environment gives them."""
    notes = []
    if settings.HANDHOLD_ENCRYPTION_KEYS:
        notes.append(
            "The encryption keys come from HANDHOLD_ENCRYPTION_KEYS and were left as they are; "
            f"if private text does not read, set them to the keys in {name}."
        )
    else:
        write_private_file(key_file(), "\n".join(keys) + "\n")
        keyring.cache_clear()
    if secret_key is None:
        notes.append(
            f"{name} holds no secret key, so the one in place was kept; if it is not the one "
            "in use when the backup was made, everyone will need to log in again."
        )
    elif settings.HANDHOLD_SECRET_KEY_FROM_ENVIRONMENT:
        if secret_key != settings.SECRET_KEY:
            notes.append(
                "The secret key comes from HANDHOLD_SECRET_KEY and was left as it is; it is not "
                f"the one in {name}, so everyone will need to log in again."
            )
    else:
        write_private_file(settings.DATA_DIR / "secret_key", secret_key)
    return notes
