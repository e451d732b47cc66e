"""Train the pressure checker's model and write its weights into the package.

    python eval/pressure/train.py            # writes handhold/core/pressure/weights.json.gz
    python eval/pressure/train.py --report   # also prints the held-out scores

Needs scikit-learn (a development dependency: `pip install -e .[test]`); the shipped checker
only reads the weights (handhold/core/pressure/model.py).

What it learns from: the hand-written messages (labelled.py) and 30,000 generated ones
(generate.py, seed 1), with each clause of a message that does not pressure added again on its
own as a message that does not pressure, because the checker also scores clauses, to place a
finding. Hand-written messages weigh 12 times as much as generated ones: they are what real
people write, and the held-out recall on them was higher at 12 than at 4.

How thresholds are chosen without looking at the answers: five folds, split so that a
template (generated) or a writer (hand-written) is on one side only. Until release 3 the
hand-written messages were split by message, so a fold had read the same writer's other
messages and the thresholds were too trusting of new writers: trained without writers j, k
and l and scored on them, the false-positive rate was 0.075 with folds by message and 0.060
with folds by writer (planned: 0.03). By writer, the held-out scores are lower and truer.
Each fold's model scores the messages it never saw. On those held-out scores, Platt scaling
turns scores into probabilities, the pressure threshold is the lowest that keeps the
false-positive rate at or under 3% on both the hand-written and the generated messages, and the
says-no-is-fine threshold the lowest at which at most 1 in 100 of its yeses falls on a
pressuring message. The shipped model is then trained once more on everything.

A fourth head tells everyday messages, which ask nothing at all, from the rest; the model
does not judge what it waves through. Its threshold is the lowest at which at most 2% of the
hand-written pressuring messages (held out) are waved through, and it is applied before the
pressure threshold is chosen, so that threshold counts only what the model does judge.

The pressure head and the category heads learn over features scaled by how much likelier each
is on one side than the other (naive Bayes log-count ratios; see `fit_scaled`): release 5's
change, worth 0.06 of held-out F1.

Whether a message pressures is decided on the whole message; the clauses only say where. On
the held-out folds, at the same 3% false-positive rate, deciding by the highest-scoring clause
found 0.45 of the hand-written pressure and deciding by the whole message 0.60 (2026-11-27).

Deterministic: the same data and library versions give the same weights, which
tests/test_pressure_weights.py checks by training again.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import multiprocessing
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import labelled  # noqa: E402
import numpy as np  # noqa: E402
from metrics import scores as message_scores  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from handhold.core.pressure import split_clauses  # noqa: E402
from handhold.core.pressure.model import WEIGHTS, discounted, features  # noqa: E402

SEED, COUNT = 1, 30000
FOLDS = 5
MIN_DF = 3  # a feature must appear in at least this many training texts
HANDWRITTEN_WEIGHT = 12.0
CLAUSE_WEIGHT = 0.5
MAX_FPR = 0.03
UNSURE_FPR = 0.10  # scores between this false-positive rate and MAX_FPR's: no verdict
MAX_FALSE_REASSURANCE = 0.01
C_PRESSURING, C_CATEGORY, C_NO_IS_FINE, C_EVERYDAY = 4.0, 4.0, 2.0, 4.0
# Smoothing of the naive Bayes log-count ratios that scale the pressure and category heads'
# features (fit_scaled).
NB_ALPHA = 1.0
# The everyday head may wave through, unjudged, at most this share of the hand-written
# pressuring messages (held out); the rules do not judge what it waves through either.
MAX_PRESSURE_CALLED_EVERYDAY = 0.02
# Generated groups whose messages ask nothing at all (no request, no topic).
EVERYDAY_GROUPS = ("everyday", "everyday_hard", "lookalike", "everyday_senses")
# The model's pressure score is p * (1 - everyday probability) ** EVERYDAY_DISCOUNT (see
# model.Model.pressure for the measurement behind 0.5).
EVERYDAY_DISCOUNT = 0.5
TOL = 1e-8  # the solver's stopping tolerance (see fit)
DIGITS = 5
# Category weights smaller than this are dropped: it keeps the weights file and the category
# lookup small, and it is applied before the held-out scoring, so the report includes it.
CATEGORY_PRUNE = 0.1


def clause_texts(text: str) -> list[str]:
    return [clause for _, clause in split_clauses(text)] or [text]


def fold_of(key: str) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % FOLDS


def load() -> list[dict]:
    rows = []
    for row in labelled.handwritten():
        # Folds by writer: a threshold is then chosen on writers the model never read, as
        # the frozen set's writers will be.
        writer = row["id"].split(":")[0]
        rows.append(row | {"group": writer, "weight": HANDWRITTEN_WEIGHT, "kind": "hand"})
    for row in generate.generate(seed=SEED, count=COUNT):
        rows.append(row | {"group": row["template"], "weight": 1.0, "kind": "generated"})
    for row in rows:
        row["fold"] = fold_of(row["group"])
        row["clauses"] = clause_texts(row["text"])
        row["features"] = features(row["text"])
        row["clause_features"] = [features(c) for c in row["clauses"]]
    return rows


class Vocabulary:
    def __init__(self, feature_lists: list[list[str]]):
        df = Counter(f for feats in feature_lists for f in feats)
        self.names = sorted(f for f, n in df.items() if n >= MIN_DF)  # sorted: same every run
        self.index = {f: i for i, f in enumerate(self.names)}

    def matrix(self, feature_lists: list[list[str]]) -> csr_matrix:
        """Binary rows scaled to unit length, over this vocabulary (as model.Head.score)."""
        indptr, indices, data = [0], [], []
        for feats in feature_lists:
            known = sorted(self.index[f] for f in feats if f in self.index)
            indices += known
            data += [1 / math.sqrt(len(known))] * len(known) if known else []
            indptr.append(len(indices))
        return csr_matrix((data, indices, indptr), shape=(len(feature_lists), len(self.names)))


def training_texts(rows: list[dict]) -> tuple[list[list[str]], list[bool], list[float]]:
    """Messages, plus each clause of a message that does not pressure, on its own."""
    feats, labels, weights = [], [], []
    for row in rows:
        feats.append(row["features"])
        labels.append(row["pressuring"])
        weights.append(row["weight"])
        if not row["pressuring"] and len(row["clauses"]) > 1:
            feats += row["clause_features"]
            labels += [False] * len(row["clauses"])
            weights += [row["weight"] * CLAUSE_WEIGHT] * len(row["clauses"])
    return feats, labels, weights


def everyday_label(row: dict) -> bool | None:
    """Does the message ask nothing at all (dinner, work, family)? None: not labelled."""
    if row["pressuring"]:
        return False
    if row["kind"] == "generated":
        return row["template"].split("/")[0] in EVERYDAY_GROUPS
    return row.get("everyday")


def fit(x, y, weights, c: float) -> LogisticRegression:
    """Trained to the optimum, not near it: at scikit-learn's default tolerance (1e-4) the
    solver stopped up to 0.21 short in a weight, and where it stopped depended on the machine
    (2026-11-27: a new machine's retraining moved a category weight by 0.014 and the weights
    test failed). At 1e-8 the weights agree with 1e-6's within 0.0015; training takes about
    twice as long."""
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0, tol=TOL)
    return model.fit(x, np.asarray(y), sample_weight=np.asarray(weights))


def log_count_ratios(x: csr_matrix, labels: list[bool], weights: list[float]) -> np.ndarray:
    """For each feature, how much likelier it is in a pressuring text than in a kind one: the
    log ratio of its (weighted, smoothed) share of presences on each side. This is naive Bayes'
    view of a feature, which a logistic regression alone learns slowly from few examples."""
    present = (x > 0).astype(np.float64)
    y, w = np.asarray(labels), np.asarray(weights)
    yes = NB_ALPHA + np.asarray(present[y].multiply(w[y][:, None]).sum(axis=0)).ravel()
    no = NB_ALPHA + np.asarray(present[~y].multiply(w[~y][:, None]).sum(axis=0)).ravel()
    return np.log((yes / yes.sum()) / (no / no.sum()))


def fit_scaled(x: csr_matrix, labels: list[bool], weights: list[float], c: float):
    """A logistic regression over features scaled by their log-count ratios (NBSVM: Wang and
    Manning 2012, "Baselines and bigrams", with logistic regression in place of the SVM).

    Scaling by the ratio gives a feature that naive Bayes finds telling a head start, and the
    regression still corrects it where words overlap. Returned as a model over the unscaled
    features (its weights times the ratios), so the shipped weights and `model.py` keep their
    shape. Held out by writer, on release 4's data (2026-11-27): hand-written F1 rose from
    0.768 to 0.825 at the same false-positive rate (recall 0.641 to 0.722) with C 4 instead of
    32 (0.817 at 32, 0.823 at 1; smoothing 0.25 or 3 instead of 1 did worse), and the main
    tactic was named right 0.576 of the time instead of 0.540 with the category heads scaled
    too. Scaling the everyday head changed nothing measurable (F1 0.824), so it is not."""
    ratios = log_count_ratios(x, labels, weights)
    model = fit(x.multiply(ratios).tocsr(), labels, weights, c)
    model.coef_ = model.coef_ * ratios
    return model


def fit_pressuring(rows: list[dict], vocabulary: Vocabulary) -> LogisticRegression:
    feats, labels, weights = training_texts(rows)
    return fit_scaled(vocabulary.matrix(feats), labels, weights, C_PRESSURING)


def fit_no_is_fine(rows: list[dict], vocabulary: Vocabulary) -> LogisticRegression:
    rows = [r for r in rows if r["says_no_is_fine"] is not None]
    x = vocabulary.matrix([r["features"] for r in rows])
    labels = [r["says_no_is_fine"] for r in rows]
    return fit(x, labels, [r["weight"] for r in rows], C_NO_IS_FINE)


def fit_everyday(rows: list[dict], vocabulary: Vocabulary) -> LogisticRegression:
    rows = [r for r in rows if everyday_label(r) is not None]
    x = vocabulary.matrix([r["features"] for r in rows])
    labels = [everyday_label(r) for r in rows]
    return fit(x, labels, [r["weight"] for r in rows], C_EVERYDAY)


def fit_categories(
    rows: list[dict], vocabulary: Vocabulary, share: slice = slice(None)
) -> dict[str, LogisticRegression]:
    """One head per category (`share`: only these of the sorted names)."""
    rows = [r for r in rows if r["pressuring"] and r["categories"]]
    x = vocabulary.matrix([r["features"] for r in rows])
    weights = [r["weight"] for r in rows]
    names = sorted({c for r in rows for c in r["categories"]})
    heads = {}
    for name in names[share]:
        head = fit_scaled(x, [name in r["categories"] for r in rows], weights, C_CATEGORY)
        head.coef_[np.abs(head.coef_) < CATEGORY_PRUNE] = 0.0
        heads[name] = head
    return heads


def platt(scores: list[float], labels: list[bool]) -> tuple[float, float]:
    """Platt scaling: a one-feature logistic regression from scores to probabilities."""
    model = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000)
    model.fit(np.asarray(scores).reshape(-1, 1), np.asarray(labels))
    return float(model.coef_[0][0]), float(model.intercept_[0])


def probability(score: float, scaling: tuple[float, float]) -> float:
    return 1 / (1 + math.exp(-(scaling[0] * score + scaling[1])))


def lowest_threshold(negatives: list[float], max_rate: float) -> float:
    """The lowest probability threshold at which at most `max_rate` of `negatives` reach it."""
    ordered = sorted(negatives, reverse=True)
    allowed = math.floor(max_rate * len(ordered))
    # Anything strictly above the (allowed+1)-th highest negative is flagged by at most
    # `allowed` negatives.
    return ordered[allowed] + 1e-9 if allowed < len(ordered) else 0.0


# What the worker processes read, set before they are forked (`in_parallel`).
_SHARED: dict = {}


def in_parallel(function, items: list) -> list:
    """`function` applied to each item, in two processes where the machine has two cores:
    training is the longest test of `make test`, and a fit uses one core. Each fit is the
    same whichever process runs it (liblinear, seeded), so the weights are too. The workers
    are forked, so they read `_SHARED` as it was, without copying it through a pipe.
    HANDHOLD_TRAIN_JOBS=1 trains in this process alone."""
    jobs = int(os.environ.get("HANDHOLD_TRAIN_JOBS") or min(2, os.cpu_count() or 1))
    if jobs <= 1 or len(items) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(function, items))


def _fold_scores(job: tuple[int, bool]) -> tuple[list[int], dict]:
    """One fold's held-out scores (and, with `categories`, each message's likeliest one)."""
    fold, categories = job
    rows = _SHARED["rows"]
    train = [r for r in rows if r["fold"] != fold]
    test = [i for i, r in enumerate(rows) if r["fold"] == fold]
    vocabulary = Vocabulary([r["features"] for r in train])
    x = vocabulary.matrix([rows[i]["features"] for i in test])
    scores = {
        "pressure": fit_pressuring(train, vocabulary).decision_function(x),
        "no_is_fine": fit_no_is_fine(train, vocabulary).decision_function(x),
        "everyday": fit_everyday(train, vocabulary).decision_function(x),
    }
    if categories:
        heads = fit_categories(train, vocabulary)
        names = sorted(heads)
        table = np.column_stack([heads[n].decision_function(x) for n in names])
        scores["category"] = [names[int(row.argmax())] for row in table]
    return test, scores


def held_out(rows: list[dict], categories: bool = False) -> dict[str, list]:
    """Each fold's model scores the messages it was not trained on."""
    out = {name: [0.0] * len(rows) for name in ("pressure", "no_is_fine", "everyday")}
    out["category"] = {}
    _SHARED.update(rows=rows)
    for test, scores in in_parallel(_fold_scores, [(fold, categories) for fold in range(FOLDS)]):
        for position, i in enumerate(test):
            for name in ("pressure", "no_is_fine", "everyday"):
                out[name][i] = float(scores[name][position])
            if categories:
                out["category"][i] = scores["category"][position]
    return out


