"""Private matching: the reveal rule computed so that the server never learns an answer.

`matching.py` reveals the intersection of two sets of canonical tokens. In private mode the
two browsers compute that intersection themselves with Diffie-Hellman private set
intersection over ristretto255 (RFC 9496); the server only relays points and checks their
shape. The protocol, for one run of one couple:

1. Each browser hashes each of its person's tokens to the group (`hash_to_group`, with a
   domain separation tag naming Handhold, the couple and the run by their random public ids,
   never database keys: `dst`), raises every point
   to a fresh random scalar of its own, adds random points until the set has `ladder_size`
   elements, and sorts the encodings. That is round one (`ClientRun.round_one`). Random
   points and blinded points look alike, and every set has the same size whatever its person
   answered, so neither the server nor the partner learns anything from a count or an order.
2. The server releases the two round-one sets only when both have arrived. Each browser
   raises the partner's points to its own scalar and posts them back in the order received
   (`ClientRun.round_two`); released again only when both are in.
3. Each browser now holds k_a*k_b*H(t) for its own tokens (the partner's round two, in the
   order of its own round one) and for the partner's (its own round two): the tokens whose
   doubly-raised points appear in both are the mutual ones (`ClientRun.mutual`). Padding
   never matches (a chance of about 2^-250 per pair).

The server checks every posted set with `check_round_one` and `check_round_two` (exact size,
canonical non-identity encodings, no duplicates, sorted where the protocol says sorted), and
stores the mutual tokens only when both browsers post the same set (`settle_mutual`).

The group operations are libsodium's, through `rbcl` (a wheel that bundles libsodium: no
system library, no compiler); nothing here implements curve arithmetic. The one hash
construction written out here is `expand_message_xmd` (RFC 9380 section 5.3.1), a dozen
lines of SHA-512 that the tests check against the RFC 9497 test vectors and against the
vendored JavaScript. In the browser the same steps run in
`handhold/discovery/static/discovery/private-matching.js` over @noble/curves; the two must
stay byte-identical, and `handhold/core/tests/test_private_matching_interop.py` proves it.

What it protects against: a server (or a copy of its database) that keeps and reads
everything it is sent, but runs the code it should. It learns the mutual tokens, which it
stores anyway, and nothing else. What it does not protect against: a person who answers
"yes" to everything learns everything the partner is open to, exactly as without private
mode (the reveal rule itself allows that; pausing or leaving is the answer); a browser that
raises points dishonestly can only spoil the result, which both then see as "run the match
again"; and a server that actively lies, posing as the partner to each browser, can learn
answers, as it could by serving different JavaScript. The browsers have no channel but the
server, so that needs an out-of-band check (comparing a code in person), a later step.

Pure Python, no Django.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import rbcl

from handhold.core.matching import BOTH, CatalogItem, Token

VERSION_LABEL = "Handhold private matching v1"
POINT_BYTES = 32
IDENTITY = bytes(POINT_BYTES)
# Couple, run and person ids go into the DST and the token bytes as they are: letters,
# digits, '-' and '_' (a UUID, hex or base64url id fits), so no separator can be forged.
# Handhold passes the 32 hex digits of random public UUIDs (discovery.private.protocol_id),
# never a database key, which would say how many couples and runs came before.
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
# A pack's item id (handhold/core/packs.py `Id`).
_ITEM_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_HEX_POINT = re.compile(r"[0-9a-f]{64}")
# The canonical receivers: the person whose public id sorts first, the other one, or both.
FIRST, SECOND = "a", "b"


# --- What both browsers must agree on -------------------------------------------------------


def dst(*, couple_id: str, run_id: str) -> bytes:
    """The domain separation tag of one run: 'Handhold private matching v1;couple=…;run=…'.
    Naming the couple and the run means a point from another couple, or from an earlier run
    of the same couple, hashes differently and cannot be replayed to test an old answer."""
    for name, value in (("couple_id", couple_id), ("run_id", run_id)):
        if not _ID.fullmatch(value):
            raise ValueError(f"{name} must be 1 to 64 letters, digits, '-' or '_'")
    return f"{VERSION_LABEL};couple={couple_id};run={run_id}".encode("ascii")


def people_in_order(first: str, second: str) -> tuple[str, str]:
    """The couple's two public ids in the canonical order (ASCII order, the same as
    JavaScript's string comparison for these characters): the first is receiver 'a'."""
    if not (_ID.fullmatch(first) and _ID.fullmatch(second)) or first == second:
        raise ValueError("two different public ids of 1 to 64 letters, digits, '-' or '_'")
    return (first, second) if first < second else (second, first)


