from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from handhold.content.registry import default_pack
from handhold.couples.services import record_talk_confirmation
from handhold.discovery.services import mark_finished, save_answers
from handhold.discovery.tests.ladder import open_levels


def answer(person, choices):
    """Answer as someone who opened the whole ladder, so that items at levels 3 to 5 count."""
    open_levels(person)
    save_answers(person=person, pack=default_pack(), choices=choices)
    mark_finished(person=person, pack=default_pack())


@pytest.fixture
def revealed(asker, partner):
    """Alex and Blake have both answered: four mutual items, at levels 1 to 4 (Blake receives all
    but the perineum massage), and pegging is Alex's alone."""
    answer(
        asker,
        {
            ("compliment-body", "give"): "yes",
            ("buttock-massage", "give"): "yes",
            ("perineum-massage", "receive"): "yes",
            ("small-plug", "give"): "curious",
            ("pegging", "receive"): "yes",
        },
    )
    answer(
        partner,
        {
            ("compliment-body", "receive"): "yes",
            ("buttock-massage", "receive"): "curious",
            ("perineum-massage", "give"): "curious",
            ("small-plug", "receive"): "yes",
            ("pegging", "give"): "no",
        },
    )
    return asker, partner


@pytest.fixture
def settled(revealed):
    """They talked three days ago, and both said so: the settle period is over."""
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        we_talked(*revealed)
    return revealed


def we_talked(*people):
    for person in people:
        record_talk_confirmation(user=person, pack_id=default_pack().id)
