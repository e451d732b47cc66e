// Runs the browser's private matching (private-matching.js and the vendored bundle) under
// Node for test_private_matching_interop.py: one JSON request a line on stdin, one JSON
// answer a line on stdout ({"ok": ...} or {"error": reason, "message": ...}). One process
// serves a whole test module, so hypothesis examples cost no start-up each.
import { createInterface } from "node:readline";
import * as pm from "../../discovery/static/discovery/private-matching.js";
import {
  bytesToHex,
  expand_message_xmd,
  hexToBytes,
  sha512,
} from "../../discovery/static/discovery/vendor/noble-ristretto255.js";

const runs = new Map();
const scalar = (hex) => (hex === undefined ? undefined : pm.scalarFromHex(hex));
const dstOf = (request) => request.dstText ?? pm.dst(request.coupleId, request.runId);

const ops = {
  dst: (r) => pm.dst(r.coupleId, r.runId),
  expand: (r) => bytesToHex(expand_message_xmd(hexToBytes(r.message), r.dstText, r.length, sha512)),
  hash: (r) => r.messages.map((m) => pm.toHex(pm.hashToGroup(hexToBytes(m), dstOf(r)))),
  blind: (r) =>
    r.messages.map((m) => pm.toHex(pm.hashToGroup(hexToBytes(m), dstOf(r)).multiply(scalar(r.scalar)))),
  raise: (r) => {
    const s = scalar(r.scalar);
    return pm.decodePoints(r.points, r.points.length).map((p) => pm.toHex(p.multiply(s)));
  },
  openTokens: (r) => pm.openTokens(r.answers, r),
  tokenText: (r) => r.tokens.map((t) => pm.tokenText(t, r.people)),
  ladderSize: (r) => pm.ladderSize(r.catalog),
  checkRoundOne: (r) => pm.checkRoundOne(r.posted, r.size).length,
  decodePoints: (r) => pm.decodePoints(r.posted, r.size).length,
  runStart: (r) => {
    const run = new pm.ClientRun({
      tokens: r.tokens,
      people: r.people,
      dstText: dstOf(r),
      size: r.size,
      scalar: scalar(r.scalar),
    });
    runs.set(r.id, run);
    return run.roundOne();
  },
  runTwo: (r) => runs.get(r.id).roundTwo(r.partnerRoundOne),
  runMutual: (r) => {
    const mutual = runs.get(r.id).mutual(r.partnerRoundTwo);
    runs.delete(r.id);
    return mutual;
  },
  // The whole run for the whole ladder, both browsers in this process: the benchmark.
  bench: (r) => {
    const times = [];
    for (let i = 0; i < r.repeat; i++) {
      const started = performance.now();
      const a = new pm.ClientRun({ tokens: r.first, people: r.people, dstText: dstOf(r), size: r.size });
      const b = new pm.ClientRun({ tokens: r.second, people: r.people, dstText: dstOf(r), size: r.size });
      const [oneA, oneB] = [a.roundOne(), b.roundOne()];
      const [twoA, twoB] = [a.roundTwo(oneB), b.roundTwo(oneA)];
      const mutual = a.mutual(twoB);
      b.mutual(twoA);
      times.push((performance.now() - started) / 1000);
      if (i === 0) times.mutual = mutual.length;
    }
    return { seconds: times, mutual: times.mutual };
  },
};

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  let answer;
  try {
    const request = JSON.parse(line);
    answer = { ok: ops[request.op](request) };
  } catch (error) {
    answer = { error: error.reason ?? error.name, message: String(error.message) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
