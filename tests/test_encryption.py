"""Private text is encrypted at rest, and keys can be rotated."""

import os

import pytest
from django.db import connection

from handhold import encryption
from handhold.content.registry import default_pack
from handhold.discovery.models import JournalEntry
from handhold.discovery.services import save_journal

SENTENCE = "A sentence that must never sit in the database as plain text."


def raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed names
        return [row[0] for row in cursor.fetchall()]


def test_journal_text_is_stored_encrypted_and_read_back_plain(stranger):
    save_journal(
        author=stranger, pack=default_pack(), entries={"why-do-i-want-this": (SENTENCE, "")}
    )
    assert JournalEntry.objects.get().text == SENTENCE
    stored = raw("discovery_journalentry", "text")
    assert stored and all(SENTENCE not in value and "never sit" not in value for value in stored)


def test_every_private_text_field_is_encrypted():
    fields = {(m.__name__, n) for m, names in encryption.encrypted_fields() for n in names}
    assert fields == {
        ("JournalEntry", "text"),
        ("NoticeEntry", "note"),
        ("ConversationDraft", "text"),
        ("TalkInvitation", "message"),
        ("Debrief", "felt"),
        ("Debrief", "good"),
        ("Debrief", "change"),
    }


def test_rotating_keys_re_encrypts_everything_and_retires_the_old_key(stranger, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.HANDHOLD_ENCRYPTION_KEYS = []
    from handhold.core.crypto import new_key

    (tmp_path / "encryption_keys").write_text(new_key() + "\n")
    encryption.keyring.cache_clear()
    try:
        save_journal(
            author=stranger, pack=default_pack(), entries={"why-do-i-want-this": (SENTENCE, "")}
        )
        old_key = (tmp_path / "encryption_keys").read_text().strip()
        before = raw("discovery_journalentry", "text")
        assert encryption.rotate_keys() == 1
        keys = (tmp_path / "encryption_keys").read_text().split()
        assert len(keys) == 1 and keys[0] != old_key
        assert raw("discovery_journalentry", "text") != before
        assert JournalEntry.objects.get().text == SENTENCE
        from handhold.core.crypto import InvalidToken, Keyring

        with pytest.raises(InvalidToken):
            Keyring([old_key]).decrypt(raw("discovery_journalentry", "text")[0])
    finally:
        encryption.keyring.cache_clear()


def test_a_rotation_that_fails_midway_always_leaves_keys_that_read_everything(
    stranger, settings, tmp_path, monkeypatch
):
    settings.DATA_DIR = tmp_path
    settings.HANDHOLD_ENCRYPTION_KEYS = []
    from handhold.core.crypto import new_key
    from handhold.files import write_private_file

    key_file = tmp_path / "encryption_keys"
    write_private_file(key_file, new_key() + "\n")
    old_key = key_file.read_text().strip()
    encryption.keyring.cache_clear()
    rename = os.replace
    renames = []

    def power_cut_at(count):
        def replace(source, target):
            renames.append(target)
            if len(renames) == count:
                raise OSError("the machine stopped here")
            rename(source, target)

        return replace

    def reads_back_with_the_key_file_alone():
        encryption.keyring.cache_clear()
        return JournalEntry.objects.get().text == SENTENCE

    try:
        save_journal(
            author=stranger, pack=default_pack(), entries={"why-do-i-want-this": (SENTENCE, "")}
        )
        # Stopped while adding the fresh key: the old key file is there, whole.
        monkeypatch.setattr(os, "replace", power_cut_at(1))
        with pytest.raises(OSError):
            encryption.rotate_keys()
        assert key_file.read_text().split() == [old_key]
        assert reads_back_with_the_key_file_alone()

        # Stopped while retiring the old key, after re-encrypting: both keys are still there.
        renames.clear()
        monkeypatch.setattr(os, "replace", power_cut_at(2))
        with pytest.raises(OSError):
            encryption.rotate_keys()
        assert key_file.read_text().split()[1:] == [old_key]
        assert reads_back_with_the_key_file_alone()

        monkeypatch.setattr(os, "replace", rename)
        encryption.rotate_keys()
        assert len(key_file.read_text().split()) == 1 and reads_back_with_the_key_file_alone()
        assert key_file.stat().st_mode & 0o777 == 0o600
        assert list(tmp_path.iterdir()) == [key_file]
    finally:
        encryption.keyring.cache_clear()


def test_keys_can_come_from_the_environment(settings):
    from handhold.core.crypto import Keyring, new_key

    first, second = new_key(), new_key()
    settings.HANDHOLD_ENCRYPTION_KEYS = [first, second]
    encryption.keyring.cache_clear()
    try:
        token = Keyring([second]).encrypt("old")
        assert encryption.keyring().decrypt(token) == "old"  # any key decrypts
        assert Keyring([first]).decrypt(encryption.keyring().encrypt("new")) == "new"
    finally:
        encryption.keyring.cache_clear()
