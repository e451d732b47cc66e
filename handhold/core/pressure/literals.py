"""Which words a rule cannot match without, so a rule can be skipped on a message that holds
none of them.

Most messages give most rules nothing to find, and `re` still has to try a rule that starts
with `\\b` at every position of the message: on release 10 the rules' searches were a third of
`check()`'s time. A substring test is far cheaper. `needed(pattern)` reads the pattern's parse
tree and returns a set of literal strings one of which every match must contain, or None when
it cannot say. The answer is exact by construction: a literal is only taken from a run of
plain characters that every match passes through (not from inside an optional part, a
lookaround or a character class), and an alternation needs one of its branches' literals.

It reads the parse tree of Python's own `re` (`re._parser`, private but stable since Python
3.0 as `sre_parse`); anything it does not recognise gives None, which only means the rule is
always tried. handhold/core/tests/test_pressure_literals.py checks that skipping changes no
finding.

Pure Python, no Django.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
# A literal this short is in nearly every message: not worth testing for.
_SHORTEST_USEFUL = 3


def needed(pattern: str) -> frozenset[str] | None:
    """Literal strings one of which every match of `pattern` (case-sensitive) contains; None
    if there is no such set worth testing for."""
    parsed = _parser.parse(pattern, 0)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _needed(parsed.data)
    if not found or min(map(len, found)) < _SHORTEST_USEFUL:
        return None
    return frozenset(found)


def _needed(items) -> set[str] | None:
    """The best set of literals for a sequence of parse items: of every run of plain
    characters and every part that needs one of a set, the set whose shortest literal is
    longest (fewest literals breaking ties)."""
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op in _REPEATS and av[0] >= 1 and av[2].data and _all_literal(av[2].data):
            # "ugh+": the run goes on through one copy ("ugh"), and ends there.
            run.extend(chr(a) for _, a in av[2].data)
            candidates.append({"".join(run)})
            run = []
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        part = _part(op, av)
        if part:
            candidates.append(part)
    if run:
        candidates.append({"".join(run)})
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _all_literal(items) -> bool:
    return all(op is _c.LITERAL for op, _ in items)


def _part(op, av) -> set[str] | None:
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _needed(sub.data)
    if op is _c.BRANCH:
        branches = [_needed(sub.data) for sub in av[1]]
        if any(not b for b in branches):
            return None
        return set().union(*branches)
    if op in _REPEATS:
        low, _high, sub = av
        return _needed(sub.data) if low >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _needed(av.data)
    # Anything else needs no literal of its own (an anchor, a lookaround, a class, any
    # character) or is not read here (group references, conditionals): no claim.
    return None
