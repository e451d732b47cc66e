// Private matching, the browser's side (issue #17). The protocol, the token bytes and the
// reasons are written down once, in handhold/core/private_matching.py; this file does the
// same steps byte for byte, and handhold/core/tests/test_private_matching_interop.py runs it
// under Node to prove it. Group arithmetic and hashing come from @noble/curves (vendored,
// built by tools/vendor/noble); nothing here is home-made crypto.
//
// An ES module with no side effects: a page loads it with <script type="module" src=...>
// (CSP script-src 'self', no inline script), and Node imports it in the tests.

import {
  bytesToHex,
  bytesToNumberLE,
  hexToBytes,
  randomBytes,
  ristretto255,
  ristretto255_hasher,
} from "./vendor/noble-ristretto255.js";

const Point = ristretto255.Point;
const ORDER = Point.Fn.ORDER;

export const VERSION_LABEL = "Handhold private matching v1";
export const BOTH = "both";
const OPEN_CHOICES = new Set(["yes", "curious"]);
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ITEM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const HEX_POINT = /^[0-9a-f]{64}$/;
const IDENTITY_HEX = "0".repeat(64);

// --- What both browsers must agree on ---------------------------------------------------

/** The domain separation tag of one run (private_matching.dst). */
export function dst(coupleId, runId) {
  if (!ID.test(coupleId) || !ID.test(runId)) {
    throw new Error("couple and run ids must be 1 to 64 letters, digits, '-' or '_'");
  }
  return `${VERSION_LABEL};couple=${coupleId};run=${runId}`;
}

/** The couple's public ids in canonical order: the first one is receiver "a". */
export function peopleInOrder(first, second) {
  if (!ID.test(first) || !ID.test(second) || first === second) {
    throw new Error("two different public ids of 1 to 64 letters, digits, '-' or '_'");
  }
  return first < second ? [first, second] : [second, first];
}

/** "item|receiver|level", the receiver as "a", "b" or "both" (private_matching.token_bytes).
 * `token.receiver` is a public id or "both", as openTokens makes it. */
export function tokenText(token, people) {
  const [a, b] = peopleInOrder(people[0], people[1]);
  let receiver;
  if (token.receiver === BOTH) receiver = BOTH;
  else if (token.receiver === a) receiver = "a";
  else if (token.receiver === b) receiver = "b";
  else throw new Error("the token's receiver is neither of the two people");
  if (!ITEM_ID.test(token.itemId) || !(Number.isInteger(token.level) && token.level >= 1 && token.level <= 99)) {
    throw new Error("a token has a pack's item id and a level from 1 to 99");
  }
  return `${token.itemId}|${receiver}|${token.level}`;
}

/** The tokens `me` is open to (matching.open_tokens): answers [{itemId, role, choice}],
 * catalog {itemId: {level, roles: [...]}}, `opened` the highest level `me` has opened.
 * Tokens are {itemId, receiver, level}, the receiver a public id or "both". */
export function openTokens(answers, { me, partner, catalog, opened }) {
  const tokens = new Map();
  for (const answer of answers) {
    const item = Object.hasOwn(catalog, answer.itemId) ? catalog[answer.itemId] : undefined;
    if (!item || !item.roles.includes(answer.role) || !OPEN_CHOICES.has(answer.choice)) continue;
    if (item.level > opened) continue;
    const receiver = answer.role === "give" ? partner : answer.role === "receive" ? me : BOTH;
    const token = { itemId: answer.itemId, receiver, level: item.level };
    tokens.set(`${token.itemId}|${receiver}|${token.level}`, token);
  }
  return [...tokens.values()];
}

/** Every posted set's size: one place per item and role of the pack (ladder_size). */
export function ladderSize(catalog) {
  return Object.values(catalog).reduce((sum, item) => sum + item.roles.length, 0);
}

// --- Group operations -------------------------------------------------------------------

const encoder = new TextEncoder();

/** hash_to_ristretto255 (RFC 9380): the RFC 9496 one-way map over expand_message_xmd
 * with SHA-512 and `dstText`, as libsodium's from_hash over the same 64 bytes. */
export function hashToGroup(message, dstText) {
  const bytes = typeof message === "string" ? encoder.encode(message) : message;
  return ristretto255_hasher.hashToCurve(bytes, { DST: dstText });
}

