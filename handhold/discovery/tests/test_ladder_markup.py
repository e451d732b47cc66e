"""The ladder drawn once and filled per person gives what drawing it for that person gives."""

import random
import re

import pytest
from django.template.loader import render_to_string
from django.utils.html import escape

from handhold.content.registry import default_pack
from handhold.discovery import ladder
from handhold.discovery.forms import LADDER_CHOICES, answer_field_name


def drawn_for(pack, opened, chosen, errors):
    """The reference: the template's markup with every marker replaced by the person's part
    as it is read, one marker at a time."""
    html = render_to_string("discovery/_ladder.html", {"levels": ladder.levels_drawn(pack, opened)})

    def part(match):
        name, value = match.group(1), match.group(2)
        if value == "errors":
            return "".join(f'<p class="error">{escape(e)}</p>' for e in errors.get(name, ()))
        return " checked" if chosen.get(name) == value else ""

    return re.sub("\x00([^\x00]*)\x00([^\x00]*)\x00", part, html)


@pytest.mark.parametrize("seed", range(6))
def test_a_filled_ladder_equals_the_ladder_drawn_with_the_same_choices(seed):
    pack = default_pack()
    opened = max(a.level for a in pack.activities) if seed % 2 else 1
    names = [
        answer_field_name(a.id, role)
        for a in pack.activities
        if a.level <= opened
        for role in a.roles
    ]
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    values = [value for value, _ in LADDER_CHOICES] + ["errors", "to-please-you"]
    chosen = {name: rng.choice(values) for name in rng.sample(names, len(names) // 2)}
    chosen["csrfmiddlewaretoken"] = "abc"  # a field that is no group: ignored
    errors = {
        rng.choice(names): ["Please choose <one>.", "Only one & no more."],
        "__all__": ["Not a group."],
    }
    filled = ladder.ladder_markup(pack, opened=opened).fill(chosen, errors)
    assert filled == drawn_for(pack, opened, chosen, errors)
    assert filled.count(" checked") == sum(
        1 for value in chosen.values() if value in dict(LADDER_CHOICES)
    )
