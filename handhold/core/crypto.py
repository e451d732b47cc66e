"""Encryption of private text at rest: a keyring over cryptography's MultiFernet.

The first key encrypts; every key decrypts, so a new key can be put in front and old rows
re-encrypted (`rotate`) before the old key is retired. Pure Python, no Django.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

__all__ = ["InvalidToken", "Keyring", "new_key"]


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")


class Keyring:
    def __init__(self, keys: list[str]):
        if not keys:
            raise ValueError("at least one encryption key is needed")
        self.keys = list(keys)
        self._fernet = MultiFernet([Fernet(key.encode("ascii")) for key in self.keys])

    def encrypt(self, text: str) -> str:
        return self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")

    def rotate(self, token: str) -> str:
        """The same text, encrypted again with the first key."""
        return self._fernet.rotate(token.encode("ascii")).decode("ascii")
