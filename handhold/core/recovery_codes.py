"""Recovery codes: the one way back into an account whose passphrase is forgotten.

A code carries 120 random bits, written like a pairing code in Crockford's base32 in six groups
of four, so it can be copied, written on paper or read aloud. Typing it back forgives case,
spaces, dashes and the look-alike letters. It is stored only as a password hash (see
handhold/accounts/backends.py), works once, and has no expiry: it may sit in a drawer for years.
"""

from __future__ import annotations

import secrets

from handhold.core.invitations import _LOOK_ALIKES, ALPHABET

CODE_BITS = 120
CODE_LENGTH = CODE_BITS // 5  # 24 symbols of 5 bits each
GROUP = 4


def new_recovery_code() -> str:
    """A fresh code for display, such as 'K3QZ-8M2D-...' (six groups of four)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def normalise_recovery_code(typed: str) -> str | None:
    """The canonical form of a typed code, or None when it cannot be a code at all."""
    cleaned = "".join(typed.split()).replace("-", "").upper().translate(_LOOK_ALIKES)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned
