"""A backup taken now and restored later brings everything back, readable, and logged in."""

import os
from importlib import import_module

import pytest
from django.core.management.utils import get_random_secret_key
from django.urls import reverse

from handhold import backup
from handhold.config.env import secret_from_data_dir
from handhold.content.registry import default_pack
from handhold.core.crypto import new_key
from handhold.discovery.models import JournalEntry
from handhold.discovery.services import save_journal
from handhold.encryption import key_file, keyring


def mode(path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture
def keys_in_the_data_folder(settings):
    """Keys and secret key kept by Handhold in its data folder, as on a default install."""
    settings.HANDHOLD_ENCRYPTION_KEYS = []
    settings.HANDHOLD_SECRET_KEY_FROM_ENVIRONMENT = False
    yield settings
    keyring.cache_clear()


def move_to_a_fresh_data_folder(settings, folder):
    """As a new machine would start: its own secret key and encryption key, generated."""
    folder.mkdir()
    settings.DATA_DIR = folder
    settings.SECRET_KEY = secret_from_data_dir(folder / "secret_key", get_random_secret_key)
    secret_from_data_dir(folder / "encryption_keys", new_key)
    keyring.cache_clear()


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
def test_the_keys_and_the_secret_key_are_written_beside_the_backup_with_mode_0600(
    tmp_path, keys_in_the_data_folder
):
    settings = keys_in_the_data_folder
    path = tmp_path / "b.backup"
    assert backup.backup(path) == backup.keys_path(path)
    keys = backup.keys_path(path)
    assert backup.read_keys(keys) == (key_file().read_text().split(), settings.SECRET_KEY)
    assert mode(keys) == 0o600
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
    tmp_path, keys_in_the_data_folder, monkeypatch
):
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


@pytest.mark.django_db(transaction=True)
def test_a_restore_into_a_fresh_data_folder_keeps_everyone_logged_in(
    make_person, client, tmp_path, keys_in_the_data_folder
):
    settings = keys_in_the_data_folder
    person = make_person("river")
    save_journal(
        author=person, pack=default_pack(), entries={"why-do-i-want-this": ("Kept safe.", "")}
    )
    client.force_login(person)
    private_page = reverse("discovery:reflect")
    assert client.get(private_page).status_code == 200
    path = tmp_path / "handhold.backup"
    backup.backup(path)
    secret_key = settings.SECRET_KEY
    encryption_keys = key_file().read_text().split()

    move_to_a_fresh_data_folder(settings, tmp_path / "fresh")
    JournalEntry.objects.all().delete()
    import_module(settings.SESSION_ENGINE).SessionStore.get_model_class().objects.all().delete()
    person.delete()

    assert backup.restore(path) == []
    restored = tmp_path / "fresh" / "secret_key"
    assert restored.read_text() == secret_key and mode(restored) == 0o600
    assert key_file().read_text().split() == encryption_keys and mode(key_file()) == 0o600
    # Handhold starts again, and reads its secret key from the data folder.
    settings.SECRET_KEY = secret_from_data_dir(restored, get_random_secret_key)
    assert client.get(private_page).status_code == 200
    assert JournalEntry.objects.get().text == "Kept safe."


@pytest.mark.django_db(transaction=True)
def test_keys_from_before_the_secret_key_was_carried_still_restore(
    tmp_path, keys_in_the_data_folder
):
    settings = keys_in_the_data_folder
    path = tmp_path / "old.backup"
    backup.backup(path)
    encryption_keys = key_file().read_text()
    backup.keys_path(path).write_text(encryption_keys)  # the format of older backups
    move_to_a_fresh_data_folder(settings, tmp_path / "fresh")
    fresh_secret_key = (tmp_path / "fresh" / "secret_key").read_text()

    notes = backup.restore(path)
    assert key_file().read_text().split() == encryption_keys.split()
    assert (tmp_path / "fresh" / "secret_key").read_text() == fresh_secret_key
    assert notes == [
        "old.backup.keys holds no secret key, so the one in place was kept; if it is not the "
        "one in use when the backup was made, everyone will need to log in again."
    ]


@pytest.mark.django_db(transaction=True)
def test_a_secret_key_from_the_environment_is_left_as_it_is_and_the_restore_says_so(
    tmp_path, keys_in_the_data_folder
):
    settings = keys_in_the_data_folder
    path = tmp_path / "handhold.backup"
    backup.backup(path)
    move_to_a_fresh_data_folder(settings, tmp_path / "fresh")
    settings.HANDHOLD_SECRET_KEY_FROM_ENVIRONMENT = True
    untouched = (tmp_path / "fresh" / "secret_key").read_text()

    notes = backup.restore(path)
    assert (tmp_path / "fresh" / "secret_key").read_text() == untouched
    assert len(notes) == 1 and notes[0].startswith("The secret key comes from HANDHOLD_SECRET_KEY")
    # Nor is a secret key the operator keeps elsewhere copied into the next backup.
    backup.backup(path)
    assert backup.read_keys(backup.keys_path(path))[1] is None


@pytest.mark.django_db(transaction=True)
def test_a_keys_file_without_keys_stops_the_restore_before_the_database_changes(
    tmp_path, keys_in_the_data_folder, make_person
):
    path = tmp_path / "handhold.backup"
    backup.backup(path)
    backup.keys_path(path).write_text("")
    make_person("river")
    with pytest.raises(ValueError, match="no encryption key"):
        backup.restore(path)
    from handhold.accounts.models import User

    assert User.objects.filter(username="river").exists()
