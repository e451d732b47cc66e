"""The `handhold` command.

handhold serve [--host H] [--port P] [--workers N]
handhold content check PATH [PATH ...]
handhold migrate                       (what serve does first, one server at a time)
handhold housekeeping                  (delete expired sessions and counters; serve does it hourly)
handhold manage COMMAND [ARGS ...]     (any Django management command)
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

SETTINGS = "handhold.config.settings"


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    from handhold.config.env import BadSetting

    try:
        django.setup()
    except BadSetting as error:
        # One line naming the variable, rather than a traceback through settings.py.
        sys.exit(f"Handhold did not start: {error}")


# Any fixed number will do: it names Handhold's lock among PostgreSQL's advisory locks.
MIGRATION_LOCK = 4_826_391


def migrate_safely() -> None:
    """Apply migrations, one server at a time.

    Several app servers started at once on one PostgreSQL would otherwise all migrate at once,
    and all but one fail half-way (two of them creating the same table). A session-level
    advisory lock makes the others wait; when they get it, there is nothing left to do. SQLite
    is one machine's file, and its own write lock already serialises migrations.
    """
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        call_command("migrate", interactive=False, verbosity=0)
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
        try:
            call_command("migrate", interactive=False, verbosity=0)
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])


def migrate(args: argparse.Namespace) -> int:
    """`handhold migrate`: the migrations `serve` applies, as a step of its own for installs
    that upgrade the database before starting servers."""
    _setup_django()
    migrate_safely()
    return 0


def missing_shared_keys() -> str | None:
    """On a database that several servers may share, what must be given rather than generated.

    A secret key or encryption keys generated into one server's data folder are that server's
    alone: a person bounced to another server would be logged out, and text one server
    encrypted could not be read by the next. SQLite is one machine's file, so generating is
    fine there.
    """
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "sqlite":
        return None
    missing = []
    if not settings.HANDHOLD_SECRET_KEY_FROM_ENVIRONMENT:
        missing.append("HANDHOLD_SECRET_KEY (or HANDHOLD_SECRET_KEY_FILE)")
    if not settings.HANDHOLD_ENCRYPTION_KEYS:
        missing.append("HANDHOLD_ENCRYPTION_KEYS (or HANDHOLD_ENCRYPTION_KEYS_FILE)")
    if not missing:
        return None
    return (
        f"with a shared database (DATABASE_URL), set {' and '.join(missing)}, the same on "
        "every server"
    )


def serve(args: argparse.Namespace) -> int:
    """Check, migrate, then run Handhold under gunicorn. Never Django's development server."""
    _setup_django()
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from handhold.server import HandholdServer

    problem = missing_shared_keys()
    if problem:
        print(f"Handhold did not start: {problem}", file=sys.stderr)
        return 1

    try:
        call_command("check", fail_level="ERROR")
    except SystemCheckError as error:
        print(f"Handhold did not start:\n{error}", file=sys.stderr)
        return 1
    migrate_safely()
    from handhold import housekeeping
    from handhold.content.services import record_served_packs

    housekeeping.run()
    name = os.environ.get("HANDHOLD_SERVER_NAME") or f"{socket.gethostname()}:{args.port}"
    for warning in record_served_packs(server=name):
        print(f"Handhold: warning: {warning}", file=sys.stderr, flush=True)
    # The checks and migrations above opened database connections in this (master) process.
    # Close them before gunicorn forks, or every worker would inherit, and share, one socket.
    from django.db import connections

    connections.close_all()
    # Then hourly, from this (master) process, for as long as it serves.
    housekeeping.run_every(housekeeping.HOURLY)
    print(f"Handhold is running on http://{args.host}:{args.port}/  (Ctrl+C stops it)", flush=True)
    HandholdServer(host=args.host, port=args.port, workers=args.workers).run()
    return 0


