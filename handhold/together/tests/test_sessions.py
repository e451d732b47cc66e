"""Sessions, as two partners meet them, and each consent rule of core/consent.py enforced on the
server: whatever the form offered, a forged or replayed request meets the same refusal."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from handhold.content.registry import default_pack
from handhold.couples.services import record_talk_confirmation
from handhold.discovery.services import save_answers
from handhold.together import services
from handhold.together.models import Halt, SessionPlan
from handhold.together.tests.conftest import we_talked

SESSIONS = reverse("together:sessions")
PACK = default_pack()


def step(item, side):
    """A step as the proposal form names it, from the proposer's side: who receives is "me",
    "you" or "both", never anyone's id."""
    return f"{item}|{side}"


def keys(plan, viewer):
    """Every step of `plan`, as the response form names it for `viewer`."""
    return [services.token_of(s, PACK).key(viewer=str(viewer.pk)) for s in plan.steps.all()]


def propose(client, steps, ceiling=2, stop_word="Pineapple"):
    return client.post(SESSIONS, {"steps": steps, "ceiling": ceiling, "stop_word": stop_word})


def url(name, plan):
    return reverse(f"together:{name}", args=[plan.public_id])


def later(**delta):
    """Travel forward in time, past the settle or cooling period that a test has started."""
    return time_machine.travel(timezone.now() + timedelta(**delta), tick=False)


# "We talked" takes two -----------------------------------------------------------------------


def test_no_session_before_both_said_we_talked(client_for, revealed):
    alex, blake = revealed
    with time_machine.travel(timezone.now() - timedelta(days=10)):
        client_for(alex).post(reverse("together:we_talked"))
    response = propose(client_for(alex), [step("compliment-body", "you")])
    assert response.status_code == 400
    assert b"each of you says so" in response.content
    assert not SessionPlan.objects.exists()
    journey = client_for(alex).get(reverse("together:journey")).content.decode()
    assert "It counts once your partner says so too." in journey


def test_the_settle_clock_starts_at_the_second_we_talked(client_for, revealed):
    alex, blake = revealed
    with time_machine.travel(timezone.now() - timedelta(days=10)):
        client_for(alex).post(reverse("together:we_talked"))
    client_for(blake).post(reverse("together:we_talked"))
    with later(days=1, hours=23):
        response = propose(client_for(alex), [step("compliment-body", "you")])
        assert response.status_code == 400
        assert b"settle" in response.content
    with later(days=2, minutes=1):
        assert propose(client_for(alex), [step("compliment-body", "you")]).status_code == 302


def test_id_like_to_talk_means_only_that(client_for, revealed):
    from handhold.conversation.models import TalkInvitation

    alex, blake = revealed
    TalkInvitation.objects.create(
        couple_id=alex.couple_id,
        sender=alex,
        pack_id=PACK.id,
        message="Talk?",
        answer="like_to_talk",
        answered_at=timezone.now() - timedelta(days=10),
    )
    assert propose(client_for(alex), [step("compliment-body", "you")]).status_code == 400
    journey = client_for(blake).get(reverse("together:journey")).content.decode()
    assert "You have both said you talked." not in journey
    assert 'action="/journey/we-talked/"' in journey


@pytest.mark.parametrize("answer", ["not_for_me", "not_now"])
def test_after_a_no_to_talking_the_asker_cannot_say_we_talked(client_for, revealed, answer):
    """Not offered, and refused if forged; "Not now" reads the same, so the asker cannot
    tell the two apart. Only the partner can open the topic again."""
    from handhold.conversation.models import TalkInvitation

    alex, blake = revealed
    TalkInvitation.objects.create(
        couple_id=alex.couple_id,
        sender=alex,
        pack_id=PACK.id,
        message="Talk?",
        answer=answer,
        answered_at=timezone.now(),
    )
    page = client_for(alex).get(reverse("together:journey")).content.decode()
    assert 'action="/journey/we-talked/"' not in page
    assert "The talk is your partner's to open again" in page
    client_for(alex).post(reverse("together:we_talked"))
    record_talk_confirmation(user=blake, pack_id=default_pack().id)
    assert propose(client_for(alex), [step("compliment-body", "you")]).status_code == 400
    assert "You have both said you talked." not in page
    client_for(blake).post(reverse("conversation:reopen"))
    assert 'action="/journey/we-talked/"' in (
        client_for(alex).get(reverse("together:journey")).content.decode()
    )


