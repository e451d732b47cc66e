"""A small naive Bayes model of pressuring language, learned from our own labelled messages.

The rules in pressure.py are precise and explain themselves, but they only know the phrasings
they were written for. This model generalises from the words and word pairs of the labelled set
(`pressure_messages.jsonl`, written for Handhold), so it also catches new phrasings of the same
moves. It is trained when first used, in a few milliseconds, from the file that ships with the
package: nothing is downloaded, and there are no weights to trust but our own data.

Pure Python, no Django.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MESSAGES = Path(__file__).parent.parent / "pressure_messages.jsonl"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def features(text: str) -> set[str]:
    """Words and adjacent word pairs; presence only (Bernoulli-style counts)."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


@dataclass(frozen=True)
class Example:
    text: str
    pressuring: bool
    categories: tuple[str, ...] = ()


class NaiveBayes:
    def __init__(self, examples: Iterable[Example]):
        self.counts: dict[bool, Counter] = {True: Counter(), False: Counter()}
        self.docs: Counter = Counter()
        self.category_counts: dict[str, Counter] = {}
        self.category_docs: Counter = Counter()
        for example in examples:
            feats = features(example.text)
            self.counts[example.pressuring].update(feats)
            self.docs[example.pressuring] += 1
            for category in example.categories:
                self.category_counts.setdefault(category, Counter()).update(feats)
                self.category_docs[category] += 1
        self.vocabulary = set(self.counts[True]) | set(self.counts[False])
        self.totals = {label: sum(c.values()) for label, c in self.counts.items()}
        self.category_totals = {k: sum(c.values()) for k, c in self.category_counts.items()}

    def pressure_score(self, text: str) -> float:
        """Log-odds that `text` pressures: above 0 leans pressuring, below leans respectful."""
        total_docs = sum(self.docs.values())
        if not total_docs:
            return 0.0
        size = len(self.vocabulary) or 1
        score = math.log((self.docs[True] + 1) / (self.docs[False] + 1))
        for feat in features(text) & self.vocabulary:
            score += math.log((self.counts[True][feat] + 1) / (self.totals[True] + size))
            score -= math.log((self.counts[False][feat] + 1) / (self.totals[False] + size))
        return score

    def likely_category(self, text: str) -> str | None:
        if not self.category_counts:
            return None
        size = len(self.vocabulary) or 1
        feats = features(text) & self.vocabulary
        best, best_score = None, -math.inf
        for category, counts in self.category_counts.items():
            score = math.log(self.category_docs[category])
            total = self.category_totals[category]
            score += sum(math.log((counts[f] + 1) / (total + size)) for f in feats)
            if score > best_score:
                best, best_score = category, score
        return best


def load_examples(path: Path = MESSAGES) -> list[Example]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [Example(r["text"], r["pressuring"], tuple(r.get("categories", ()))) for r in rows]


@cache
def default_model() -> NaiveBayes:
    return NaiveBayes(load_examples())