def known_pack_folders() -> list[Path]:
    """Every pack this installation knows of: the folders shipped under handhold/content/packs
    and those listed in HANDHOLD_CONTENT_PACKS (read here, without Django)."""
    shipped = Path(__file__).resolve().parent / "content" / "packs"
    folders = sorted(path for path in shipped.iterdir() if (path / "manifest.yaml").is_file())
    extra = os.environ.get("HANDHOLD_CONTENT_PACKS", "").split(os.pathsep)
    return folders + [Path(path) for path in extra if path.strip()]


def content_check(args: argparse.Namespace) -> int:
    """Validate packs without Django or a database: one line per problem, exit 1 if any.

    Two versions of one pack (the same manifest id, another language) must have the same item
    ids. Each pack checked is compared with every other language version given on the command
    line and, for those not given, with the installation's known packs (known_pack_folders).
    """
    from handhold.core.packs import PackError, compare_language_versions, load_pack

    status = 0
    checked = []
    for path in args.paths:
        try:
            pack = load_pack(path)
        except PackError as error:
            for line in error.problems:
                print(f"{path}/{line}" if not line.startswith(str(path)) else line, file=sys.stderr)
            status = 1
            continue
        checked.append(pack)
        print(
            f"{path}: ok: pack '{pack.id}' ({pack.manifest.language}, version "
            f"{pack.manifest.version}): {len(pack.activities)} activities, "
            f"{len(pack.reflection)} reflection questions, {len(pack.cards)} cards, "
            f"{len(pack.checklist)} checklist points, {len(pack.supplies)} supplies, "
            f"{len(pack.resources)} resources"
        )

    given = {pack.path.resolve() for pack in checked}
    known = []
    for folder in known_pack_folders():
        if folder.resolve() in given or not (folder / "manifest.yaml").is_file():
            continue
        try:
            known.append(load_pack(folder))
        except PackError:
            # Not the pack being checked; it is compared with once it loads.
            continue

    # Each pair once: a pack given earlier on the command line is the other's reference.
    pairs = [(a, b) for i, b in enumerate(checked) for a in checked[:i]]
    pairs += [(other, pack) for pack in checked for other in known]
    for reference, pack in pairs:
        if reference.id != pack.id or reference.manifest.language == pack.manifest.language:
            continue
        problems = compare_language_versions(reference, pack)
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            status = 1
        else:
            print(
                f"{pack.path}: ok: the same ids as the {reference.manifest.language} version "
                f"({reference.path})"
            )
    return status


def check_messages(args: argparse.Namespace) -> int:
    """One message per line in, one JSON object per line out. Needs no Django or database."""
    import json

    from handhold.core.pressure import check

    status = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        if args.jsonl:
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"line {number}: not valid JSON ({error.msg})", file=sys.stderr)
                status = 1
                continue
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                print(f'line {number}: expected an object like {{"text": "..."}}', file=sys.stderr)
                status = 1
                continue
            text = item["text"]
        else:
            text = line.rstrip("\r\n")
        print(json.dumps({"text": text, **check(text).as_dict()}, ensure_ascii=False), flush=True)
    return status


def backup(args: argparse.Namespace) -> int:
    _setup_django()
    from handhold import backup as backups

    keys = backups.backup(args.path, with_keys=not args.without_keys)
    if keys:
        print(f"Backed up to {args.path} (keys in {keys})")
    elif args.without_keys:
        print(f"Backed up to {args.path}, without the keys: keep them safe elsewhere")
    else:
        print(f"Backed up to {args.path}; the keys come from the environment: keep them safe")
    return 0


def restore(args: argparse.Namespace) -> int:
    _setup_django()
    from handhold import backup as backups

    try:
        notes = backups.restore(args.path)
    except (FileNotFoundError, ValueError) as error:
        print(f"Nothing was restored: {error}", file=sys.stderr)
        return 1
    print(f"Restored from {args.path}")
    for note in notes:
        print(note)
    return 0


