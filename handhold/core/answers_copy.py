"""Continuing on another device in private matching: an encrypted copy of a person's answers.

In private mode a person's answers live in their browser (localStorage). To carry them to
another device, the browser keeps a copy on the server that only that person can open:

- A **phrase** is made in the browser: 120 random bits written like a recovery code, in
  Crockford's base32, six groups of four (`core/recovery_codes.py`). It is shown once, to be
  written down or kept in a password manager, and is never sent anywhere.
- A **key** is derived from it in the browser with WebCrypto: PBKDF2 with HMAC-SHA-256,
  `ITERATIONS` rounds, over a random `SALT_BYTES` salt kept with the copy, giving an AES-256 key.
- The **plaintext** is the person's answers for every pack, as JSON, padded with spaces to
  exactly `PLAINTEXT_BYTES`, so every copy has the same length whatever and however much was
  answered. It is encrypted with AES-GCM under a fresh random `IV_BYTES` nonce each time, with
  `associated_data` binding it to the person (their public id): a copy moved to someone else's
  row does not open.
- The **server** keeps the salt, the nonce and the ciphertext, checked here for their exact
  shape (`check_copy`): hex of exactly the right number of bytes. So the server can store
  nothing but an opaque, fixed-size blob: a plaintext posted by mistake is refused, not kept.

The other device fetches the copy, the person types the phrase, and the browser derives the
key, opens the copy and fills its own ladder. A lost phrase loses the copy and nothing else: the
answers can be given again. The browser's side is
`handhold/discovery/static/discovery/private-copy.js`;
`handhold/core/tests/test_answers_copy.py` checks that Python's `cryptography` opens what
the JavaScript seals, and the other way round (`open_copy`, `seal_copy`, for tests only).

What it does not hide: when a copy is updated (each update follows a change of answers on a
device), and that a copy exists. Not what changed, nor how many answers there are.

Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FORMAT = "Handhold answers copy v1"
PLAINTEXT_BYTES = 16384  # room for several packs; one full ladder of answers is about 1.5 KB
SALT_BYTES = 16
IV_BYTES = 12
TAG_BYTES = 16
CIPHERTEXT_BYTES = PLAINTEXT_BYTES + TAG_BYTES
ITERATIONS = 600_000  # PBKDF2-HMAC-SHA256, OWASP's 2023 figure; the phrase has 120 bits anyway


def associated_data(person_id: str) -> bytes:
    """What the AES-GCM tag binds a copy to: the format and the person's public id."""
    return f"{FORMAT};person={person_id}".encode("ascii")


class CopyInvalid(ValueError):
    """A posted copy the server refuses; `reason` names the rule, one of `REASONS`."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(REASONS[reason])


REASONS = {
    "not_an_object": "A copy is an object with salt, iv and ciphertext.",
    "bad_salt": f"The salt must be {SALT_BYTES} bytes, as lowercase hex.",
    "bad_iv": f"The iv must be {IV_BYTES} bytes, as lowercase hex.",
    "bad_ciphertext": f"The ciphertext must be exactly {CIPHERTEXT_BYTES} bytes, as lowercase hex.",
}


@dataclass(frozen=True)
class Copy:
    salt: str
    iv: str
    ciphertext: str


def _hex_of(value: object, size: int) -> bool:
    return isinstance(value, str) and re.fullmatch(f"[0-9a-f]{{{2 * size}}}", value) is not None


def check_copy(posted: object) -> Copy:
    """The copy a browser posted, after checking that each part is lowercase hex of exactly
    its size. Raises `CopyInvalid`. The exact ciphertext size means the server can store
    nothing but a sealed, padded copy, and that every copy looks alike."""
    if not isinstance(posted, dict):
        raise CopyInvalid("not_an_object")
    if not _hex_of(posted.get("salt"), SALT_BYTES):
        raise CopyInvalid("bad_salt")
    if not _hex_of(posted.get("iv"), IV_BYTES):
        raise CopyInvalid("bad_iv")
    if not _hex_of(posted.get("ciphertext"), CIPHERTEXT_BYTES):
        raise CopyInvalid("bad_ciphertext")
    return Copy(salt=posted["salt"], iv=posted["iv"], ciphertext=posted["ciphertext"])


# --- The browser's side, in Python: for the tests that prove the two agree -------------------


def phrase_key(phrase: str, salt: bytes) -> bytes:
    """The AES-256 key of a normalised phrase (what private-copy.js derives)."""
    import hashlib

    return hashlib.pbkdf2_hmac("sha256", phrase.encode("ascii"), salt, ITERATIONS, dklen=32)


def open_copy(copy: Copy, *, phrase: str, person_id: str) -> dict:
    """The answers inside a copy. Raises `cryptography.exceptions.InvalidTag` for a wrong
    phrase, person or a changed byte."""
    import json

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = phrase_key(phrase, bytes.fromhex(copy.salt))
    plain = AESGCM(key).decrypt(
        bytes.fromhex(copy.iv), bytes.fromhex(copy.ciphertext), associated_data(person_id)
    )
    return json.loads(plain.decode("utf-8"))


def seal_copy(content: dict, *, phrase: str, person_id: str, salt: bytes, iv: bytes) -> Copy:
    """A copy of `content` as the browser would seal it."""
    import json

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    text = json.dumps(content, separators=(",", ":")).encode("utf-8")
    if len(text) > PLAINTEXT_BYTES:
        raise ValueError("too many answers for one copy")
    padded = text + b" " * (PLAINTEXT_BYTES - len(text))
    sealed = AESGCM(phrase_key(phrase, salt)).encrypt(iv, padded, associated_data(person_id))
    return Copy(salt=salt.hex(), iv=iv.hex(), ciphertext=sealed.hex())
