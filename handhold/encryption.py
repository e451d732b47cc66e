"""Private text encrypted at rest: journal entries, drafts, debrief notes, invitation messages.

Keys come from HANDHOLD_ENCRYPTION_KEYS (comma-separated, first one encrypts) or, by default,
from `encryption_keys` in the data folder, generated on first start with mode 0600. A database
copy alone reveals none of the text; the key file must be backed up with it.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.conf import settings
from django.db import models, transaction

from handhold.core.crypto import Keyring, new_key
from handhold.files import write_private_file


def key_file():
    return settings.DATA_DIR / "encryption_keys"


def _read_keys() -> list[str]:
    if settings.HANDHOLD_ENCRYPTION_KEYS:
        return list(settings.HANDHOLD_ENCRYPTION_KEYS)
    return [line.strip() for line in key_file().read_text().splitlines() if line.strip()]


@cache
def keyring() -> Keyring:
    return Keyring(_read_keys())


class EncryptedTextField(models.TextField):
    """A TextField whose value is encrypted before it reaches the database.

    Validation (max_length, blank) sees the plain text; the column holds a Fernet token.
    Encrypted values cannot be searched or ordered by the database, which is the point.
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return keyring().decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return keyring().encrypt(value)


def encrypted_fields():
    """(model, [field names]) for every model with encrypted text."""
    for model in apps.get_models():
        names = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
        if names:
            yield model, names


@transaction.atomic
def reencrypt_everything() -> int:
    """Encrypt every private text again with the first key. Returns the rows rewritten."""
    count = 0
    for model, names in encrypted_fields():
        for row in model.objects.all().iterator():
            # Loading decrypts with any key; saving encrypts with the first.
            model.objects.filter(pk=row.pk).update(**{n: getattr(row, n) for n in names})
            count += 1
    return count


def rotate_keys() -> int:
    """Put a fresh key first, re-encrypt everything with it, then retire the old keys.

    The key file is replaced whole each time (handhold/files.py), never rewritten in place, so
    a crash at any moment leaves keys that read everything: the old ones before the fresh key
    is written, the fresh one and the old ones until the re-encryption is committed, then the
    fresh one alone.

    Run it while Handhold is stopped: a running worker keeps the keys it read at start and
    would go on encrypting with a key this retires.

    With keys from HANDHOLD_ENCRYPTION_KEYS the operator manages the list: put the new key first,
    run this, then remove the old ones.
    """
    if settings.HANDHOLD_ENCRYPTION_KEYS:
        keyring.cache_clear()
        return reencrypt_everything()
    path = key_file()
    old = _read_keys()
    fresh = new_key()
    write_private_file(path, "\n".join([fresh, *old]) + "\n")
    keyring.cache_clear()
    count = reencrypt_everything()
    write_private_file(path, fresh + "\n")
    keyring.cache_clear()
    return count