def bench(args: argparse.Namespace) -> int:
    from handhold.bench import run

    return run(args)


def rotate_keys(args: argparse.Namespace) -> int:
    """Encrypt all private text again under a fresh key, then retire the old keys."""
    _setup_django()
    from handhold.encryption import rotate_keys as rotate

    count = rotate()
    print(f"Re-encrypted {count} rows with a new key.")
    return 0


def tidy(args: argparse.Namespace) -> int:
    """Delete expired sessions and counters (handhold/housekeeping.py)."""
    _setup_django()
    from handhold import housekeeping

    deleted = housekeeping.run()
    print(f"Deleted {deleted['sessions']} expired sessions and {deleted['counters']} counters.")
    return 0


def manage(args: argparse.Namespace) -> int:
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["handhold manage", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handhold", description="Handhold: a consent-first guide for two adults."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve_parser = commands.add_parser("serve", help="run Handhold under gunicorn")
    serve_parser.add_argument("--host", default=os.environ.get("HANDHOLD_HOST", "127.0.0.1"))
    serve_parser.add_argument(
        "--port", type=int, default=int(os.environ.get("HANDHOLD_PORT", "8000"))
    )
    serve_parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("HANDHOLD_WORKERS", "0")) or None,
        help="worker processes (default: two per CPU core, at most 8)",
    )
    serve_parser.set_defaults(func=serve)

    content = commands.add_parser("content", help="work with content packs")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    check = content_commands.add_parser("check", help="validate content pack folders")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.set_defaults(func=content_check)

    check_parser = commands.add_parser(
        "check", help="check messages on standard input for pressuring language"
    )
    check_parser.add_argument(
        "--jsonl", action="store_true", help='read lines of {"text": ...} instead of plain text'
    )
    check_parser.set_defaults(func=check_messages)

    backup_parser = commands.add_parser("backup", help="write a consistent backup to PATH")
    backup_parser.add_argument("path", type=Path, metavar="PATH")
    backup_parser.add_argument(
        "--without-keys", action="store_true", help="do not write the encryption keys beside it"
    )
    backup_parser.set_defaults(func=backup)
    restore_parser = commands.add_parser("restore", help="restore a backup (stop Handhold first)")
    restore_parser.add_argument("path", type=Path, metavar="PATH")
    restore_parser.set_defaults(func=restore)

    bench_parser = commands.add_parser(
        "bench", help="load the production server with many couples; compare with a bare view"
    )
    bench_parser.add_argument("--couples", type=int, default=1000)
    bench_parser.add_argument("--quick", action="store_true", help="1,000 couples, 4 s per page")
    bench_parser.add_argument("--postgres", action="store_true", help="use PostgreSQL")
    bench_parser.add_argument("--seconds", type=float, default=10.0, help="load per page")
    bench_parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    bench_parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of bare view then page (median reported)"
    )
    bench_parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    bench_parser.add_argument(
        "--compare-synchronous",
        action="store_true",
        help="also load each page on SQLite with synchronous=NORMAL, beside the default FULL",
    )
    bench_parser.set_defaults(func=bench)

    rotate_parser = commands.add_parser(
        "rotate-keys",
        help="re-encrypt private text under a fresh key and retire the old ones (stop Handhold "
        "first)",
    )
    rotate_parser.set_defaults(func=rotate_keys)

    migrate_parser = commands.add_parser(
        "migrate", help="apply database migrations (serve does it too), one server at a time"
    )
    migrate_parser.set_defaults(func=migrate)

    housekeeping_parser = commands.add_parser(
        "housekeeping", help="delete expired sessions and counters (run it hourly)"
    )
    housekeeping_parser.set_defaults(func=tidy)

    manage_parser = commands.add_parser("manage", help="run a Django management command")
    manage_parser.add_argument("rest", nargs=argparse.REMAINDER)
    manage_parser.set_defaults(func=manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
