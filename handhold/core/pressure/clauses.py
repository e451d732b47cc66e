"""Where a message's clauses begin and end, and whether a negation reaches a match.

A clause ends at sentence punctuation, a semicolon or a line break. Within it, a negation
reaches a match only if nothing separates them: a comma or a contrast word ("but", "though",
"however", "just"...) spends it. So in "I won't push, but you're such a prude" the "won't"
does not reach "prude", and whatever comes before a contrast never cancels what follows.

A respect phrase ("no pressure", "you can say no", "totally your call") never cancels
anything: its "no" is masked before negators are looked for.

Pure Python, no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handhold.core.pressure.vocabulary import (
    NEGATOR,
    NOT_A_NEGATOR,
    RESPECT,
    SCOPE_BREAK,
)

_CLAUSE = re.compile(r"[^.!?;\n]+(?:[.!?;]+|\n|$)")
_NEGATOR = re.compile(NEGATOR, re.IGNORECASE)
_MASKED = re.compile(rf"{NOT_A_NEGATOR}|{RESPECT}", re.IGNORECASE)
# A comma, a dash between words, or a contrast word: a negation does not cross one.
_SCOPE_BREAK = re.compile(SCOPE_BREAK, re.IGNORECASE)


def clauses(text: str) -> Iterator[tuple[int, str]]:
    """Each non-blank clause of `text`, with its character offset into `text`."""
    for match in _CLAUSE.finditer(text):
        if match.group().strip():
            yield match.start(), match.group()


def negation_scope(clause: str, start: int) -> str:
    """The words of `clause` before `start` that a negation of the match could be in."""
    before = clause[:start]
    breaks = list(_SCOPE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def negated(clause: str, start: int) -> bool:
    """Whether a negator in the same clause, before `start`, and not cut off, negates it."""
    scope = _MASKED.sub(" ", negation_scope(clause, start))
    return bool(_NEGATOR.search(scope))


def clause_at(
    text: str, position: int, split: list[tuple[int, str]] | None = None
) -> tuple[int, str]:
    """The clause of `text` that holds `position`, with its offset. `split`: the clauses of
    `text`, when the caller has them already."""
    for offset, clause in clauses(text) if split is None else split:
        if offset <= position < offset + len(clause):
            return offset, clause
    return 0, text
