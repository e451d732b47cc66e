"""The rule of the reveal: only mutual interest is ever shown.

Each person's answers become a set of canonical tokens (item, who receives, level), one for
every item and role they are open to ("yes" or "curious"; never "no", never an unanswered
item). A person open to *giving* X makes the token "X, received by my partner"; a person open
to *receiving* X makes "X, received by me"; a `together` item makes "X, received by both".
So A open to give X and B open to receive X produce the same token, and the mutual items are
exactly the intersection of the two sets.

Each person opens the ladder at their own pace: the gentle levels first (up to
`FIRST_OPEN_LEVEL`), then one level at a time, only when that person chooses
(`next_level_to_open`). An answer at a level its person has not opened counts for nothing, like
an answer about an item the pack does not have. So each set holds only levels its own person
opened, and the intersection only levels both opened: every mutual token has a level no higher
than the lower of the two. Neither side needs to know how far the other opened, and nobody
learns it beyond what the mutual set itself shows.

Because matching is a plain set intersection over canonical tokens, a later version can compute
it with private set intersection, without the server ever seeing the answers (each browser
leaves out the levels its person has not opened). Nothing else in Handhold computes matches:
views call `reveal_mutual_interest`.

Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

Role = Literal["give", "receive", "together"]
Choice = Literal["yes", "curious", "no"]

OPEN_CHOICES: frozenset[str] = frozenset({"yes", "curious"})
BOTH = "both"
# How a form names who receives, from the viewer's side (`Token.key`).
ME, YOU = "me", "you"
# Everyone starts with the ladder open this far: the gentle levels.
FIRST_OPEN_LEVEL = 2


@dataclass(frozen=True, order=True)
class Token:
    """One thing both people might be open to. Ordered by level first, for display."""

    level: int
    item_id: str
    receiver: str  # the label of the person receiving, or BOTH for a `together` item

    def key(self, *, viewer: str) -> str:
        """The token as a form value, from `viewer`'s side: 'item|me', 'item|you' or
        'item|both'. It names nobody (a label is a person's database id) and leaves the level
        to the pack, so a form can neither tell anyone who the two are nor claim a level. The
        server reads a value back only as one of the tokens it offered (`keyed`)."""
        side = BOTH if self.receiver == BOTH else ME if self.receiver == viewer else YOU
        return f"{self.item_id}|{side}"


def keyed(tokens: Iterable[Token], *, viewer: str) -> dict[str, Token]:
    """The tokens offered to `viewer`, by their form value (`Token.key`), in the order given:
    the form's choices, and the only way back from a value to a token. Raises ValueError for
    tokens of more than two people, whose values would be the same."""
    by_key: dict[str, Token] = {}
    for token in tokens:
        key = token.key(viewer=viewer)
        if by_key.setdefault(key, token) != token:
            raise ValueError("the tokens of one couple only")
    return by_key


@dataclass(frozen=True)
class Answer:
    item_id: str
    role: Role
    choice: Choice


@dataclass(frozen=True)
class CatalogItem:
    """What matching needs to know of an activity: its level and the roles it has."""

    level: int
    roles: frozenset[str]


def next_level_to_open(opened: int, levels: Iterable[int]) -> int | None:
    """The level a person opens next, one at a time: the lowest of the pack's `levels` above
    the level they have `opened`; None once every level is open."""
    return min((level for level in levels if level > opened), default=None)


def open_tokens(
    answers: Iterable[Answer],
    *,
    me: str,
    partner: str,
    catalog: Mapping[str, CatalogItem],
    opened: int,
) -> frozenset[Token]:
    """The tokens for everything `me` is open to, at the levels `me` has `opened`. Answers
    about items or roles that the catalog does not have (an item removed from a pack, a
    forged form), or at a level not opened, count for nothing."""
    tokens = set()
    for answer in answers:
        item = catalog.get(answer.item_id)
        if item is None or answer.role not in item.roles or answer.choice not in OPEN_CHOICES:
            continue
        if item.level > opened:
            continue
        if answer.role == "give":
            receiver = partner
        elif answer.role == "receive":
            receiver = me
        else:
            receiver = BOTH
        tokens.add(Token(level=item.level, item_id=answer.item_id, receiver=receiver))
    return frozenset(tokens)


def reveal_mutual_interest(
    first_answers: Iterable[Answer],
    second_answers: Iterable[Answer],
    *,
    first: str,
    second: str,
    catalog: Mapping[str, CatalogItem],
    first_opened: int,
    second_opened: int,
) -> frozenset[Token]:
    """The items both people are open to, for matching roles, at levels both have opened
    (`first_opened` and `second_opened`: how far each opened the ladder). Says nothing of who
    said yes and who said curious, nothing of how far either opened beyond the tokens
    themselves, and nothing at all about anything that did not match."""
    if first == second or BOTH in (first, second):
        raise ValueError("the two people need two different labels, neither of them 'both'")
    mine = open_tokens(
        first_answers, me=first, partner=second, catalog=catalog, opened=first_opened
    )
    theirs = open_tokens(
        second_answers, me=second, partner=first, catalog=catalog, opened=second_opened
    )
    return mine & theirs


def role_for(token: Token, *, viewer: str) -> Role:
    """How a mutual item reads for one of the two: 'give', 'receive' or 'together'."""
    if token.receiver == BOTH:
        return "together"
    return "receive" if token.receiver == viewer else "give"