/** A fresh, uniformly random, non-zero scalar (64 random bytes reduced modulo the order). */
export function newScalar() {
  for (;;) {
    const scalar = bytesToNumberLE(randomBytes(64)) % ORDER;
    if (scalar !== 0n) return scalar;
  }
}

/** A scalar from its 32-byte little-endian hex encoding (tests and the benchmark). */
export function scalarFromHex(hex) {
  const scalar = bytesToNumberLE(hexToBytes(hex));
  if (hex.length !== 64 || scalar === 0n || scalar >= ORDER) throw new Error("not a scalar");
  return scalar;
}

/** A uniformly random point: padding, indistinguishable from a blinded token. */
export function randomPoint() {
  return ristretto255_hasher.deriveToCurve(randomBytes(64));
}

export const toHex = (point) => bytesToHex(point.toBytes());

// --- Checking what comes back from the server (private_matching.decode_points) ----------

export class PostedSetInvalid extends Error {
  constructor(reason, detail) {
    super(detail ? `${reason} (${detail})` : reason);
    this.reason = reason;
  }
}

/** The points of a set, after checking its size, encodings, identity and duplicates. */
export function decodePoints(posted, expectedSize) {
  if (!Array.isArray(posted)) throw new PostedSetInvalid("not_a_list");
  if (posted.length !== expectedSize) {
    throw new PostedSetInvalid("wrong_size", `expected ${expectedSize}, got ${posted.length}`);
  }
  const seen = new Set();
  return posted.map((value, position) => {
    if (typeof value !== "string" || !HEX_POINT.test(value)) {
      throw new PostedSetInvalid("bad_encoding", `element ${position}`);
    }
    if (value === IDENTITY_HEX) throw new PostedSetInvalid("identity", `element ${position}`);
    let point;
    try {
      point = Point.fromBytes(hexToBytes(value));
    } catch {
      throw new PostedSetInvalid("not_a_point", `element ${position}`);
    }
    if (seen.has(value)) throw new PostedSetInvalid("duplicate", `element ${position}`);
    seen.add(value);
    return point;
  });
}

/** A round-one set: decodePoints, and strictly ascending. */
export function checkRoundOne(posted, expectedSize) {
  const points = decodePoints(posted, expectedSize);
  for (let i = 1; i < posted.length; i++) {
    if (!(posted[i - 1] < posted[i])) throw new PostedSetInvalid("not_sorted", `element ${i}`);
  }
  return points;
}

// --- One browser's side of one run (private_matching.ClientRun) --------------------------

export class ClientRun {
  /** tokens: from openTokens; people: the two public ids; dstText: dst(...); size:
   * ladderSize(catalog); scalar: leave it out (a fresh one), or a bigint in tests. */
  constructor({ tokens, people, dstText, size, scalar = newScalar() }) {
    this.tokens = tokens;
    this.people = people;
    this.dstText = dstText;
    this.size = size;
    this.scalar = scalar;
  }

  /** Hash, blind, pad to the ladder size with random points, sort: hex strings to post. */
  roundOne() {
    if (this.tokens.length > this.size) throw new Error("more tokens than the ladder has places");
    const blinded = new Map();
    for (const token of this.tokens) {
      const point = hashToGroup(tokenText(token, this.people), this.dstText).multiply(this.scalar);
      blinded.set(toHex(point), token);
    }
    const all = new Set(blinded.keys());
    while (all.size < this.size) all.add(toHex(randomPoint()));
    this.posted = [...all].sort();
    this.tokenAt = new Map();
    this.posted.forEach((hex, i) => blinded.has(hex) && this.tokenAt.set(i, blinded.get(hex)));
    return this.posted;
  }

  /** The partner's round-one points raised to this browser's scalar, in their order. */
  roundTwo(partnerRoundOne) {
    const points = checkRoundOne(partnerRoundOne, this.size);
    this.raised = points.map((point) => toHex(point.multiply(this.scalar)));
    return this.raised;
  }

  /** This person's tokens that the partner's browser also holds: the mutual ones. */
  mutual(partnerRoundTwo) {
    decodePoints(partnerRoundTwo, this.posted.length);
    const theirs = new Set(this.raised);
    const mutual = [];
    for (const [i, token] of this.tokenAt) if (theirs.has(partnerRoundTwo[i])) mutual.push(token);
    return mutual;
  }
}