def token_bytes(token: Token, *, people: tuple[str, str]) -> bytes:
    """The bytes that both browsers hash for the same token: 'item|receiver|level', where the
    receiver is 'a', 'b' or 'both' (`people_in_order`). A `Token` names its receiver by a
    label each side sees differently ('me' for one is 'you' for the other); the couple's
    fixed order of public ids makes the two browsers write the same bytes. `token` comes from
    `matching.open_tokens` called with the two public ids as labels."""
    a, b = people_in_order(*people)
    if token.receiver == BOTH:
        receiver = BOTH
    elif token.receiver == a:
        receiver = FIRST
    elif token.receiver == b:
        receiver = SECOND
    else:
        raise ValueError("the token's receiver is neither of the two people")
    if not _ITEM_ID.fullmatch(token.item_id) or not 1 <= token.level <= 99:
        raise ValueError("a token has a pack's item id and a level from 1 to 99")
    return f"{token.item_id}|{receiver}|{token.level}".encode("ascii")


def ladder_size(catalog: Mapping[str, CatalogItem]) -> int:
    """How many points every posted set holds: the most tokens one person can have, one per
    item and role of the pack (a person open to give X and to receive X has two tokens of X).
    Each set is padded to this size whatever its person answered and however far they opened
    the ladder, so that the size tells nobody anything."""
    return sum(len(item.roles) for item in catalog.values())


# --- Hash to group (RFC 9380 hash_to_ristretto255) -------------------------------------------


