"""The couple's journey rows never disagree with the facts they summarise.

The property test replays random sequences of the real services, as either partner, with the
clock moving on between some of them, and after every step compares the rows as stored with
the rows rebuilt from the facts (handhold/together/state.py). A service that changes a fact
and forgets the row, or updates it wrongly, fails here with the shortest sequence that shows
it."""

from contextlib import suppress
from datetime import timedelta
from itertools import count

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import _pair
from handhold.accounts import services as accounts
from handhold.content.registry import all_packs, default_pack, pack_named
from handhold.conversation import services as conversation
from handhold.couples import services as couples
from handhold.couples.models import CoupleJourney, PersonJourney
from handhold.discovery import services as discovery
from handhold.discovery.tests.ladder import open_levels
from handhold.together import services, topics
from handhold.together.models import Halt, SessionPlan
from handhold.together.state import journey_from_facts, rebuild_journey, stored_journey

PACK = default_pack()
# A few items at levels 1 to 4, for either role: enough for mutual sets to come and go.
ITEMS = [
    ("compliment-body", "give"),
    ("compliment-body", "receive"),
    ("buttock-massage", "give"),
    ("buttock-massage", "receive"),
    ("perineum-massage", "give"),
    ("perineum-massage", "receive"),
    ("small-plug", "give"),
    ("small-plug", "receive"),
]
# The same in the second pack, for couples that chose it as their topic.
TOYS = all_packs()["toys-together"]
ITEMS_OF = {
    PACK.id: ITEMS,
    TOYS.id: [
        (item, role)
        for item in ("say-what-feels-good", "toy-on-bare-skin", "use-a-toy-while-held")
        for role in ("give", "receive")
    ]
    + [("toy-on-partner-outside", "give"), ("toy-on-partner-outside", "receive")],
}
KIND = "I'd love to talk about something new sometime. No is completely fine, really."


def _open_plan(person):
    return services.plans_for(person).filter(status__in=SessionPlan.OPEN).first()


def _ended_plan(person):
    return services.plans_for(person).filter(status=SessionPlan.Status.ENDED).first()


def act(name: str, me, other, pick) -> None:
    """One service call, as `me`; a refusal is a step like any other (it must change
    nothing, the row included). `pick(options)` chooses among options: drawn by hypothesis,
    or the first, friendliest one in a fixed walk. An answer to a proposal always comes from
    the one who did not make it (`other`, when `me` made it), so that random walks reach the
    session itself more often. Every service is asked about the couple's topic at the time,
    as the pages ask: a topic change sends everything after it to the other pack."""
    couples.forget_topic(me)
    PACK = pack_named(couples.topic_of(me))  # noqa: N806 - the module's name, for this topic
    if name == "answer":
        choices = {key: pick(["yes", "curious", "no", "skip"]) for key in ITEMS_OF[PACK.id]}
        discovery.save_answers(person=me, pack=PACK, choices=choices)
    elif name == "open_level":
        discovery.open_next_level(person=me, pack=PACK)
    elif name == "finish":
        discovery.mark_finished(person=me, pack=PACK)
    elif name == "journal":
        discovery.save_journal(author=me, pack=PACK, entries={"why-do-i-want-this": ("Hm.", "")})
    elif name == "invite":
        with suppress(conversation.CannotInvite):
            conversation.send_invitation(sender=me, pack=PACK, message=KIND)
    elif name == "answer_invitation":
        waiting = conversation.pending_invitation_for(recipient=me, pack=PACK)
        if waiting is not None:
            choice = pick(["like_to_talk", "not_now", "not_for_me"])
            conversation.answer_invitation(recipient=me, public_id=waiting.public_id, answer=choice)
    elif name == "reopen":
        conversation.reopen_topic(recipient=me, pack=PACK)
    elif name == "we_talked":
        conversation.confirm_we_talked(user=me, pack=PACK)
    elif name == "pause":
        couples.pause_everything(user=me)
    elif name == "resume":
        couples.resume(user=me)
    elif name == "ticks":
        supplies = [item.id for item in PACK.supplies[:2]]
        ticked = pick([set(supplies[:1]), set(), set(supplies)])
        services.set_ticks(user=me, pack=PACK, ticked=ticked)
    elif name == "propose":
        mutual = services.mutual_tokens(user=me, pack=PACK)
        pacing = services.pacing_for(user=me, pack=PACK, mutual=mutual)
        offered = services.proposable_steps(user=me, pacing=pacing, mutual=mutual)
        with suppress(services.NotNow):
            services.propose(
                user=me, pack=PACK, steps=offered[:2], ceiling=pacing.ceiling, stop_word="Red"
            )
    elif name in ("accept", "decline"):
        plan = _open_plan(me)
        if plan is None or plan.status != "proposed":
            return
        if plan.proposer_id == me.pk:
            me = other
        try:
            if name == "decline":
                services.decline(user=me, public_id=plan.public_id)
            else:
                keep = [services.token_of(s, PACK) for s in plan.steps.all()]
                services.accept(
                    user=me,
                    pack=PACK,
                    public_id=plan.public_id,
                    keep=keep,
                    ceiling=plan.ceiling,
                    stop_word="",
                )
        except services.NotNow:
            pass
    elif name in ("cancel", "start", "move_on", "check_in", "end"):
        plan = _open_plan(me)
        if plan is None:
            return
        try:
            if name == "cancel":
                services.cancel(user=me, public_id=plan.public_id)
            elif name == "start" and plan.status == "agreed":
                services.start(user=me, public_id=plan.public_id)
            elif name == "move_on" and plan.status == "active":
                services.move_on(user=me, pack=PACK, public_id=plan.public_id)
            elif name == "check_in" and plan.status == "active":
                light = pick(["green", "yellow", "red"])
                services.check_in(user=me, pack=PACK, public_id=plan.public_id, light=light)
            elif name == "end" and plan.status == "active":
                services.finish(user=me, public_id=plan.public_id)
        except services.NotNow:
            pass
    elif name == "debrief":
        plan = _ended_plan(me)
        if plan is not None:
            pace = pick(["same", "further", "slower", "stop"])
            services.write_debrief(
                user=me,
                pack=PACK,
                public_id=plan.public_id,
                felt="Fine.",
                good="",
                change="",
                pace=pace,
            )
    elif name == "go_on":
        # The natural next step of the couple's sessions, whatever it is: random walks reach
        # check-ins, halts and debriefs often, while the other actions still interrupt them.
        plan = _open_plan(me)
        if plan is None:
            ended = _ended_plan(me)
            written = ended.debriefs.filter(author=me).exists() if ended else True
            act("propose" if written else "debrief", me, other, pick)
        elif plan.status == "proposed":
            act("accept", me, other, pick)
        elif plan.status == "agreed":
            act("start", me, other, pick)
        else:
            act(pick(["check_in", "move_on", "end"]), me, other, pick)
    elif name == "open_again":
        halt = Halt.objects.filter(couple_id=me.couple_id, held_by=me).first()
        if halt is not None:
            services.open_again(user=me, public_id=halt.public_id)
    elif name == "suggest_topic":
        with suppress(topics.CannotChangeTopic):
            topics.suggest_topic(user=me, pack=pick([TOYS, default_pack()]))
    elif name == "answer_topic":
        waiting = topics.waiting_for_me(me)
        if waiting is not None:
            with suppress(topics.CannotChangeTopic):
                choice = pick(["yes", "not_now", "not_for_me"])
                topics.answer_suggestion(user=me, public_id=waiting.public_id, answer=choice)
    elif name == "withdraw_topic":
        mine = topics.my_waiting(me)
        if mine is not None:
            topics.withdraw_suggestion(user=me, public_id=mine.public_id)
    else:  # pragma: no cover - a name missing above is a mistake in this test
        raise AssertionError(name)