def choose_thresholds(rows: list[dict], scores: dict[str, list]) -> dict:
    everyday_platt = platt(
        *zip(
            *[
                (s, everyday_label(r))
                for s, r in zip(scores["everyday"], rows, strict=True)
                if everyday_label(r) is not None
            ],
            strict=True,
        )
    )
    everyday = [probability(s, everyday_platt) for s in scores["everyday"]]
    pressured = [
        e for e, r in zip(everyday, rows, strict=True) if r["pressuring"] and r["kind"] == "hand"
    ]
    everyday_threshold = lowest_threshold(pressured, MAX_PRESSURE_CALLED_EVERYDAY)
    pressure_platt = platt(scores["pressure"], [r["pressuring"] for r in rows])
    # A message the everyday head waves through is never flagged by the model: 0.0. Below that,
    # the pressure is discounted by how everyday the message reads, as model.Model.pressure.
    probabilities = [
        0.0
        if e >= everyday_threshold
        else discounted(probability(s, pressure_platt), e, EVERYDAY_DISCOUNT)
        for s, e in zip(scores["pressure"], everyday, strict=True)
    ]
    negatives = {
        kind: [
            p
            for p, r in zip(probabilities, rows, strict=True)
            if not r["pressuring"] and r["kind"] == kind
        ]
        for kind in ("hand", "generated")
    }
    threshold = max(lowest_threshold(n, MAX_FPR) for n in negatives.values())
    unsure_below = max(lowest_threshold(n, UNSURE_FPR) for n in negatives.values())
    labelled_rows = [
        (s, r)
        for s, r in zip(scores["no_is_fine"], rows, strict=True)
        if r["says_no_is_fine"] is not None
    ]
    no_platt = platt(
        [s for s, _ in labelled_rows], [r["says_no_is_fine"] for _, r in labelled_rows]
    )
    # The lowest threshold at which at most 1% of the yeses fall on pressuring messages.
    candidates = sorted((probability(s, no_platt), r["pressuring"]) for s, r in labelled_rows)
    pressuring_from = [0] * (len(candidates) + 1)  # pressuring among candidates[i:]
    for i in range(len(candidates) - 1, -1, -1):
        pressuring_from[i] = pressuring_from[i + 1] + candidates[i][1]
    no_threshold = 1.0
    for i in range(len(candidates)):
        if pressuring_from[i] <= MAX_FALSE_REASSURANCE * (len(candidates) - i):
            no_threshold = candidates[i][0]
            break
    return {
        "pressure_platt": pressure_platt,
        "threshold": threshold,
        "unsure_below": min(unsure_below, threshold),
        "no_is_fine_platt": no_platt,
        "no_is_fine_threshold": no_threshold,
        "probabilities": probabilities,
        "everyday_platt": everyday_platt,
        "everyday_threshold": everyday_threshold,
    }