def expand_message_xmd(message: bytes, dst_: bytes, length: int) -> bytes:
    """RFC 9380 section 5.3.1 with SHA-512: `length` uniform bytes from `message`, bound to
    the tag `dst_`. Written out because no library here has it; the tests check it against
    the RFC 9497 vectors and against @noble/curves' own `expand_message_xmd`."""
    block, digest = 128, 64  # SHA-512's input block and output sizes
    ell = -(-length // digest)
    if ell > 255 or length > 65535 or not 0 < len(dst_) <= 255:
        raise ValueError("expand_message_xmd: length or tag too long")
    dst_prime = dst_ + bytes([len(dst_)])
    msg_prime = bytes(block) + message + length.to_bytes(2, "big") + b"\x00" + dst_prime
    b_0 = hashlib.sha512(msg_prime).digest()
    b_i = hashlib.sha512(b_0 + b"\x01" + dst_prime).digest()
    uniform = b_i
    for i in range(2, ell + 1):
        b_i = hashlib.sha512(
            bytes(x ^ y for x, y in zip(b_0, b_i, strict=True)) + bytes([i]) + dst_prime
        )
        b_i = b_i.digest()
        uniform += b_i
    return uniform[:length]


def hash_to_group(message: bytes, dst_: bytes) -> bytes:
    """hash_to_ristretto255 (RFC 9380 appendix B): libsodium's one-way map
    (`crypto_core_ristretto255_from_hash`, RFC 9496 section 4.3.4) over 64 bytes of
    `expand_message_xmd`. The same as @noble/curves' `ristretto255_hasher.hashToCurve`."""
    return rbcl.crypto_core_ristretto255_from_hash(expand_message_xmd(message, dst_, 64))


# --- Checking what a browser posts (the server's side) ---------------------------------------


class PostedSetInvalid(ValueError):
    """A posted set the server refuses. `reason` names the rule broken, one of `REASONS`;
    the message says which element and why, for the log and the browser's console."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        super().__init__(REASONS[reason] + (f" ({detail})" if detail else ""))


REASONS = {
    "not_a_list": "A posted set must be a list of hex-encoded points.",
    "wrong_size": "A posted set must hold exactly as many points as the whole ladder.",
    "bad_encoding": "Each point must be 64 lowercase hex digits (32 bytes).",
    "not_a_point": "Each point must be a canonical ristretto255 encoding.",
    "identity": "No point may be the identity element.",
    "duplicate": "A posted set must not hold the same point twice.",
    "not_sorted": "A round-one set must be sorted in ascending order.",
}


def decode_points(posted: object, *, expected_size: int) -> list[bytes]:
    """The points of a posted set, in its order, after checking that it is a list of exactly
    `expected_size` distinct, valid ristretto255 points, none of them the identity. Raises
    `PostedSetInvalid`. A wrong size would let a set's size say how many answers it holds;
    an invalid or identity point could make a partner's raised point leak their scalar's
    effect or match everything; a duplicate could count an item twice."""
    if not isinstance(posted, list):
        raise PostedSetInvalid("not_a_list")
    if len(posted) != expected_size:
        raise PostedSetInvalid("wrong_size", f"expected {expected_size}, got {len(posted)}")
    points, seen = [], set()
    for position, value in enumerate(posted):
        if not isinstance(value, str) or not _HEX_POINT.fullmatch(value):
            raise PostedSetInvalid("bad_encoding", f"element {position}")
        point = bytes.fromhex(value)
        if point == IDENTITY:
            raise PostedSetInvalid("identity", f"element {position}")
        if not rbcl.crypto_core_ristretto255_is_valid_point(point):
            raise PostedSetInvalid("not_a_point", f"element {position}")
        if point in seen:
            raise PostedSetInvalid("duplicate", f"element {position}")
        seen.add(point)
        points.append(point)
    return points


def check_round_one(posted: object, *, expected_size: int) -> list[bytes]:
    """A browser's round-one set: `decode_points`, and sorted in strictly ascending order
    (byte order, the same as the order of the hex strings), so that the order says nothing
    about which points are real and which are padding."""
    points = decode_points(posted, expected_size=expected_size)
    for position in range(1, len(points)):
        if points[position - 1] >= points[position]:
            raise PostedSetInvalid("not_sorted", f"element {position}")
    return points


def check_round_two(posted: object, *, partner_round_one: Sequence[bytes]) -> list[bytes]:
    """A browser's round-two set: the partner's round-one points raised to its own scalar,
    in the same order, so exactly as many (`decode_points`). Raising is a bijection, so a
    duplicate or the identity here can only come from a broken or dishonest browser. The
    server cannot check that the right scalar was used; a wrong one only spoils the result,
    which the final `settle_mutual` then refuses."""
    return decode_points(posted, expected_size=len(partner_round_one))


class MatchMustRunAgain(ValueError):
    """The two browsers posted different mutual sets, or a set with something that is not a
    token of the pack: nothing is stored or shown, and the match must be run again."""


def token_from_text(
    text: str, *, people: tuple[str, str], catalog: Mapping[str, CatalogItem]
) -> Token:
    """The `Token` (receiver a public id or BOTH) that `token_bytes` wrote as `text`, only if
    the pack has that item, at that level, with a role that can make that receiver. Raises
    `MatchMustRunAgain` for anything else: a forged or stale token must not be stored."""
    a, b = people_in_order(*people)
    item_id, _, rest = text.partition("|")
    receiver, _, level = rest.partition("|")
    item = catalog.get(item_id)
    if item is None or level != str(item.level):
        raise MatchMustRunAgain(f"not a token of this pack: {text!r}")
    together = "together" in item.roles
    if receiver == BOTH and together:
        return Token(level=item.level, item_id=item_id, receiver=BOTH)
    if receiver in (FIRST, SECOND) and not together:
        return Token(level=item.level, item_id=item_id, receiver=a if receiver == FIRST else b)
    raise MatchMustRunAgain(f"not a token of this pack: {text!r}")


def settle_mutual(
    first: Iterable[str],
    second: Iterable[str],
    *,
    people: tuple[str, str],
    catalog: Mapping[str, CatalogItem],
) -> frozenset[Token]:
    """The mutual tokens to store, from the token texts each browser posted after the run:
    only when both posted the same set of valid tokens. Otherwise `MatchMustRunAgain`: one
    side computed something else (a bug, a different pack, a dishonest browser), and showing
    either set could show someone a match the other never saw."""
    mine = frozenset(token_from_text(t, people=people, catalog=catalog) for t in first)
    theirs = frozenset(token_from_text(t, people=people, catalog=catalog) for t in second)
    if mine != theirs:
        raise MatchMustRunAgain("the two browsers disagree; the match must be run again")
    return mine


# --- The client side, in Python: the reference for tests and the benchmark --------------------


def new_scalar() -> bytes:
    """A fresh, uniformly random, non-zero scalar (32 bytes, little-endian, reduced)."""
    return rbcl.crypto_core_ristretto255_scalar_random()


def raise_point(point: bytes, scalar: bytes) -> bytes:
    """`scalar` times `point`; libsodium refuses an invalid point or an identity result."""
    return rbcl.crypto_scalarmult_ristretto255(scalar, point)


def random_point() -> bytes:
    """A uniformly random point: padding, indistinguishable from a blinded token."""
    return rbcl.crypto_core_ristretto255_random()


@dataclass
class ClientRun:
    """One browser's side of one run. `tokens` are its person's open tokens
    (`matching.open_tokens` with the two public ids as labels); `scalar` is fresh per run
    and never leaves the browser."""

    tokens: frozenset[Token]
    people: tuple[str, str]
    dst: bytes
    ladder_size: int
    scalar: bytes = field(default_factory=new_scalar, repr=False)
    _token_at: dict[int, Token] = field(default_factory=dict, repr=False)
    _round_one: list[bytes] = field(default_factory=list, repr=False)
    _round_two: list[bytes] = field(default_factory=list, repr=False)

    def round_one(self) -> list[str]:
        """Hash, blind, pad to the ladder size with random points, sort; as hex strings."""
        if len(self.tokens) > self.ladder_size:
            raise ValueError("more tokens than the ladder has places")
        blinded = {
            raise_point(hash_to_group(token_bytes(t, people=self.people), self.dst), self.scalar): t
            for t in self.tokens
        }
        points = set(blinded)
        while len(points) < self.ladder_size:
            points.add(random_point())
        self._round_one = sorted(points)
        self._token_at = {i: blinded[p] for i, p in enumerate(self._round_one) if p in blinded}
        return [p.hex() for p in self._round_one]

    def round_two(self, partner_round_one: Sequence[str]) -> list[str]:
        """The partner's round-one points raised to this browser's scalar, in their order."""
        points = check_round_one(list(partner_round_one), expected_size=self.ladder_size)
        self._round_two = [raise_point(p, self.scalar) for p in points]
        return [p.hex() for p in self._round_two]

    def mutual(self, partner_round_two: Sequence[str]) -> frozenset[Token]:
        """The tokens of this browser's person whose doubly-raised points the partner's
        browser also produced: the intersection, the same on both sides."""
        points = check_round_two(list(partner_round_two), partner_round_one=self._round_one)
        theirs = set(self._round_two)
        return frozenset(t for i, t in self._token_at.items() if points[i] in theirs)
