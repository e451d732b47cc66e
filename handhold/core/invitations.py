"""Pairing codes: how they are made, typed back and stored.

A code carries 100 random bits, far beyond guessing within its 24 hours. It is written in
Crockford's base32 (no I, L, O or U), in groups of four, so that it can be read aloud or typed
from a phone; typing it back forgives case, spaces, dashes and the look-alike letters.
Only a hash of the code is stored: a database copy cannot be used to pair with anyone.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_BITS = 100
CODE_LENGTH = CODE_BITS // 5  # 20 symbols of 5 bits each
GROUP = 4
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_invitation_code() -> str:
    """A fresh code for display, such as 'K3QZ-8M2D-...' (five groups of four)."""
    number = secrets.randbits(CODE_BITS)
    symbols = []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, 32)
        symbols.append(ALPHABET[index])
    raw = "".join(symbols)
    return "-".join(raw[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def normalise_code(typed: str) -> str | None:
    """The canonical form of a typed code, or None when it cannot be a code at all."""
    cleaned = "".join(typed.split()).replace("-", "").upper().translate(_LOOK_ALIKES)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def hash_code(code: str) -> str:
    """The stored form of a code. A plain SHA-256 is enough: the code has 100 random bits."""
    canonical = normalise_code(code)
    if canonical is None:
        raise ValueError("not an invitation code")
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def expires_at(created: datetime, lifetime: timedelta) -> datetime:
    return created + lifetime


def is_usable(expires: datetime, now: datetime) -> bool:
    return now < expires