def head(model: LogisticRegression, vocabulary: Vocabulary, scaling=None) -> dict:
    weights = np.round(model.coef_[0], DIGITS)
    index = [int(i) for i in np.flatnonzero(weights)]
    data = {
        "index": index,
        "weights": [float(weights[i]) for i in index],
        "bias": round(float(model.intercept_[0]), DIGITS),
    }
    if scaling is not None:
        data["platt"] = [round(v, DIGITS) for v in scaling]
    return data


_FINAL_HEADS = {
    "pressuring": fit_pressuring,
    "no_is_fine": fit_no_is_fine,
    "everyday": fit_everyday,
}
# The 22 category heads take about three times as long as the other three heads together, so
# they are two jobs, of every other category each.
_CATEGORY_SHARES = (slice(0, None, 2), slice(1, None, 2))


def _final_fit(job: str | slice):
    """One of the shipped model's fits, on every message: a head by name, or the category
    heads of a share of the categories."""
    rows, vocabulary = _SHARED["rows"], _SHARED["vocabulary"]
    if isinstance(job, slice):
        return fit_categories(rows, vocabulary, job)
    return _FINAL_HEADS[job](rows, vocabulary)


def build(rows: list[dict] | None = None, report: bool = False) -> dict:
    rows = rows if rows is not None else load()
    scores = held_out(rows, categories=report)
    chosen = choose_thresholds(rows, scores)
    if report:
        print_report(rows, scores, chosen)
    vocabulary = Vocabulary([r["features"] for r in rows])
    _SHARED.update(rows=rows, vocabulary=vocabulary)
    *shares, pressuring, no_is_fine, everyday = in_parallel(
        _final_fit, [*_CATEGORY_SHARES, *_FINAL_HEADS]
    )
    categories = {name: m for share in shares for name, m in share.items()}
    return {
        "about": "Weights of the pressure checker's model; made by eval/pressure/train.py.",
        "vocabulary": vocabulary.names,
        "pressuring": head(pressuring, vocabulary, chosen["pressure_platt"]),
        "categories": {name: head(m, vocabulary) for name, m in sorted(categories.items())},
        "says_no_is_fine": head(no_is_fine, vocabulary, chosen["no_is_fine_platt"]),
        "everyday": head(everyday, vocabulary, chosen["everyday_platt"]),
        "everyday_threshold": round(chosen["everyday_threshold"], DIGITS),
        "everyday_discount": EVERYDAY_DISCOUNT,
        "threshold": round(chosen["threshold"], DIGITS),
        "unsure_below": round(chosen["unsure_below"], DIGITS),
        "no_is_fine_threshold": round(chosen["no_is_fine_threshold"], DIGITS),
    }