# Gradual by construction -----------------------------------------------------------------------


def test_a_first_session_stays_at_the_gentlest_levels(client_for, settled):
    alex, blake = settled
    page = client_for(alex).get(SESSIONS).content.decode()
    assert '<option value="2" selected>' in page and '<option value="3"' not in page
    assert "A small plug" not in page and "Massage of the perineum" not in page
    assert "checked" not in page.split("<form")[-1]  # nothing pre-ticked
    for steps, ceiling in (
        ([step("small-plug", "you")], 5),
        ([step("small-plug", "you")], 2),
        ([step("compliment-body", "you")], 5),
    ):
        assert propose(client_for(alex), steps, ceiling).status_code == 400
    assert not SessionPlan.objects.exists()
    assert propose(client_for(alex), [step("buttock-massage", "you")]).status_code == 302


def test_the_first_ceiling_rises_to_the_lowest_mutual_level(client_for, make_person, pair):
    """When nothing mutual is as gentle as level 2, the first session may start at the lowest
    level the two share, and no higher."""
    from handhold.together.tests.conftest import answer

    sam, robin = make_person("sam"), make_person("robin")
    pair(sam, robin)
    answer(sam, {("small-plug", "give"): "yes", ("pegging", "give"): "yes"})
    answer(robin, {("small-plug", "receive"): "yes", ("pegging", "receive"): "yes"})
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        we_talked(sam, robin)
    assert services.pacing_for(user=sam, pack=PACK).ceiling == 4
    assert propose(client_for(sam), [step("pegging", "you")], 5).status_code == 400
    assert propose(client_for(sam), [step("small-plug", "you")], 4).status_code == 302


def _agreed(client_for, alex, blake, items=("compliment-body", "buttock-massage"), ceiling=2):
    propose(client_for(alex), [step(i, "you") for i in items], ceiling)
    plan = SessionPlan.objects.get(status="proposed")
    client_for(blake).post(
        url("respond", plan),
        {
            "decision": "accept",
            "keep": keys(plan, blake),
            "ceiling": ceiling,
            "stop_word": plan.stop_word,
        },
    )
    plan.refresh_from_db()
    assert plan.status == "agreed"
    return plan


def _ended(client_for, alex, blake, **kwargs):
    """A session that went through every step and ended without red."""
    plan = _agreed(client_for, alex, blake, **kwargs)
    client_for(alex).post(url("start", plan))
    for _ in range(plan.steps.count() - 1):
        client_for(blake).post(url("move_on", plan))
    client_for(alex).post(url("finish", plan))
    plan.refresh_from_db()
    return plan


def debrief(client, plan, pace="same", felt="Warm and a bit giggly."):
    return client.post(url("debrief", plan), {"felt": felt, "good": "", "change": "", "pace": pace})


def both_debrief(client_for, alex, blake, plan, alex_pace, blake_pace):
    debrief(client_for(alex), plan, alex_pace)
    debrief(client_for(blake), plan, blake_pace)


