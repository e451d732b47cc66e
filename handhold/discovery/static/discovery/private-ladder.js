// The private ladder page (issue #17): answers kept in this browser's localStorage, and the
// browser's part in a run. Nothing here ever sends an answer, a token or an item id to the
// server before the end of a run; what it posts is blinded points (private-matching.js) and,
// at the end, the mutual tokens, which the server stores only if both browsers agree.
//
// Answers are stored as plain JSON under a key naming the couple, the pack, this person (their
// random public ids, never database keys) and the moment private mode came on, so switching the
// mode off and on starts afresh. Whoever can open this browser can read them; clearing the
// browser's data loses them (and only them).
//
// A person may also keep a locked copy on the server, to continue on another device: sealed
// here (private-copy.js) under a key from a phrase that never leaves the page; the key itself
// is kept in this browser's IndexedDB, not extractable. See handhold/core/answers_copy.py.

import { ClientRun, dst, openTokens, tokenText } from "./private-matching.js";
import { SALT_BYTES, fromHex, newPhrase, normalisePhrase, openCopy, phraseKey, randomBytes, sealCopy, toHex } from "./private-copy.js";

const root = document.getElementById("private-matching");
const statusLine = document.getElementById("private-status");
const ladder = document.getElementById("private-ladder");
const startButton = document.getElementById("private-start");
const joinButton = document.getElementById("private-join");
const cancelButton = document.getElementById("private-cancel");
const csrf = root.querySelector("input[name=csrfmiddlewaretoken]").value;
const PREFIX = "handhold-private:";
// Every sentence this script shows, translated by the server into the page's language
// (private_ladder.html renders them with gettext into a JSON block that is never executed).
const STRINGS = JSON.parse(document.getElementById("private-strings").textContent);
// The named refusals the server words itself, in the request's language (private.MESSAGES).
const WORDED_BY_SERVER = new Set(["not_on", "run_in_progress", "run_limit", "not_now", "locked", "copy_changed"]);
let state = null;
let busy = false;

/** STRINGS[key] with each {name} replaced by values[name]. */
function t(key, values = {}) {
  return STRINGS[key].replace(/\{(\w+)\}/g, (mark, name) => (name in values ? String(values[name]) : mark));
}

const storeKey = () => `${PREFIX}${state.couple}:${state.pack}:${state.me}:${state.since}`;

function loadAnswers() {
  try {
    return JSON.parse(localStorage.getItem(storeKey())) || {};
  } catch {
    return {};
  }
}

// This person's answers from an earlier switch-on, and any kept under the ids used before public
// ids (small numbers, which nobody's browser can read back any more), go.
function forgetOldAnswers() {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (!key.startsWith(PREFIX) || key === storeKey()) continue;
    const me = key.split(":")[3];
    if (me === state.me || /^[0-9]+$/.test(me)) localStorage.removeItem(key);
  }
}

async function send(url, payload) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-CSRFToken": csrf, "Content-Type": "application/json", Accept: "application/json" },
    body: payload === undefined ? "" : JSON.stringify(payload),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(body.error || String(response.status)), { body });
  return body;
}

function say(text) {
  statusLine.textContent = text;
}

/** A refusal in words: the server's own for a named one, ours for anything else. */
function refused(error, sayIt = say) {
  const name = error.body && error.body.error;
  if (WORDED_BY_SERVER.has(name) && error.body.message) sayIt(error.body.message);
  else {
    console.warn("private matching:", error);
    sayIt(t("not_through"));
  }
}

// --- The ladder, filled from and saved to this browser --------------------------------------

function fillLadder() {
  const answers = loadAnswers();
  for (const input of ladder.querySelectorAll("input[type=radio]")) {
    input.checked = Object.hasOwn(answers, input.name) && answers[input.name] === input.value;
  }
}