ACTIONS = [
    "answer",
    "open_level",
    "finish",
    "journal",
    "invite",
    "answer_invitation",
    "reopen",
    "we_talked",
    "pause",
    "resume",
    "ticks",
    "propose",
    "accept",
    "decline",
    "cancel",
    "start",
    "move_on",
    "check_in",
    "end",
    "debrief",
    "open_again",
    "suggest_topic",
    "answer_topic",
    "withdraw_topic",
    "wait",
]
# Steps are drawn as (who, what); "wait" moves the clock on by some days for both, and
# "go_on", a third of the time, takes the sessions one natural step further.
steps = st.lists(
    st.tuples(st.sampled_from([0, 1]), st.sampled_from(ACTIONS + ["go_on"] * (len(ACTIONS) // 2))),
    min_size=15,  # hypothesis draws short lists otherwise, which rarely reach a session
    max_size=50,
)

names = count()


def assert_rows_agree(couple_id: int, step) -> None:
    assert stored_journey(couple_id) == journey_from_facts(couple_id), step


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(head_start=st.booleans(), sequence=steps, data=st.data())
def test_the_journey_rows_always_equal_the_facts(make_person, head_start, sequence, data):
    """With a head start, the two have answered, finished, talked and let it settle, so that
    the random steps reach sessions, check-ins, halts and debriefs often."""
    n = next(names)
    alex, blake = make_person(f"alex{n}"), make_person(f"blake{n}")
    _pair(alex, blake)
    couple_id = alex.couple_id
    assert_rows_agree(couple_id, "paired")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        if head_start:
            for person in (alex, blake):
                open_levels(person)
                discovery.save_answers(
                    person=person, pack=PACK, choices=dict.fromkeys(ITEMS, "yes")
                )
                discovery.mark_finished(person=person, pack=PACK)
                conversation.confirm_we_talked(user=person, pack=PACK)
            clock.shift(timedelta(days=3))
            assert_rows_agree(couple_id, "head start")
        for who, name in sequence:
            me, other = (alex, blake) if who == 0 else (blake, alex)
            if name == "wait":
                clock.shift(timedelta(days=data.draw(st.sampled_from([1, 3, 20]))))
                continue
            act(name, me, other, lambda options: data.draw(st.sampled_from(options)))
            assert_rows_agree(couple_id, (who, name))
    accounts.unpair(user=alex)
    assert not CoupleJourney.objects.filter(couple_id=couple_id).exists()
    assert not PersonJourney.objects.filter(journey_id=couple_id).exists()


def test_a_couple_that_reached_a_session_agrees_step_by_step(make_person):
    """One fixed walk through every stage, so that the property test's luck is not the only
    thing that reaches the later ones."""
    alex, blake = make_person("alex"), make_person("blake")
    _pair(alex, blake)
    couple_id = alex.couple_id

    def first(options):
        return options[0]

    def step(person, name):
        act(name, person, alex if person == blake else blake, first)
        assert_rows_agree(couple_id, (person.username, name))

    for person in (alex, blake):
        for _ in range(3):
            step(person, "open_level")
        discovery.save_answers(person=person, pack=PACK, choices={key: "yes" for key in ITEMS})
        step(person, "finish")
    step(alex, "invite")
    assert couples.journey_of(blake).journey.invitations_from == {PACK.id: [alex.pk]}
    step(blake, "answer_invitation")
    step(alex, "we_talked")
    step(blake, "we_talked")
    step(alex, "ticks")
    with time_machine.travel(timezone.now() + timedelta(days=3), tick=False):
        step(alex, "propose")
        assert couples.journey_of(alex).journey.open_plan_status == "proposed"
        step(blake, "accept")
        step(alex, "start")
        step(alex, "check_in")  # green
        step(blake, "move_on")
        act("check_in", blake, alex, lambda options: "red")
        assert_rows_agree(couple_id, "red")
        side = couples.journey_of(blake)
        assert side.holds_back_from is not None and side.debrief_due
        assert couples.journey_of(alex).holds_back_from is None
        assert side.journey.last_halt_at is not None and side.journey.had_session
        step(blake, "open_again")
        assert couples.journey_of(blake).holds_back_from is None
        step(alex, "debrief")
        step(blake, "debrief")
        assert couples.journey_of(alex).journey.last_debriefs_written


def test_a_topic_change_gives_the_row_that_topics_talk_and_pace(make_person):
    """Talked about one topic, then the couple chooses another: the row shows the new topic's
    (no talk yet, no reveal), and switching back finds the first topic's as it was."""
    alex, blake = make_person("alex"), make_person("blake")
    _pair(alex, blake)
    couple_id = alex.couple_id
    for person in (alex, blake):
        act("we_talked", person, None, lambda options: options[0])
    talked = couples.journey_of(alex).journey.talked_at
    assert talked is not None
    act("suggest_topic", alex, blake, lambda options: options[0])
    assert couples.journey_of(blake).journey.topic_suggested_by_id == alex.pk
    act("answer_topic", blake, alex, lambda options: options[0])  # yes
    assert_rows_agree(couple_id, "switched")
    row = couples.journey_of(alex).journey
    assert (row.topic, row.talked_at, row.topic_suggested_by_id) == (TOYS.id, None, None)
    act("suggest_topic", blake, alex, lambda options: options[1])  # back to the default
    act("answer_topic", alex, blake, lambda options: options[0])
    assert_rows_agree(couple_id, "back")
    assert couples.journey_of(alex).journey.talked_at == talked


def test_rebuilding_repairs_a_row_changed_by_hand(asker, partner):
    discovery.mark_finished(person=asker, pack=PACK)
    CoupleJourney.objects.filter(couple_id=asker.couple_id).update(
        revealed_packs=[PACK.id], had_session=True
    )
    assert stored_journey(asker.couple_id) != journey_from_facts(asker.couple_id)
    rebuild_journey(asker.couple_id)
    assert stored_journey(asker.couple_id) == journey_from_facts(asker.couple_id)


# The data migration --------------------------------------------------------------------------

FILLED = [("together", "0006_fill_journeys_by_topic")]
BEFORE_FILL = [("together", "0004_public_ids")]


def _migrate(targets) -> None:
    MigrationExecutor(connection).migrate(targets)


@pytest.fixture
def before_fill(transactional_db):
    _migrate(BEFORE_FILL)
    try:
        yield
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_data_migration_fills_the_rows_of_couples_paired_before(before_fill, make_person):
    alex, blake = make_person("alex"), make_person("blake")
    _pair(alex, blake)
    discovery.mark_finished(person=alex, pack=PACK)
    discovery.mark_finished(person=blake, pack=PACK)
    couples.record_talk_confirmation(user=alex, pack_id=default_pack().id)
    couples.pause_everything(user=blake)
    expected = journey_from_facts(alex.couple_id)
    CoupleJourney.objects.all().delete()  # as it was: the facts, and no rows
    _migrate(FILLED)
    assert stored_journey(alex.couple_id) == expected
    row = CoupleJourney.objects.get(couple_id=alex.couple_id)
    assert row.revealed_packs == [PACK.id] and row.paused_by_id == blake.pk
    assert row.first_said_we_talked_by_id == alex.pk and row.talked_at is None
    _migrate(BEFORE_FILL)
    assert not CoupleJourney.objects.exists()