def test_after_it_went_well_and_both_said_the_same_one_level_more(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    assert services.reached_level(plan, PACK) == 2
    both_debrief(client_for, alex, blake, plan, "same", "further")
    page = client_for(blake).get(SESSIONS).content.decode()
    assert '<option value="3" selected>' in page and '<option value="4"' not in page
    assert propose(client_for(blake), [step("small-plug", "me")], 4).status_code == 400
    assert propose(client_for(blake), [step("perineum-massage", "you")], 3).status_code == 302


def test_one_further_alone_does_not_raise_the_ceiling(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    both_debrief(client_for, alex, blake, plan, "further", "stop")
    assert services.pacing_for(user=alex, pack=PACK).ceiling == 2


def test_slower_lowers_the_next_ceiling_by_one(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    debrief(client_for(alex), plan, pace="slower")
    assert b"you both write a debrief" in client_for(alex).get(SESSIONS).content
    debrief(client_for(blake), plan, pace="same")
    page = client_for(blake).get(SESSIONS).content.decode()
    assert '<option value="1" selected>' in page and '<option value="2"' not in page
    assert propose(client_for(alex), [step("buttock-massage", "you")], 2).status_code == 400
    assert propose(client_for(alex), [step("compliment-body", "you")], 1).status_code == 302


# Red or stop halts escalation ------------------------------------------------------------------


def test_red_rests_the_level_it_happened_at_until_the_one_who_said_it_opens_it(client_for, settled):
    alex, blake = settled
    plan = _agreed(client_for, alex, blake)
    client_for(alex).post(url("start", plan))
    client_for(alex).post(url("move_on", plan))  # on to the massage, level 2
    client_for(blake).post(url("check_in", plan), {"light": "red"})
    plan.refresh_from_db()
    assert plan.status == "ended" and plan.ended_by_red
    halt = Halt.objects.get()
    assert (halt.level, halt.held_by, halt.why) == (2, blake, "red")

    both_debrief(client_for, alex, blake, plan, "same", "same")
    # A cooling period first: nothing new at all, from either.
    response = propose(client_for(alex), [step("compliment-body", "you")], 1)
    assert response.status_code == 400 and b"After a red or a stop" in response.content
    with later(days=2, minutes=1):
        refused = propose(client_for(alex), [step("buttock-massage", "you")], 2)
        assert refused.status_code == 400 and b"resting for now" in refused.content
        client_for(alex).post(reverse("together:open_again", args=[halt.public_id]))
        halt.refresh_from_db()
        assert halt.opened_at is None  # only Blake can open it again
        client_for(blake).post(reverse("together:open_again", args=[halt.public_id]))
        halt.refresh_from_db()
        assert halt.opened_at is not None
        assert propose(client_for(alex), [step("buttock-massage", "you")], 2).status_code == 302


def test_a_red_halts_escalation_by_the_level_reached_not_the_plan(client_for, settled):
    """Red during the first step rests level 1 and above: the couple's next session cannot
    go anywhere until the one who said red opens it again."""
    alex, blake = settled
    plan = _agreed(client_for, alex, blake)
    client_for(alex).post(url("start", plan))
    client_for(alex).post(url("check_in", plan), {"light": "red"})
    assert Halt.objects.get().level == 1
    both_debrief(client_for, alex, blake, plan, "same", "same")
    with later(days=3):
        assert propose(client_for(blake), [step("compliment-body", "me")], 1).status_code == 400


def test_stop_rests_the_level_reached_once_both_debriefs_are_written(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    debrief(client_for(blake), plan, pace="stop")
    assert not Halt.objects.exists()  # one debrief alone shows nothing
    debrief(client_for(alex), plan, pace="further")
    halt = Halt.objects.get()
    assert (halt.level, halt.held_by, halt.why) == (2, blake, "stop")
    with later(days=3):
        assert propose(client_for(alex), [step("buttock-massage", "you")], 2).status_code == 400
        assert propose(client_for(alex), [step("compliment-body", "you")], 1).status_code == 302


def test_what_rests_is_named_to_the_holder_only(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    both_debrief(client_for, alex, blake, plan, "same", "stop")
    with later(days=3):
        mine = client_for(blake).get(SESSIONS).content.decode()
        theirs = client_for(alex).get(SESSIONS).content.decode()
    resting = mine.split('id="resting-heading"')[1].split("</section>")[0]
    assert "A massage of the buttocks" in resting and "buttock-massage" not in resting
    assert "Open level 2 and above again" in resting
    assert "Some steps are resting for now." in theirs
    assert "Open level" not in theirs
    assert theirs.split('id="resting-heading"')[1].split("</section>")[0].count("<li>") == 0


# The receiver sets the pace --------------------------------------------------------------------


def test_nothing_is_ticked_for_the_one_answering_and_there_is_one_decline(client_for, settled):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", "you"), step("buttock-massage", "you")])
    plan = SessionPlan.objects.get()
    page = client_for(blake).get(url("session", plan)).content.decode()
    form = page.split(f'action="{url("respond", plan)}"')[1].split("</form>")[0]
    assert 'type="checkbox"' in form and "checked" not in form
    assert form.count('value="decline"') == 1
    assert url("cancel", plan) not in page  # no second way to say no


def test_the_other_agrees_to_fewer_steps_a_lower_ceiling_and_their_own_stop_word(
    client_for, settled
):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", "you"), step("buttock-massage", "you")])
    plan = SessionPlan.objects.get()
    client_for(blake).post(
        url("respond", plan),
        {
            "decision": "accept",
            "keep": [step("buttock-massage", "me"), step("compliment-body", "me")],
            "ceiling": 1,
            "stop_word": "Kiwi",
        },
    )
    plan.refresh_from_db()
    assert (plan.status, plan.ceiling, plan.stop_word) == ("agreed", 1, "Kiwi")
    assert [s.item_id for s in plan.steps.all()] == ["compliment-body"]
    page = client_for(alex).get(url("session", plan)).content.decode()
    assert "Kiwi" in page
    assert "A compliment about their body (you give), level 1" in page  # never a favour


def test_agreeing_never_adds_a_step_or_raises_the_ceiling(client_for, settled):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", "you")], ceiling=1)
    plan = SessionPlan.objects.get()
    compliment = services.token_of(plan.steps.get(), PACK)
    # Forged: a mutual step that was not proposed, and a higher ceiling.
    forged = step("buttock-massage", "me")
    kept = [step("compliment-body", "me"), forged]
    response = client_for(blake).post(
        url("respond", plan),
        {"decision": "accept", "keep": kept, "ceiling": 2, "stop_word": "x"},
    )
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.status == "proposed"
    massage = next(t for t in services.mutual_tokens(user=blake, pack=PACK) if t != compliment)
    with pytest.raises(services.NotNow):
        services.accept(
            user=blake,
            pack=PACK,
            public_id=plan.public_id,
            keep=[compliment, massage],
            ceiling=1,
            stop_word="x",
        )
    services.accept(
        user=blake,
        pack=PACK,
        public_id=plan.public_id,
        keep=[compliment],
        ceiling=5,
        stop_word="",
    )
    plan.refresh_from_db()
    assert plan.ceiling == 1 and plan.stop_word == "Pineapple"


def test_agreeing_to_nothing_keeps_what_was_typed_and_says_kindly_why(client_for, settled):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", "you")])
    plan = SessionPlan.objects.get()
    response = client_for(blake).post(
        url("respond", plan), {"decision": "accept", "ceiling": 2, "stop_word": "Mango"}
    )
    assert response.status_code == 400
    assert b"Tick at least one step" in response.content and b'value="Mango"' in response.content
    plan.refresh_from_db()
    assert plan.status == "proposed"


def test_declining_is_one_click_and_the_proposer_sees_a_neutral_message(client_for, settled):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", "you")])
    plan = SessionPlan.objects.get()
    client_for(blake).post(url("respond", plan), {"decision": "decline"})
    plan.refresh_from_db()
    assert plan.status == "declined"
    assert (
        "Not this time. Thank you for asking."
        in client_for(alex).get(url("session", plan)).content.decode()
    )


def test_the_proposer_cannot_answer_their_own_proposal(client_for, settled):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", "you")])
    plan = SessionPlan.objects.get()
    assert client_for(alex).post(url("respond", plan), {"decision": "decline"}).status_code == 404


def test_strangers_and_former_partners_get_404_everywhere(
    client_for, settled, stranger, former_partner
):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", "you")])
    plan = SessionPlan.objects.get()
    for person in (stranger, former_partner):
        client = client_for(person)
        assert client.get(url("session", plan)).status_code == 404
        for name in ("respond", "cancel", "start", "check_in", "move_on", "finish"):
            response = client.post(url(name, plan), {"decision": "accept", "light": "red"})
            assert response.status_code == 404
    plan.refresh_from_db()
    assert plan.status == "proposed"


# Check-ins: yellow means "stay here" -----------------------------------------------------------


def test_yellow_shows_to_both_and_holds_the_next_step_until_its_sayer_says_green(
    client_for, settled
):
    alex, blake = settled
    plan = _agreed(client_for, alex, blake)
    client_for(alex).post(url("start", plan))
    client_for(blake).post(url("check_in", plan), {"light": "yellow"})
    for person in (alex, blake):
        page = client_for(person).get(url("session", plan)).content.decode()
        assert "Yellow: stay here, slow down." in page
        assert url("move_on", plan) not in page
    client_for(alex).post(url("move_on", plan))
    client_for(alex).post(url("check_in", plan), {"light": "green"})
    client_for(alex).post(url("move_on", plan))
    plan.refresh_from_db()
    assert plan.current_position == 1  # Alex's green does not lift Blake's yellow
    client_for(blake).post(url("check_in", plan), {"light": "green"})
    assert url("move_on", plan) in client_for(alex).get(url("session", plan)).content.decode()
    client_for(alex).post(url("move_on", plan))
    plan.refresh_from_db()
    assert plan.current_position == 2


def test_either_can_cancel_even_during_the_session(client_for, settled):
    alex, blake = settled
    plan = _agreed(client_for, alex, blake)
    client_for(alex).post(url("start", plan))
    plan.refresh_from_db()
    assert plan.status == "active"
    assert b"Pineapple" in client_for(blake).get(url("session", plan)).content
    client_for(blake).post(url("cancel", plan))
    plan.refresh_from_db()
    assert plan.status == "cancelled"


def test_red_ends_the_session_for_both(client_for, settled):
    alex, blake = settled
    plan = _agreed(client_for, alex, blake)
    client_for(alex).post(url("start", plan))
    client_for(blake).post(url("check_in", plan), {"light": "yellow"})
    plan.refresh_from_db()
    assert plan.status == "active"
    client_for(blake).post(url("check_in", plan), {"light": "red"})
    plan.refresh_from_db()
    assert plan.status == "ended" and plan.ended_by_red
    assert b"ended with a red check-in" in client_for(alex).get(url("session", plan)).content


# Mutual only -----------------------------------------------------------------------------------


def test_a_change_to_no_removes_planned_steps_in_the_same_write(client_for, settled):
    alex, blake = settled
    plan = _agreed(client_for, alex, blake)
    save_answers(person=blake, pack=PACK, choices={("buttock-massage", "receive"): "no"})
    assert [s.item_id for s in plan.steps.all()] == ["compliment-body"]  # no page view needed
    html = client_for(alex).get(url("session", plan)).content.decode()
    assert "A massage of the buttocks" not in html


def test_a_page_view_never_writes(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    client = client_for(blake)
    pages = [SESSIONS, url("session", plan), url("debrief", plan), reverse("together:journey")]
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            client.get(page)
        writes = [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
            and "accounts_session" not in q["sql"]  # the session's own clock
        ]
        assert writes == [], page


def test_settle_suggestions_name_only_mutual_items(client_for, revealed):
    alex, blake = revealed
    save_answers(person=alex, pack=PACK, choices={("touch-over-clothes", "give"): "yes"})
    save_answers(person=blake, pack=PACK, choices={("touch-over-clothes", "receive"): "no"})
    we_talked(alex, blake)
    for person in (alex, blake):
        page = client_for(person).get(reverse("together:journey")).content.decode()
        assert "Letting it settle" in page
        assert "Touching over clothes" not in page
        assert "A compliment about their body" in page


def test_settle_suggestions_name_no_activity_when_nothing_is_mutual(client_for, asker, partner):
    from handhold.together.tests.conftest import answer

    answer(asker, {("touch-over-clothes", "give"): "yes"})
    answer(partner, {("touch-over-clothes", "receive"): "no"})
    we_talked(asker, partner)
    page = client_for(partner).get(reverse("together:journey")).content.decode()
    settle = page.split('id="settle-heading"')[1].split("</section>")[0]
    assert "A long hug" in settle
    assert not any(a.title in settle for a in PACK.activities)


# What waits for you shows up -------------------------------------------------------------------


def _home_and_journey(client) -> str:
    return (
        client.get("/").content.decode() + client.get(reverse("together:journey")).content.decode()
    )


def test_an_invitation_to_talk_waits_on_home_and_journey_with_its_answers(client_for, revealed):
    alex, blake = revealed
    client_for(alex).post(
        reverse("conversation:invite"),
        {"message": "Would you like to talk sometime? A no is completely fine."},
    )
    for page in (client_for(blake).get("/"), client_for(blake).get(reverse("together:journey"))):
        html = page.content.decode()
        assert "Waiting for you" in html and "A no is completely fine." in html
        for answer in ("like_to_talk", "not_now", "not_for_me"):
            assert f'name="answer" value="{answer}"' in html
    assert "Waiting for you" not in _home_and_journey(client_for(alex))


def test_a_we_talked_waits_for_the_other_to_confirm(client_for, revealed):
    alex, blake = revealed
    client_for(alex).post(reverse("together:we_talked"))
    html = _home_and_journey(client_for(blake))
    assert "Your partner says the two of you have talked" in html
    assert "Your partner says" not in _home_and_journey(client_for(alex))
    client_for(blake).post(reverse("together:we_talked"))
    assert "Your partner says" not in _home_and_journey(client_for(blake))


def test_a_proposal_a_session_and_a_debrief_wait_for_the_right_person(client_for, settled):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", "you")])
    plan = SessionPlan.objects.get()
    html = _home_and_journey(client_for(blake))
    assert url("session", plan) in html and 'name="decision" value="decline"' in html
    assert 'value="decline"' not in _home_and_journey(client_for(alex))
    client_for(blake).post(
        url("respond", plan),
        {
            "decision": "accept",
            "keep": keys(plan, blake),
            "ceiling": 2,
            "stop_word": "Pineapple",
        },
    )
    client_for(alex).post(url("start", plan))
    for person in (alex, blake):
        assert url("check_in", plan) in _home_and_journey(client_for(person))
    client_for(alex).post(url("finish", plan))
    debrief(client_for(alex), plan)
    assert url("debrief", plan) in _home_and_journey(client_for(blake))
    assert url("debrief", plan) not in _home_and_journey(client_for(alex))


def test_the_navigation_dot_agrees_with_what_waits(client_for, settled):
    """The one-query check behind the dot says yes exactly when the list has something, for
    each person, through a whole session."""
    from handhold.together.waiting import anything_waits, waiting_for

    alex, blake = settled

    def agree():
        for person in (alex, blake):
            assert anything_waits(person) == bool(waiting_for(person)), person

    agree()
    propose(client_for(alex), [step("compliment-body", "you")])
    plan = SessionPlan.objects.get()
    assert anything_waits(blake) and not anything_waits(alex)
    agree()
    client_for(blake).post(
        url("respond", plan),
        {"decision": "accept", "keep": keys(plan, blake), "ceiling": 2, "stop_word": "x"},
    )
    agree()
    client_for(alex).post(url("start", plan))
    assert anything_waits(alex) and anything_waits(blake)
    client_for(alex).post(url("finish", plan))
    debrief(client_for(alex), plan)
    assert anything_waits(blake) and not anything_waits(alex)
    agree()
    client_for(alex).post(reverse("together:pause"))
    assert not anything_waits(blake)
    agree()


def test_the_navigation_dot_agrees_through_an_invitation_to_talk(client_for, revealed):
    from handhold.together.waiting import anything_waits, waiting_for

    alex, blake = revealed
    client_for(alex).post(
        reverse("conversation:invite"),
        {"message": "Would you like to talk sometime? A no is completely fine."},
    )
    assert anything_waits(blake) and not anything_waits(alex)
    for person in (alex, blake):
        assert anything_waits(person) == bool(waiting_for(person)), person


def test_nothing_waits_while_paused(client_for, revealed):
    alex, blake = revealed
    client_for(alex).post(
        reverse("conversation:invite"),
        {"message": "Would you like to talk sometime? A no is completely fine."},
    )
    client_for(alex).post(reverse("together:pause"))
    assert "Waiting for you" not in _home_and_journey(client_for(blake))
    client_for(alex).post(reverse("together:resume"))
    assert "Waiting for you" in _home_and_journey(client_for(blake))


# Debriefs --------------------------------------------------------------------------------------


def test_debriefs_are_hidden_until_both_have_written(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    debrief(client_for(alex), plan, felt="Alex felt safe, zq4e1fwk.")
    assert b"zq4e1fwk" not in client_for(blake).get(url("session", plan)).content
    debrief(client_for(blake), plan, felt="Blake felt close, 9a0b.")
    for person in (alex, blake):
        html = client_for(person).get(url("session", plan)).content
        assert b"zq4e1fwk" in html and b"9a0b" in html


def test_a_debrief_needs_how_it_felt_and_a_pace(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    response = client_for(alex).post(url("debrief", plan), {"felt": "", "pace": "faster!"})
    assert response.status_code == 400
    assert b"---------" not in client_for(alex).get(url("debrief", plan)).content


def test_step_labels_made_once_never_cross_languages():
    """Step labels are made once per language (views._label_in): alternating languages, each
    gets its own words."""
    from django.utils import translation

    from handhold.together.views import _label_in

    for _ in range(2):
        with translation.override("es"):
            label = _label_in(translation.get_language(), "Un masaje", "give", 2)
            assert label == "Un masaje (tú das), nivel 2"
        with translation.override("en"):
            label = _label_in(translation.get_language(), "A massage", "give", 2)
            assert label == "A massage (you give), level 2"


def test_a_plans_status_label_is_its_status_display():
    from django.utils import translation

    for language in ("en", "es"):
        with translation.override(language):
            for status in [*SessionPlan.Status.values, "unknown"]:
                plan = SessionPlan(status=status)
                assert plan.status_label == plan.get_status_display()
    with translation.override("es"):
        assert SessionPlan(status="ended").status_label != "Ended"


def test_the_ceiling_levels_are_named_in_the_partners_language():
    """The levels offered as tonight's ceiling are named in the language of the page, not in
    the language the server started in."""
    from django.utils import translation

    from handhold.together.forms import ProposalForm, ResponseForm

    with translation.override("es"):
        proposal = ProposalForm(step_choices=[], max_ceiling=3)
        response = ResponseForm(step_choices=[], ceiling=2, stop_word="Rojo")
    assert [label for _, label in proposal.fields["ceiling"].choices] == [
        "Nivel 1",
        "Nivel 2",
        "Nivel 3",
    ]
    assert [label for _, label in response.fields["ceiling"].choices] == ["Nivel 1", "Nivel 2"]
    with translation.override("en"):
        english = ProposalForm(step_choices=[], max_ceiling=1)
    assert english.fields["ceiling"].choices == [(1, "Level 1")]


def test_the_forms_fields_are_as_django_would_make_them_and_each_forms_own():
    """The proposal and response forms copy fields made once per language and set their
    choices without Django's setter (pages.forms.FieldsMadeOnce, set_choices): the choices
    end up as the setter leaves them, on the field and its widget, and what one form sets
    never reaches another form or the fields kept for the next."""
    from django.utils import translation
    from django.utils.choices import normalize_choices

    from handhold.together.forms import ProposalForm, ResponseForm

    steps = [("a|me", "A (you give), level 1"), ("b|both", "B (both), level 2")]
    with translation.override("es"):
        proposal = ProposalForm(step_choices=steps, max_ceiling=2)
        response = ResponseForm(step_choices=steps[:1], ceiling=1, stop_word="Rojo")
        other = ProposalForm(step_choices=[], max_ceiling=1)
    for form, name, given in [
        (proposal, "steps", steps),
        (proposal, "ceiling", [(1, "Nivel 1"), (2, "Nivel 2")]),
        (response, "keep", steps[:1]),
        (other, "steps", []),
    ]:
        assert form.fields[name].choices == normalize_choices(given)
        assert form.fields[name].widget.choices == normalize_choices(given)
    assert proposal.fields["steps"].label == "Pasos, entre lo que quieren las dos personas"
    assert (proposal.fields["ceiling"].initial, other.fields["ceiling"].initial) == (2, 1)
    assert (response.fields["stop_word"].initial, proposal.fields["stop_word"].initial) == (
        "Rojo",
        "Red",
    )
    for name in ("steps", "ceiling", "stop_word"):
        for made in (proposal.fields[name], proposal.fields[name].widget):
            # pages.forms._shallow copies attributes as copy.copy would for these classes.
            assert not hasattr(made, "__copy__") and not hasattr(made, "__slots__")
        assert proposal.fields[name] is not other.fields[name]
        assert proposal.fields[name].widget is not other.fields[name].widget
        assert proposal.fields[name].widget.attrs is not other.fields[name].widget.attrs
    proposal.fields["stop_word"].widget.attrs["class"] = "changed"
    assert (
        "class" not in ProposalForm(step_choices=[], max_ceiling=1).fields["stop_word"].widget.attrs
    )


def test_the_forms_check_what_is_sent_as_before():
    """The same invalid proposals give Django's own errors, word for word."""
    from handhold.together.forms import ProposalForm

    steps = [("a|me", "A (you give), level 1")]
    form = ProposalForm(
        {"steps": ["b|you"], "ceiling": "3", "stop_word": "x" * 41},
        step_choices=steps,
        max_ceiling=2,
    )
    assert not form.is_valid()
    assert form.errors == {
        "steps": ["Select a valid choice. b|you is not one of the available choices."],
        "ceiling": ["Select a valid choice. 3 is not one of the available choices."],
        "stop_word": ["Ensure this value has at most 40 characters (it has 41)."],
    }
    form = ProposalForm(
        {"steps": ["a|me"], "ceiling": "2", "stop_word": " Mango "},
        step_choices=steps,
        max_ceiling=2,
    )
    assert form.is_valid()
    assert form.cleaned_data == {"steps": ["a|me"], "ceiling": 2, "stop_word": "Mango"}


def test_an_unsent_proposals_fields_are_drawn_once_as_field_by_field():
    """While nothing has been sent, the ceiling and stop-word fields come drawn once per
    language and ceiling (forms._proposal_fields_in), the same bytes as `_field.html` draws them
    field by field; alternating languages, each gets its own words; a sent form is drawn field
    by field, with what was sent and its errors."""
    from django.template import engines
    from django.utils import translation

    from handhold.together.forms import ProposalForm

    field = engines["jinja2"].from_string('{% include "_field.html" %}')
    for _ in range(2):
        for language, words in [("es", "Nivel 2"), ("en", "Level 2")]:
            with translation.override(language):
                for ceiling in range(1, 6):
                    form = ProposalForm(step_choices=[("a|me", "A")], max_ceiling=ceiling)
                    drawn = form.drawn_fields()
                    by_field = tuple(
                        field.render({"field": form[name]}) for name in ("ceiling", "stop_word")
                    )
                    assert tuple(str(html) for html in drawn) == by_field
                    assert (words in drawn[0]) == (ceiling >= 2)
    sent = ProposalForm({"ceiling": "9", "stop_word": ""}, step_choices=[], max_ceiling=2)
    assert not sent.is_valid() and sent.drawn_fields() is None


def test_the_sessions_page_draws_a_sent_proposal_with_its_errors(client_for, settled):
    alex, _blake = settled
    response = client_for(alex).post(
        reverse("together:sessions"), {"ceiling": "1", "stop_word": "Mango & <b>"}
    )
    assert response.status_code == 400
    assert b'value="Mango &amp; &lt;b&gt;"' in response.content
    assert b"This field is required." in response.content


def test_the_plans_listed_are_the_couples_newest_as_the_orm_reads_them(client_for, settled):
    """services.recent_plans reads three columns of the couple's newest ten plans in one
    statement: the same ids, moments, statuses and words as the ORM's plans, newest first, and
    nothing of another couple's."""
    from django.utils import translation

    alex, blake = settled
    pack = default_pack()
    mutual = sorted(services.mutual_tokens(user=alex, pack=pack))
    moment = timezone.now()
    for n in range(12):
        with time_machine.travel(moment + timedelta(minutes=n // 2), tick=False):
            plan = services.propose(
                user=alex if n % 2 else blake,
                pack=pack,
                steps=mutual[:1],
                ceiling=1,
                stop_word="Red",
            )
            services.cancel(user=alex, public_id=plan.public_id)
    listed = services.recent_plans(alex)
    expected = list(services.plans_for(alex).order_by("-proposed_at", "-pk")[:10])
    assert [(p.public_id, p.proposed_at, p.status) for p in listed] == [
        (p.public_id, p.proposed_at, p.status) for p in expected
    ]
    for language in ("es", "en"):
        with translation.override(language):
            assert [p.status_label for p in listed] == [p.get_status_display() for p in expected]
    assert services.recent_plans(blake) == listed
