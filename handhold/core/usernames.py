"""Usernames that cannot pass for someone else's.

A name is kept in Unicode's NFKC form, so that fullwidth 'ｓａｍ' and plain 'sam' are one name.
Two names may not look alike: each gets a key built from Unicode's confusable skeletons
(UTS #39, section 4), and no two people may share a key. A name may also not mix alphabets
(Latin with Cyrillic, say), which is how most look-alikes are made; a name wholly in Greek,
Cyrillic or any other single script is as welcome as a Latin one.

The confusables table comes from the `confusable_homoglyphs` package, which keeps Unicode's
confusables.txt as pairs that look alike, in both directions, and offers no skeleton. We rebuild
the one-way mapping from those pairs: in Unicode's table every look-alike maps to exactly one
prototype, and a prototype is never itself mapped, so each group is a star whose centre (the
member with several partners, or the one that is a sequence such as 'rn') is the prototype.
Where a group is a lone pair, either member serves as its prototype; keys only need to agree.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import cache

from confusable_homoglyphs import categories, confusables

# Scripts that any name may use alongside its own: digits and the allowed punctuation are
# "Common"; combining accents are "Inherited" from the letter they sit on.
SHARED_SCRIPTS = frozenset({"COMMON", "INHERITED"})
# Scripts that are written together as one (UTS #39's "highly restrictive" sets): Japanese
# mixes Han with Hiragana and Katakana, Chinese Han with Bopomofo, Korean Han with Hangul.
WRITTEN_TOGETHER = (
    frozenset({"HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"HAN", "BOPOMOFO"}),
    frozenset({"HAN", "HANGUL"}),
)
# The package's table wraps right-to-left characters in these marks, for display.
_DIRECTION_MARKS = str.maketrans("", "", "\u200e\u200f")


def normalise(name: str) -> str:
    """The form a name is kept in: NFKC, without surrounding space."""
    return unicodedata.normalize("NFKC", name).strip()


def scripts(name: str) -> frozenset[str]:
    """The scripts a name's letters come from, leaving out the shared ones."""
    return frozenset(categories.alias(char) for char in name) - SHARED_SCRIPTS


def mixes_scripts(name: str) -> bool:
    """Whether a name takes its letters from more than one alphabet."""
    used = scripts(name)
    return len(used) > 1 and not any(used <= together for together in WRITTEN_TOGETHER)


@cache
def _prototypes() -> dict[str, str]:
    """Each confusable character mapped to its prototype, rebuilt from the package's pairs."""
    partners: dict[str, set[str]] = defaultdict(set)
    for key, entries in confusables.confusables_data.items():
        first = key.translate(_DIRECTION_MARKS)
        for entry in entries:
            second = entry["c"].translate(_DIRECTION_MARKS)
            partners[first].add(second)
            partners[second].add(first)
    mapping = {}
    for char, others in partners.items():
        if len(char) != 1 or len(others) != 1:
            continue  # a sequence, or the centre of a group: a prototype, never mapped
        (other,) = others
        if len(partners[other]) > 1 or len(other) > 1 or other < char:
            mapping[char] = other
    return mapping


def skeleton(text: str) -> str:
    """UTS #39's skeleton: two strings that look alike have the same one.

    NFD, each character replaced by its prototype, NFD again. The mapping is applied until
    nothing changes, which is once for Unicode's own table; the extra rounds cover lone pairs,
    whose direction the package's table no longer says.
    """
    mapping = _prototypes()
    text = unicodedata.normalize("NFD", text)
    for _ in range(8):
        mapped = unicodedata.normalize("NFD", "".join(mapping.get(char, char) for char in text))
        if mapped == text:
            break
        text = mapped
    return text


def lookalike_key(name: str) -> str:
    """The key two names share when they look alike, whatever the case of their letters.

    The skeleton of the name as written (so a capital 'I' counts as the 'l' it looks like),
    case-folded (so 'SAM' meets 'sam'), then the skeleton again (lower case has look-alikes of
    its own, such as 'rn' for 'm'). Names that differ only in case are kept apart as well by
    the database's case-insensitive unique constraint.
    """
    return skeleton(skeleton(normalise(name)).casefold())
