// The private ladder page (issue #17): answers kept in this browser's localStorage, and the
// browser's part in a run. Nothing here ever sends an answer, a token or an item id to the
// server before the end of a run; what it posts is blinded points (private-matching.js) and,
// at the end, the mutual tokens, which the server stores only if both browsers agree.
//
// Answers are stored as plain JSON under a key naming the couple, the pack, this person (their
// random public ids, never database keys) and the moment private mode came on, so switching the mode off and on starts afresh. Whoever can
// open this browser can read them; clearing the browser's data loses them (and only them).

import { ClientRun, dst, openTokens, tokenText } from "./private-matching.js";

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
const WORDED_BY_SERVER = new Set(["not_on", "run_in_progress", "run_limit", "not_now", "locked"]);
let state = null;

/** STRINGS[key] with each {name} replaced by values[name]. */
function t(key, values = {}) {
  return STRINGS[key].replace(/\{(\w+)\}/g, (mark, name) => (name in values ? String(values[name]) : mark));
}
let busy = false;

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
function refused(error) {
  const name = error.body && error.body.error;
  if (WORDED_BY_SERVER.has(name) && error.body.message) say(error.body.message);
  else {
    console.warn("private matching:", error);
    say(t("not_through"));
  }
}

// --- The ladder, filled from and saved to this browser --------------------------------------

function fillLadder() {
  const answers = loadAnswers();
  for (const [name, choice] of Object.entries(answers)) {
    const input = ladder.querySelector(`input[type=radio][name="${CSS.escape(name)}"][value="${CSS.escape(choice)}"]`);
    if (input) input.checked = true;
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
  say(t("saved"));
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

async function begin() {
  state = await (await fetch(root.dataset.state, { credentials: "same-origin" })).json();
  if (!state.on) return;
  forgetOldAnswers();
  fillLadder();
  root.hidden = false;
  show(state.run);
  setInterval(tick, 1500);
}

begin();