ladder.addEventListener("change", async (event) => {
  const input = event.target;
  if (input.type !== "radio" || ladder.disabled) return;
  const answers = loadAnswers();
  if (input.value === "skip") delete answers[input.name];
  else answers[input.name] = input.value;
  localStorage.setItem(storeKey(), JSON.stringify(answers));
  if (state.matched) {
    // A change (to no or to anything) means the match must be found again, for both.
    state.matched = false;
    await send(root.dataset.changed).catch(() => {});
  }
  if (!lock) {
    say(t("saved"));
    return;
  }
  try {
    await pushCopy();
    say(t("copy_saved"));
  } catch (error) {
    console.warn("private matching, locked copy:", error);
    say(error.body && error.body.error === "copy_changed" ? error.body.message : t("copy_not_saved"));
  }
});

function myTokens() {
  const answers = Object.entries(loadAnswers()).map(([name, choice]) => {
    const [itemId, role] = name.split("__");
    return { itemId, role, choice };
  });
  const partner = state.people.find((id) => id !== state.me);
  return openTokens(answers, { me: state.me, partner, catalog: state.catalog, opened: state.opened });
}

// --- This browser's part of a run; its secret scalar stays in this tab ----------------------

function saveClient(runId, client) {
  sessionStorage.setItem(`handhold-run:${runId}`, JSON.stringify({
    scalar: client.scalar.toString(16),
    posted: client.posted,
    tokenAt: [...client.tokenAt],
    raised: client.raised || null,
  }));
}

function loadClient(runId) {
  const saved = JSON.parse(sessionStorage.getItem(`handhold-run:${runId}`) || "null");
  if (!saved) return null;
  const client = new ClientRun({
    tokens: [], people: state.people, dstText: dst(state.couple, runId.replaceAll("-", "")),
    size: state.size, scalar: BigInt(`0x${saved.scalar}`),
  });
  Object.assign(client, { posted: saved.posted, tokenAt: new Map(saved.tokenAt), raised: saved.raised });
  return client;
}

const postStep = (run, step, set) => send(`${root.dataset.runs}${run.public_id}/post/`, { step, set });

async function postRoundOne(run) {
  const client = new ClientRun({
    tokens: myTokens(), people: state.people, dstText: dst(state.couple, run.public_id.replaceAll("-", "")),
    size: state.size,
  });
  const points = client.roundOne();
  saveClient(run.public_id, client);
  return postStep(run, "round-one", points);
}

async function advance(run) {
  const client = loadClient(run.public_id);
  if (!client) {
    say(t("other_tab"));
    return;
  }
  if (run.status === "round_two" && !run.posted_by_me.round_two && run.partner_round_one) {
    const points = client.roundTwo(run.partner_round_one);
    saveClient(run.public_id, client);
    await postStep(run, "round-two", points);
  } else if (run.status === "mutual" && !run.posted_by_me.mutual && run.partner_round_two) {
    const mutual = client.mutual(run.partner_round_two).map((token) => tokenText(token, state.people));
    await postStep(run, "mutual", mutual);
  }
}

function show(run) {
  const going = Boolean(run) && !["done", "run_again", "cancelled"].includes(run.status);
  ladder.disabled = going;
  startButton.hidden = going;
  cancelButton.hidden = !going;
  joinButton.hidden = !(going && !run.posted_by_me.round_one);
  const number = run && run.number;
  if (!run) say(state.matched ? "" : t("ready"));
  else if (run.status === "run_again") say(t("run_again", { number }));
  else if (run.status === "cancelled") say(t("cancelled", { number }));
  else if (run.status === "done") say(t("done", { number }));
  else if (!run.posted_by_me.round_one) say(t(run.started_by_me ? "you_started" : "partner_started", { number }));
  else say(t("going", { number }));
}

async function tick() {
  if (busy) return;
  busy = true;
  try {
    const previous = state && state.run;
    state = await (await fetch(root.dataset.state, { credentials: "same-origin" })).json();
    if (!state.on) {
      window.location.reload();
      return;
    }
    const run = state.run;
    show(run);
    syncCopy();
    if (run && run.status === "done" && previous && previous.public_id === run.public_id && previous.status !== "done") {
      window.location.assign(root.dataset.reveal);  // both browsers see "done" at the same poll
      return;
    }
    if (run && run.posted_by_me.round_one && !["done", "run_again", "cancelled"].includes(run.status)) {
      await advance(run);
    }
  } catch (error) {
    console.warn("private matching:", error);
    say(t("went_wrong"));
  } finally {
    busy = false;
  }
}

