// Continuing on another device in private matching: the browser seals a copy of its person's
// answers under a key derived from a phrase that never leaves it. The format is written down
// once, in handhold/core/answers_copy.py; handhold/core/tests/test_answers_copy.py runs this
// file under Node and opens what it seals with Python's `cryptography`, and the other way round.
// WebCrypto only (PBKDF2, AES-GCM): no library, nothing home-made.
//
// An ES module with no side effects, for the page and for Node (20+, which has WebCrypto).

export const FORMAT = "Handhold answers copy v1";
export const PLAINTEXT_BYTES = 16384;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const ITERATIONS = 600000;
// The phrase: 120 random bits in Crockford's base32, six groups of four, like a recovery code
// (handhold/core/recovery_codes.py), so it can be written down or read aloud.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PHRASE_LENGTH = 24;
const LOOK_ALIKES = { O: "0", I: "1", L: "1" };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
export function fromHex(hex) {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export const randomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/** A fresh phrase for display, such as "K3QZ-8M2D-…" (six groups of four). */
export function newPhrase() {
  // 32 symbols: each random byte's low five bits pick one, uniformly.
  const symbols = Array.from(randomBytes(PHRASE_LENGTH), (b) => ALPHABET[b & 31]).join("");
  return symbols.match(/.{4}/g).join("-");
}

/** A typed phrase in its canonical form (case, spaces, dashes and look-alikes forgiven),
 * or null when it cannot be a phrase at all. */
export function normalisePhrase(typed) {
  const cleaned = typed.replace(/[\s-]/g, "").toUpperCase().replace(/[OIL]/g, (c) => LOOK_ALIKES[c]);
  if (cleaned.length !== PHRASE_LENGTH || [...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  return cleaned;
}

/** The copy's AES-GCM key from a normalised phrase and the copy's salt. Not extractable:
 * it can be kept in this browser (IndexedDB) and used, never read back. */
export async function phraseKey(phrase, salt) {
  const material = await crypto.subtle.importKey("raw", encoder.encode(phrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: ITERATIONS },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

const associatedData = (personId) => encoder.encode(`${FORMAT};person=${personId}`);

/** Seal `content` (plain JSON data) for `personId`: padded to PLAINTEXT_BYTES, a fresh iv. */
export async function sealCopy(content, { key, salt, personId, iv = randomBytes(IV_BYTES) }) {
  const text = encoder.encode(JSON.stringify(content));
  if (text.length > PLAINTEXT_BYTES) throw new Error("too many answers for one copy");
  const padded = new Uint8Array(PLAINTEXT_BYTES).fill(0x20);
  padded.set(text);
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: associatedData(personId) },
    key,
    padded,
  );
  return { salt: toHex(salt), iv: toHex(iv), ciphertext: toHex(new Uint8Array(sealed)) };
}

/** What a copy holds; throws (an OperationError) for a wrong phrase, person or a changed byte. */
export async function openCopy(copy, { key, personId }) {
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromHex(copy.iv), additionalData: associatedData(personId) },
    key,
    fromHex(copy.ciphertext),
  );
  return JSON.parse(decoder.decode(plain));
}
