// Runs the browser's answers copy (private-copy.js) under Node for test_answers_copy.py: one
// JSON request as the only argument, one JSON answer on stdout.
import * as copy from "../../discovery/static/discovery/private-copy.js";

const request = JSON.parse(process.argv[2]);
const keyOf = (r) => copy.phraseKey(r.phrase, copy.fromHex(r.salt));

const ops = {
  seal: async (r) =>
    copy.sealCopy(r.content, {
      key: await keyOf(r),
      salt: copy.fromHex(r.salt),
      personId: r.personId,
      iv: copy.fromHex(r.iv),
    }),
  open: async (r) => copy.openCopy(r.copy, { key: await keyOf(r), personId: r.personId }),
  phrases: async (r) =>
    Array.from({ length: r.count }, () => {
      const phrase = copy.newPhrase();
      return [phrase, copy.normalisePhrase(phrase)];
    }),
  normalise: async (r) => r.typed.map((t) => copy.normalisePhrase(t)),
};

try {
  process.stdout.write(JSON.stringify({ ok: await ops[request.op](request) }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: error.name, message: String(error.message) }));
}