def print_report(rows: list[dict], held: dict[str, list], chosen: dict) -> None:
    """Held-out scores: every number here comes from a model that never saw the message."""
    for kind in ("hand", "generated"):
        subset = [
            (p, r) for p, r in zip(chosen["probabilities"], rows, strict=True) if r["kind"] == kind
        ]
        s = message_scores((r["pressuring"], p >= chosen["threshold"]) for p, r in subset)
        unsure = sum(1 for p, _ in subset if chosen["unsure_below"] <= p < chosen["threshold"])
        print(
            f"{kind:9} n={len(subset):5}  precision {s['precision']:.3f}  "
            f"recall {s['recall']:.3f}  F1 {s['f1']:.3f}  FPR {s['false_positive_rate']:.3f}  "
            f"unsure {unsure / len(subset):.3f}"
        )
    no_platt, no_threshold = chosen["no_is_fine_platt"], chosen["no_is_fine_threshold"]
    for kind in ("hand", "generated"):
        judged = [
            (probability(s, no_platt) >= no_threshold, p >= chosen["unsure_below"], r)
            for s, p, r in zip(held["no_is_fine"], chosen["probabilities"], rows, strict=True)
            if r["kind"] == kind and r["says_no_is_fine"] is not None
        ]
        # As the checker decides: never says_no_is_fine when it finds pressure or is unsure.
        said = [(says and not doubted, r) for says, doubted, r in judged]
        right = sum(1 for says, r in said if says == r["says_no_is_fine"])
        false_reassurance = sum(1 for says, r in said if says and r["pressuring"])
        print(
            f"{kind:9} says_no_is_fine right {right / max(len(said), 1):.3f}  "
            f"false reassurance {false_reassurance} of "
            f"{sum(1 for _, r in said if r['pressuring'])} pressuring"
        )
    for kind in ("hand", "generated"):
        flagged = [
            p >= chosen["threshold"]
            for p, r in zip(chosen["probabilities"], rows, strict=True)
            if r["kind"] == kind and everyday_label(r)
        ]
        print(f"{kind:9} everyday messages flagged {sum(flagged)} of {len(flagged)}")
    print(
        f"everyday threshold {chosen['everyday_threshold']:.3f}  "
        f"threshold {chosen['threshold']:.3f}  unsure from {chosen['unsure_below']:.3f}  "
        f"says_no_is_fine threshold {chosen['no_is_fine_threshold']:.3f}"
    )
    if not held["category"]:
        return
    right = sum(
        1
        for i, r in enumerate(rows)
        if r["pressuring"] and r["categories"] and held["category"][i] in r["categories"][:1]
    )
    total = sum(1 for r in rows if r["pressuring"] and r["categories"])
    print(f"category right (main tactic, held out): {right / total:.3f}")


def write(data: dict, path: Path = WEIGHTS) -> None:
    text = json.dumps(data, separators=(",", ":"), sort_keys=True)
    # mtime=0 so that the same weights give the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as file:
        file.write(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true", help="print the held-out scores")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    data = build(report=args.report)
    write(data, args.out)
    print(f"{len(data['vocabulary'])} features -> {args.out}")


if __name__ == "__main__":
    main()