startButton.addEventListener("click", async () => {
  try {
    const run = await send(root.dataset.start);
    await postRoundOne(run);
  } catch (error) {
    refused(error);
  }
  tick();
});

joinButton.addEventListener("click", async () => {
  try {
    await postRoundOne(state.run);
  } catch (error) {
    refused(error);
  }
  tick();
});

cancelButton.addEventListener("click", async () => {
  try {
    await send(`${root.dataset.runs}${state.run.public_id}/cancel/`);
  } catch (error) {
    refused(error);
  }
  tick();
});

// --- The locked copy, to continue on another device ------------------------------------------

const copyParts = Object.fromEntries(
  ["none", "phrase", "phrase-text", "restore", "phrase-input", "open", "kept", "stop-area", "stop", "start", "status"]
    .map((part) => [part, document.getElementById(`copy-${part}`)]),
);
let lock = null; // {key, salt, version}: this browser keeps the copy up to date when set
let copyBusy = false;
let pushing = null;
let pushWanted = false;
let phraseShown = false;

function sayCopy(text) {
  copyParts.status.textContent = text;
}

// The key lives in IndexedDB, which can keep a CryptoKey that cannot be read back out.
function keyStore(mode, action) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open("handhold-private", 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore("keys");
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const transaction = db.transaction("keys", mode);
      const request = action(transaction.objectStore("keys"));
      transaction.oncomplete = () => { db.close(); resolve(request.result); };
      transaction.onerror = () => { db.close(); reject(transaction.error); };
    };
  });
}
const lockId = () => `${state.couple}:${state.me}`;
const loadLock = () => keyStore("readonly", (store) => store.get(lockId()));
const saveLock = () => keyStore("readwrite", (store) => store.put(lock, lockId()));

async function forgetLock() {
  lock = null;
  phraseShown = false;
  await keyStore("readwrite", (store) => store.delete(lockId())).catch(() => {});
}

/** Every pack's answers of this person, for this time the mode is on. */
function everyAnswer() {
  const prefix = `${PREFIX}${state.couple}:`;
  const suffix = `:${state.me}:${state.since}`;
  const packs = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key.startsWith(prefix) && key.endsWith(suffix)) {
      try {
        packs[key.slice(prefix.length, -suffix.length)] = JSON.parse(localStorage.getItem(key)) || {};
      } catch {
        // an unreadable entry is left out
      }
    }
  }
  return { format: 1, couple: state.couple, since: state.since, packs };
}

/** Put a copy's answers into this browser; false when it is from another time. */
function takeAnswers(content) {
  if (!content || content.couple !== state.couple || content.since !== state.since) return false;
  for (const [pack, answers] of Object.entries(content.packs || {})) {
    localStorage.setItem(`${PREFIX}${state.couple}:${pack}:${state.me}:${state.since}`, JSON.stringify(answers));
  }
  fillLadder();
  return true;
}

async function fetchCopy() {
  const response = await fetch(root.dataset.copy, { credentials: "same-origin" });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()).copy;
}

/** Seal this browser's answers and send them; one at a time, the latest answers last. */
function pushCopy() {
  pushWanted = true;
  if (!pushing) {
    pushing = (async () => {
      while (pushWanted && lock) {
        pushWanted = false;
        const sealed = await sealCopy(everyAnswer(), { key: lock.key, salt: lock.salt, personId: state.me });
        const body = await send(root.dataset.copy, { copy: sealed, based_on: lock.version });
        lock.version = body.version;
        state.copy_version = body.version;
        await saveLock();
      }
    })().finally(() => {
      pushing = null;
    });
  }
  return pushing;
}

/** Keep this browser in step with the copy: a newer one from another device is brought here;
 * a copy that is gone, or was started afresh elsewhere, ends this browser's part in it. */
