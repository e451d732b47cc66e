"""Backups: `handhold backup PATH` and `handhold restore PATH`.

SQLite uses its online backup API, so a backup is consistent even while Handhold is serving.
PostgreSQL uses pg_dump and pg_restore (custom format). The encryption keys are written next
to the backup as PATH.keys, because a backup without them cannot be read; keep both somewhere
safe, or pass --without-keys and keep the keys elsewhere.

Both files are mode 0600 from the moment they exist (usernames and answers in the backup are
not encrypted), and each appears whole or not at all (handhold/files.py): a backup that fails
midway leaves the previous one at PATH as it was.

Restore while Handhold is stopped.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection

from handhold.files import private_file, write_private_file


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


def backup(path: Path, *, with_keys: bool = True) -> None:
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
        keys = (settings.DATA_DIR / "encryption_keys").read_text()
        write_private_file(keys_path(path), keys)


def restore(path: Path) -> None:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such backup file")
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
    keys = keys_path(path)
    if keys.is_file() and not settings.HANDHOLD_ENCRYPTION_KEYS:
        shutil.copyfile(keys, settings.DATA_DIR / "encryption_keys")
        (settings.DATA_DIR / "encryption_keys").chmod(0o600)
        from handhold.encryption import keyring

        keyring.cache_clear()
