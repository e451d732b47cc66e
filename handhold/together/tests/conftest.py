from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from handhold.content.registry import default_pack
from handhold.discovery.services import mark_finished, save_answers
from handhold.together.services import mark_we_talked


def answer(person, choices):
    save_answers(person=person, pack=default_pack(), choices=choices)
    mark_finished(person=person, pack=default_pack())


@pytest.fixture
def revealed(asker, partner):
    """Alex and Blake have both answered: three mutual items, and pegging is Alex's alone."""
    answer(
        asker,
        {
            ("compliment-body", "give"): "yes",
            ("buttock-massage", "give"): "yes",
            ("small-plug", "give"): "curious",
            ("pegging", "receive"): "yes",
        },
    )
    answer(
        partner,
        {
            ("compliment-body", "receive"): "yes",
            ("buttock-massage", "receive"): "curious",
            ("small-plug", "receive"): "yes",
            ("pegging", "give"): "no",
        },
    )
    return asker, partner


@pytest.fixture
def settled(revealed):
    """They talked three days ago: the settle period is over."""
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        mark_we_talked(user=revealed[0])
    return revealed
