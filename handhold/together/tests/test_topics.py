"""Choosing a topic together, as two partners meet it: a topic changes only on the other's yes,
a no is as easy as a yes and reads the same whichever no it was, and each topic keeps its own
answers, talk and pace (core.consent, rule 7)."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from handhold.content.registry import all_packs, default_pack
from handhold.couples.models import TopicSuggestion
from handhold.couples.services import pause_everything, record_talk_confirmation
from handhold.discovery.models import Answer
from handhold.discovery.services import mark_finished, save_answers
from handhold.discovery.tests.ladder import open_levels
from handhold.together import topics
from handhold.together.models import Debrief, Halt, SessionPlan
from handhold.together.tests.conftest import we_talked

TOPIC = reverse("together:topic")
ANAL_PLAY = default_pack()
TOYS = all_packs()["toys-together"]


def suggest(client, pack=TOYS):
    return client.post(reverse("together:suggest_topic"), {"pack": pack.id})


def answer(client, suggestion, value):
    return client.post(
        reverse("together:answer_topic", args=[suggestion.public_id]), {"answer": value}
    )


def waiting():
    return TopicSuggestion.objects.get(answer="", withdrawn=False)


def page(client, name="together:topic") -> str:
    return client.get(reverse(name)).content.decode()


def later(**delta):
    return time_machine.travel(timezone.now() + timedelta(**delta), tick=False)


def test_a_suggestion_changes_nothing_until_the_partner_says_yes(client_for, asker, partner):
    suggest(client_for(asker))
    # Until then both still explore the default pack, and the partner is asked, with three
    # equal answers, on the topic page and in what waits for them.
    assert "You are exploring: Anal play" in page(client_for(asker))
    seen = page(client_for(partner))
    assert "Your partner would like to explore Toys together together" in seen
    for label in ("Yes, let&#39;s explore it", "Not now", "Not for me"):
        assert label in seen
    assert "Your partner has suggested a topic" in page(client_for(partner), "together:journey")
    assert "Your partner has suggested a topic" not in page(client_for(asker), "together:journey")

    answer(client_for(partner), waiting(), "yes")
    for person in (asker, partner):
        assert "You are exploring: Toys together" in page(client_for(person))
        assert "Talking about toys, nothing more" in page(client_for(person), "discovery:discover")


@pytest.mark.parametrize("no", ["not_now", "not_for_me"])
def test_after_either_no_the_asker_reads_the_same_and_the_topic_rests(
    client_for, asker, partner, no
):
    suggest(client_for(asker))
    answer(client_for(partner), waiting(), no)
    seen = page(client_for(asker))
    assert "Your partner has answered your suggestion of Toys together" in seen
    assert "You are exploring: Anal play" in seen
    assert "This topic is resting for now" in seen
    assert "Not for me" not in seen and "Not now" not in seen
    assert suggest(client_for(asker)).status_code == 302
    assert not TopicSuggestion.objects.filter(answer="").exists()  # refused, kindly


def test_the_asker_sees_the_same_page_after_not_now_and_not_for_me(client_for, make_person, pair):
    """Byte for byte, but for the CSRF token: nothing tells the two noes apart."""
    seen = []
    for no in ("not_now", "not_for_me"):
        alex, blake = make_person(f"alex-{no}"), make_person(f"blake-{no}")
        pair(alex, blake)
        suggest(client_for(alex))
        answer(client_for(blake), TopicSuggestion.objects.get(suggested_by=alex), no)
        html = page(client_for(alex)).replace(f"alex-{no}", "alex").replace(f"blake-{no}", "blake")
        seen.append(html.split('name="csrfmiddlewaretoken"')[0])
    assert seen[0] == seen[1]


def test_the_partner_who_said_no_may_suggest_the_topic_themselves(client_for, asker, partner):
    suggest(client_for(asker))
    answer(client_for(partner), waiting(), "not_for_me")
    suggest(client_for(partner))
    answer(client_for(asker), waiting(), "yes")
    assert "You are exploring: Toys together" in page(client_for(asker))


def test_after_the_cool_off_the_asker_may_suggest_again(client_for, asker, partner):
    suggest(client_for(asker))
    answer(client_for(partner), waiting(), "not_now")
    with later(days=TOYS.manifest.cool_off_not_now_days, minutes=1):
        suggest(client_for(asker))
        assert waiting().suggested_by == asker


def test_one_suggestion_at_a_time_and_the_asker_may_take_it_back(client_for, asker, partner):
    suggest(client_for(asker))
    first = waiting()
    suggest(client_for(partner))
    assert waiting() == first  # the partner's own suggestion waits until this one is answered
    assert "One suggestion at a time" in page(client_for(partner))
    client_for(asker).post(reverse("together:withdraw_topic", args=[first.public_id]))
    assert not TopicSuggestion.objects.filter(answer="", withdrawn=False).exists()
    assert "Your partner has suggested a topic" not in page(client_for(partner), "together:journey")
    # A withdrawn suggestion can no longer be answered, and nothing changed.
    assert answer(client_for(partner), first, "yes").status_code == 404
    assert "You are exploring: Anal play" in page(client_for(partner))


def test_while_paused_nothing_is_suggested_and_a_no_is_still_taken(client_for, asker, partner):
    suggest(client_for(asker))
    pause_everything(user=asker)
    suggest(client_for(partner), ANAL_PLAY)  # already theirs, and paused anyway
    assert TopicSuggestion.objects.count() == 1
    answer(client_for(partner), waiting(), "yes")
    assert "You are exploring: Anal play" in page(client_for(partner))  # not while paused
    answer(client_for(partner), waiting(), "not_now")  # a no is always taken
    assert not TopicSuggestion.objects.filter(answer="").exists()


def _plan(asker):
    return SessionPlan.objects.create(
        couple_id=asker.couple_id, proposer=asker, pack_id=ANAL_PLAY.id, ceiling=2
    )


def test_no_new_topic_while_a_session_plan_is_open(client_for, asker, partner):
    suggest(client_for(asker))
    plan = _plan(asker)
    from handhold.together.state import rebuild_journey

    rebuild_journey(asker.couple_id)
    blake = client_for(partner)
    answer(blake, waiting(), "yes")
    seen = page(blake)
    assert "A session plan is open" in seen and "You are exploring: Anal play" in seen
    answer(client_for(partner), waiting(), "not_for_me")
    assert suggest(client_for(partner)).status_code == 302
    assert not TopicSuggestion.objects.filter(answer="").exists()
    assert plan.pk


def _answer_all(person, pack, choices):
    open_levels(person, pack=pack)
    save_answers(person=person, pack=pack, choices=choices)
    mark_finished(person=person, pack=pack)


def _choose(asker, partner, pack):
    suggestion = topics.suggest_topic(user=asker, pack=pack)
    topics.answer_suggestion(user=partner, public_id=suggestion.public_id, answer="yes")


def test_each_topic_keeps_its_own_answers_reveal_and_talk(client_for, asker, partner):
    _answer_all(asker, ANAL_PLAY, {("buttock-massage", "give"): "yes"})
    _answer_all(partner, ANAL_PLAY, {("buttock-massage", "receive"): "yes"})
    we_talked(asker, partner)
    before = sorted(Answer.objects.values_list("person", "pack_id", "item_id", "role", "choice"))

    _choose(asker, partner, TOYS)
    journey = page(client_for(partner), "together:journey")
    assert "Waiting for both of you." in journey  # a new topic: its own reveal, not yet open
    assert "We talked" in journey  # and its own talk
    _answer_all(asker, TOYS, {("say-what-feels-good", "give"): "yes"})
    _answer_all(partner, TOYS, {("say-what-feels-good", "receive"): "curious"})
    reveal = page(client_for(partner), "discovery:reveal")
    assert "Saying what you love about their touch" in reveal
    assert "A massage of the buttocks" not in reveal
    toys_answers = Answer.objects.filter(pack_id=TOYS.id).count()
    assert toys_answers == 2
    after = sorted(
        Answer.objects.filter(pack_id=ANAL_PLAY.id).values_list(
            "person", "pack_id", "item_id", "role", "choice"
        )
    )
    assert after == before

    _choose(partner, asker, ANAL_PLAY)  # and back: everything as they left it
    reveal = page(client_for(asker), "discovery:reveal")
    assert "A massage of the buttocks" in reveal and "their touch" not in reveal
    assert "You have both said you talked." in page(client_for(asker), "together:journey")


def test_a_red_cools_every_topic_but_levels_rest_in_their_own(client_for, asker, partner):
    """A red in one topic: no session in any topic during the cooling period (switching is
    never a way round it), nor before both debriefs of the last session are written; the level
    it rests is that topic's ladder's, not the other's."""
    plan = SessionPlan.objects.create(
        couple_id=asker.couple_id,
        proposer=asker,
        pack_id=ANAL_PLAY.id,
        ceiling=2,
        status="ended",
        ended_by_red=True,
    )
    Halt.objects.create(couple_id=asker.couple_id, plan=plan, why="red", level=1, held_by=partner)
    for person in (asker, partner):
        Debrief.objects.create(plan=plan, author=person, felt="Fine.", pace="slower")
    from handhold.together.state import rebuild_journey

    rebuild_journey(asker.couple_id)
    _choose(asker, partner, TOYS)
    _answer_all(asker, TOYS, {("say-what-feels-good", "give"): "yes"})
    _answer_all(partner, TOYS, {("say-what-feels-good", "receive"): "yes"})
    with later(days=-3):
        for person in (asker, partner):
            record_talk_confirmation(user=person, pack_id=TOYS.id)
    from handhold.together.services import pacing_for

    pacing = pacing_for(user=asker, pack=TOYS)
    assert pacing.reason == "cooling"
    assert pacing.resting_from is None  # the red rests anal play's levels, not these
    with later(days=3):
        assert pacing_for(user=asker, pack=TOYS).reason is None


def test_a_forged_topic_is_refused_kindly(client_for, asker):
    response = client_for(asker).post(reverse("together:suggest_topic"), {"pack": "no-such-pack"})
    assert response.status_code == 302
    assert not TopicSuggestion.objects.exists()


def test_the_export_never_holds_how_ones_own_suggestion_was_answered(client_for, asker, partner):
    suggest(client_for(asker))
    answer(client_for(partner), waiting(), "not_for_me")
    exported = client_for(asker).get(reverse("accounts:export")).content.decode()
    assert '"topics_suggested"' in exported and "toys-together" in exported
    assert "not_for_me" not in exported
    theirs = client_for(partner).get(reverse("accounts:export")).content.decode()
    assert "not_for_me" in theirs  # their own answer is theirs
