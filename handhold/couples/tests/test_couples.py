"""The couple's shared state: "we talked" takes two, and a pause is the pauser's to lift."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from handhold.content.registry import default_pack
from handhold.couples import services
from handhold.couples.models import TalkConfirmation


def test_we_talked_counts_at_the_second_confirmation(asker, partner):
    with time_machine.travel(timezone.now() - timedelta(days=4), tick=False):
        services.record_talk_confirmation(user=asker, pack_id=default_pack().id)
        first = timezone.now()
    assert services.talk_confirmed_at(asker, default_pack().id) is None
    services.record_talk_confirmation(user=partner, pack_id=default_pack().id)
    confirmed = services.talk_confirmed_at(asker, default_pack().id)
    assert confirmed is not None and confirmed > first + timedelta(days=3)
    assert services.talk_confirmed_at(partner, default_pack().id) == confirmed


def test_saying_we_talked_twice_is_one_confirmation(asker, partner):
    services.record_talk_confirmation(user=asker, pack_id=default_pack().id)
    services.record_talk_confirmation(user=asker, pack_id=default_pack().id)
    assert TalkConfirmation.objects.count() == 1


def test_unpairing_forgets_the_talk_and_the_pause(asker, partner):
    from handhold.accounts.services import unpair

    services.record_talk_confirmation(user=asker, pack_id=default_pack().id)
    services.pause_everything(user=partner)
    unpair(user=asker)
    asker.refresh_from_db()
    assert services.talk_confirmations(asker, default_pack().id) == {} and not services.is_paused(
        asker
    )
    assert not TalkConfirmation.objects.exists()


def test_nothing_is_recorded_for_someone_unpaired(stranger):
    services.record_talk_confirmation(user=stranger, pack_id=default_pack().id)
    services.pause_everything(user=stranger)
    assert services.partner_of(stranger) is None
    assert not TalkConfirmation.objects.exists() and not services.is_paused(stranger)
