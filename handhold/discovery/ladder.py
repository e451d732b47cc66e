"""The ladder's markup: rendered once per pack, language and opened level, then filled in per
person.

Its radio groups (38 with every level open) depend only on the content pack, the language and
how far the person has opened the ladder (one of five levels at most, so at most five
renderings per pack and language); which radio is checked (and, after a tampered post, an
error under a group) is all that belongs to the person.
Rendering the groups through the template engine on every request was most of the ladder
page's cost (see the README's benchmark), so the fragment is rendered once, with a marker
wherever a person's part goes, and each request joins the pieces with that person's choices.
The markup is escaped by the template engine when it is built; the person's part is either a
fixed ` checked` or an escaped error message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from handhold.config.templating import forget_with_catalogue
from handhold.core.packs import Pack
from handhold.discovery.forms import LADDER_CHOICES, ROLE_LABELS, answer_field_name

# Each slot is written into the markup as NUL name NUL value NUL (a pack's text never holds a
# NUL: checked when the markup is built). Under each group, the slot for its errors has the
# value below, which no ladder choice has.
_ERRORS = "errors"


@dataclass(frozen=True)
class LadderMarkup:
    """The ladder's markup as `pieces`, with an empty piece wherever a person's part goes;
    `at` says where: for (field name, value) the piece that holds " checked" when that value is
    chosen, and for (field name, "errors") the piece under the group for its errors."""

    pieces: tuple[str, ...]
    at: Mapping[tuple[str, str], int]

    def fill(
        self, chosen: Mapping[str, str], errors: Mapping[str, Sequence[str]] | None = None
    ) -> SafeString:
        """The ladder with `chosen` (field name -> value) checked and any errors shown. Only
        the person's own answers are visited (about twenty), not the ladder's 190 slots."""
        out = list(self.pieces)
        for name, value in chosen.items():
            if value != _ERRORS and (where := self.at.get((name, value))) is not None:
                out[where] = " checked"
        for name, messages in (errors or {}).items():
            if (where := self.at.get((name, _ERRORS))) is not None:
                out[where] = "".join(f'<p class="error">{escape(e)}</p>' for e in messages)
        return mark_safe("".join(out))  # noqa: S308 - pieces were escaped when rendered


# Per process; two threads building it at once would only build it twice.
_built: dict[tuple[str, str, str, int], LadderMarkup] = {}
forget_with_catalogue(_built.clear)


def ladder_markup(pack: Pack, *, opened: int) -> LadderMarkup:
    """The ladder for `pack` in the active language, up to the level `opened`, built on first
    use in this process."""
    key = (str(pack.path), pack.id, get_language() or "", opened)
    markup = _built.get(key)
    if markup is None:
        markup = _built[key] = _build(pack, opened)
    return markup


def levels_drawn(pack: Pack, opened: int) -> list:
    """What discovery/_ladder.html draws for `pack` up to the level `opened`: each level's
    activities, with their radio groups, where each person's part is a marker,
    NUL name NUL value NUL."""
    by_level: dict[int, list] = {}
    for activity in pack.activities:
        if activity.level > opened:
            continue
        groups = []
        for role in activity.roles:
            name = answer_field_name(activity.id, role)
            groups.append(
                {
                    "label": ROLE_LABELS[role],
                    "name": name,
                    "options": [
                        (value, label, f"\x00{name}\x00{value}\x00")
                        for value, label in LADDER_CHOICES
                    ],
                    "errors": f"\x00{name}\x00{_ERRORS}\x00",
                }
            )
        by_level.setdefault(activity.level, []).append((activity, groups))
    return sorted(by_level.items())


def _build(pack: Pack, opened: int) -> LadderMarkup:
    levels = levels_drawn(pack, opened)
    slots_made = sum(
        len(group["options"]) + 1
        for _, activities in levels
        for _, groups in activities
        for group in groups
    )
    html = render_to_string("discovery/_ladder.html", {"levels": levels})
    pieces = html.split("\x00")
    if len(pieces) != 1 + 3 * slots_made:
        raise ValueError(f"pack {pack.id}: its text must not contain NUL characters")
    # pieces alternate: markup, name, value, markup, name, value, ..., markup; each slot's
    # name and value become one empty piece, between the markup before and after it.
    parts = pieces[0::3]
    slots = zip(pieces[1::3], pieces[2::3], strict=True)
    out, at = [parts[0]], {}
    for slot, part in zip(slots, parts[1:], strict=True):
        at[slot] = len(out)
        out += ["", part]
    return LadderMarkup(pieces=tuple(out), at=at)
