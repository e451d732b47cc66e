"""A backup taken now and restored later brings everything back, readable."""

import os

import pytest

from handhold import backup
from handhold.content.registry import default_pack
from handhold.discovery.models import JournalEntry
from handhold.discovery.services import save_journal


def mode(path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(make_person, tmp_path):
    person = make_person("river")
    save_journal(
        author=person, pack=default_pack(), entries={"why-do-i-want-this": ("Kept safe.", "ready")}
    )
    path = tmp_path / "handhold.backup"
    backup.backup(path)
    assert path.stat().st_size > 0
    JournalEntry.objects.all().delete()
    person.delete()
    backup.restore(path)
    entry = JournalEntry.objects.get()
    assert entry.text == "Kept safe." and entry.author.username == "river"


@pytest.mark.django_db(transaction=True)
def test_the_key_file_is_written_beside_the_backup_with_mode_0600(tmp_path, settings):
    settings.HANDHOLD_ENCRYPTION_KEYS = []
    path = tmp_path / "b.backup"
    backup.backup(path)
    keys = backup.keys_path(path)
    assert keys.read_text() == (settings.DATA_DIR / "encryption_keys").read_text()
    assert keys.stat().st_mode & 0o777 == 0o600
    other = tmp_path / "c.backup"
    backup.backup(other, with_keys=False)
    assert not backup.keys_path(other).exists()


@pytest.mark.django_db(transaction=True)
def test_restoring_something_that_is_not_a_backup_changes_nothing(tmp_path, make_person):
    make_person("river")
    bad = tmp_path / "bad.backup"
    bad.write_bytes(b"this is not a database")
    # SQLite refuses it with DatabaseError, pg_restore with a non-zero exit.
    with pytest.raises(Exception):  # noqa: B017
        backup.restore(bad)
    from handhold.accounts.models import User

    assert User.objects.filter(username="river").exists()


def test_a_backup_inside_a_transaction_is_refused_not_left_waiting(db, tmp_path):
    with pytest.raises(RuntimeError):
        backup.backup(tmp_path / "x.backup")


@pytest.mark.django_db(transaction=True)
def test_the_backup_is_readable_by_its_owner_only_from_the_moment_it_exists(
    tmp_path, settings, monkeypatch
):
    settings.HANDHOLD_ENCRYPTION_KEYS = []
    path = tmp_path / "handhold.backup"
    path.write_bytes(b"last night's backup, left world-readable")
    path.chmod(0o644)
    modes_while_unnamed = []
    rename = os.replace

    def replace(source, target):
        modes_while_unnamed.append(mode(source))
        rename(source, target)

    monkeypatch.setattr(os, "replace", replace)
    old_umask = os.umask(0)  # a file made the ordinary way would now be 0666
    try:
        backup.backup(path)
    finally:
        os.umask(old_umask)
    # The backup and its keys were each written into a 0600 file, then renamed into place.
    assert modes_while_unnamed == [0o600, 0o600]
    assert mode(path) == 0o600 and mode(backup.keys_path(path)) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handhold.backup", "handhold.backup.keys"]


@pytest.mark.django_db(transaction=True)
def test_a_backup_that_fails_midway_leaves_the_previous_one_whole(tmp_path, monkeypatch):
    path = tmp_path / "handhold.backup"
    backup.backup(path, with_keys=False)
    before = path.read_bytes()

    def power_cut(source, target):
        raise OSError("the machine stopped here")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        backup.backup(path, with_keys=False)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["handhold.backup"]