async function syncCopy() {
  if (copyBusy || pushing) return;
  copyBusy = true;
  try {
    if (state.copy_version === null) {
      if (lock) await forgetLock();
    } else if (lock && state.copy_version !== lock.version && !ladder.disabled) {
      const copy = await fetchCopy();
      if (!copy || copy.salt !== toHex(lock.salt)) {
        await forgetLock();
      } else if (copy.version !== lock.version) {
        if (takeAnswers(await openCopy(copy, { key: lock.key, personId: state.me }))) {
          lock.version = copy.version;
          await saveLock();
          sayCopy(t("copy_pulled"));
        }
      }
    }
  } catch (error) {
    console.warn("private matching, locked copy:", error);
  } finally {
    copyBusy = false;
    showCopy();
  }
}

function showCopy() {
  const exists = state.copy_version !== null;
  copyParts.none.hidden = exists;
  copyParts.restore.hidden = !exists || Boolean(lock);
  copyParts.kept.hidden = !(exists && lock);
  copyParts.phrase.hidden = !(exists && lock && phraseShown);
  copyParts["stop-area"].hidden = !exists;
  copyParts.open.disabled = ladder.disabled; // answers wait while a run is going
}

copyParts.start.addEventListener("click", async () => {
  if (copyBusy) return;
  copyBusy = true;
  sayCopy(t("copy_working"));
  try {
    const phrase = newPhrase();
    const salt = randomBytes(SALT_BYTES);
    lock = { key: await phraseKey(normalisePhrase(phrase), salt), salt, version: null };
    await pushCopy();
    copyParts["phrase-text"].textContent = phrase;
    phraseShown = true;
    sayCopy("");
  } catch (error) {
    await forgetLock();
    refused(error, sayCopy);
  } finally {
    copyBusy = false;
    showCopy();
  }
});

async function bringAnswersHere() {
  if (copyBusy || ladder.disabled) return;
  const phrase = normalisePhrase(copyParts["phrase-input"].value);
  if (!phrase) {
    sayCopy(t("copy_not_a_phrase"));
    return;
  }
  copyBusy = true;
  sayCopy(t("copy_working"));
  try {
    const copy = await fetchCopy();
    if (!copy) {
      state.copy_version = null;
      sayCopy("");
      return;
    }
    const salt = fromHex(copy.salt);
    const key = await phraseKey(phrase, salt);
    let content;
    try {
      content = await openCopy(copy, { key, personId: state.me });
    } catch {
      sayCopy(t("copy_wrong_phrase"));
      return;
    }
    const before = JSON.stringify(loadAnswers());
    if (!takeAnswers(content)) {
      sayCopy(t("copy_from_before"));
      return;
    }
    lock = { key, salt, version: copy.version };
    state.copy_version = copy.version;
    await saveLock();
    copyParts["phrase-input"].value = "";
    if (state.matched && JSON.stringify(loadAnswers()) !== before) {
      state.matched = false; // as after any change of answers: the match is found again
      await send(root.dataset.changed).catch(() => {});
    }
    sayCopy(t("copy_restored"));
  } catch (error) {
    refused(error, sayCopy);
  } finally {
    copyBusy = false;
    showCopy();
  }
}

copyParts.open.addEventListener("click", bringAnswersHere);
copyParts["phrase-input"].addEventListener("keydown", (event) => {
  if (event.key === "Enter") bringAnswersHere();
});

copyParts.stop.addEventListener("click", async () => {
  try {
    await send(root.dataset.copyDelete);
    await forgetLock();
    state.copy_version = null;
    sayCopy(t("copy_stopped"));
  } catch (error) {
    refused(error, sayCopy);
  }
  showCopy();
});

async function begin() {
  state = await (await fetch(root.dataset.state, { credentials: "same-origin" })).json();
  if (!state.on) return;
  forgetOldAnswers();
  fillLadder();
  lock = (await loadLock().catch(() => null)) || null;
  root.hidden = false;
  show(state.run);
  await syncCopy();
  setInterval(tick, 1500);
}

begin();
