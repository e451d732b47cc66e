// The only parts of @noble/curves that Handhold's private matching uses (see README.md).
// ristretto255: the prime-order group (RFC 9496): Point.fromBytes/toBytes, multiply, Fn.
// ristretto255_hasher.hashToCurve: hash_to_ristretto255 (RFC 9380 appendix B), i.e.
//   the one-way map of RFC 9496 over expand_message_xmd(msg, DST, 64) with SHA-512;
//   deriveToCurve is that one-way map alone (libsodium's crypto_core_ristretto255_from_hash).
export { ristretto255, ristretto255_hasher } from "@noble/curves/ed25519.js";
export { expand_message_xmd } from "@noble/curves/abstract/hash-to-curve.js";
export { sha512 } from "@noble/hashes/sha2.js";
export {
  bytesToHex,
  bytesToNumberLE,
  hexToBytes,
  numberToBytesLE,
  randomBytes,
} from "@noble/curves/utils.js";
