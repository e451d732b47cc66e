from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from handhold.together.models import HeldBack, SessionPlan
from handhold.together.services import mark_we_talked

SESSIONS = reverse("together:sessions")


def step(item, receiver):
    return f"{item}|{receiver}"


def propose(client, steps, ceiling=5, stop_word="Pineapple"):
    return client.post(SESSIONS, {"steps": steps, "ceiling": ceiling, "stop_word": stop_word})


def url(name, plan):
    return reverse(f"together:{name}", args=[plan.pk])


def test_no_session_before_talking(client_for, revealed):
    alex, blake = revealed
    response = propose(client_for(alex), [step("compliment-body", str(blake.pk))])
    assert response.status_code == 400
    assert not SessionPlan.objects.exists()


def test_no_session_during_the_settle_period_however_it_is_asked(client_for, revealed):
    alex, blake = revealed
    mark_we_talked(user=blake)
    with time_machine.travel(timezone.now() + timedelta(days=1, hours=23)):
        response = propose(client_for(alex), [step("compliment-body", str(blake.pk))])
        assert response.status_code == 400
        assert b"settle" in response.content
    with time_machine.travel(timezone.now() + timedelta(days=2, minutes=1)):
        assert (
            propose(client_for(alex), [step("compliment-body", str(blake.pk))]).status_code == 302
        )


def test_id_like_to_talk_also_starts_the_settle_period(client_for, revealed):
    from handhold.conversation.models import TalkInvitation

    alex, blake = revealed
    TalkInvitation.objects.create(
        couple_id=alex.couple_id,
        sender=alex,
        pack_id="anal-play",
        message="Talk?",
        answer="like_to_talk",
        answered_at=timezone.now(),
    )
    assert propose(client_for(alex), [step("compliment-body", str(blake.pk))]).status_code == 400


def test_a_proposal_lists_mutual_steps_lowest_first(client_for, settled):
    alex, blake = settled
    client = client_for(alex)
    page = client.get(SESSIONS).content.decode()
    assert "Pegging" not in page
    response = propose(
        client, [step("small-plug", str(blake.pk)), step("compliment-body", str(blake.pk))]
    )
    plan = SessionPlan.objects.get()
    assert response["Location"] == url("session", plan)
    assert [s.item_id for s in plan.steps.all()] == ["compliment-body", "small-plug"]
    assert plan.stop_word == "Pineapple"


def test_the_server_refuses_a_step_that_is_not_mutual(client_for, settled):
    alex, blake = settled
    response = propose(client_for(alex), [step("pegging", str(alex.pk))])
    assert response.status_code == 400
    assert not SessionPlan.objects.exists()
    # Forged around the form: the service refuses too.
    from handhold.content.registry import default_pack
    from handhold.core.matching import Token
    from handhold.together import services

    with pytest.raises(services.NotNow):
        services.propose(
            user=alex,
            pack=default_pack(),
            steps=[Token(5, "pegging", str(alex.pk))],
            ceiling=5,
            stop_word="x",
        )
    assert not SessionPlan.objects.exists()


def test_the_other_removes_a_step_lowers_the_ceiling_and_accepts(client_for, settled):
    alex, blake = settled
    propose(
        client_for(alex),
        [
            step("compliment-body", str(blake.pk)),
            step("buttock-massage", str(blake.pk)),
            step("small-plug", str(blake.pk)),
        ],
    )
    plan = SessionPlan.objects.get()
    keep = plan.steps.get(item_id="compliment-body")
    massage = plan.steps.get(item_id="buttock-massage")
    client_for(blake).post(
        url("respond", plan), {"decision": "accept", "keep": [keep.pk, massage.pk], "ceiling": 1}
    )
    plan.refresh_from_db()
    assert plan.status == "agreed" and plan.ceiling == 1
    assert [s.item_id for s in plan.steps.all()] == ["compliment-body"]


def test_declining_is_one_click_and_the_proposer_sees_a_neutral_message(client_for, settled):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", str(blake.pk))])
    plan = SessionPlan.objects.get()
    client_for(blake).post(url("respond", plan), {"decision": "decline"})
    plan.refresh_from_db()
    assert plan.status == "declined"
    assert (
        "Not this time. Thank you for asking."
        in client_for(alex).get(url("session", plan)).content.decode()
    )


def test_the_proposer_cannot_accept_their_own_proposal(client_for, settled):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", str(blake.pk))])
    plan = SessionPlan.objects.get()
    assert client_for(alex).post(url("respond", plan), {"decision": "decline"}).status_code == 404


def test_strangers_and_former_partners_get_404_everywhere(
    client_for, settled, stranger, former_partner
):
    alex, blake = settled
    propose(client_for(alex), [step("compliment-body", str(blake.pk))])
    plan = SessionPlan.objects.get()
    for person in (stranger, former_partner):
        client = client_for(person)
        assert client.get(url("session", plan)).status_code == 404
        for name in ("respond", "cancel", "start", "check_in", "finish"):
            assert (
                client.post(url(name, plan), {"decision": "accept", "light": "red"}).status_code
                == 404
            )
    plan.refresh_from_db()
    assert plan.status == "proposed"


def _agreed(client_for, alex, blake, items=("compliment-body", "small-plug")):
    propose(client_for(alex), [step(i, str(blake.pk)) for i in items])
    plan = SessionPlan.objects.get(status="proposed")
    client_for(blake).post(
        url("respond", plan),
        {"decision": "accept", "keep": [s.pk for s in plan.steps.all()], "ceiling": 5},
    )
    plan.refresh_from_db()
    return plan


def test_a_change_to_no_removes_planned_steps_at_once(client_for, settled):
    from handhold.content.registry import default_pack
    from handhold.discovery.services import save_answers

    alex, blake = settled
    plan = _agreed(client_for, alex, blake)
    save_answers(person=blake, pack=default_pack(), choices={("small-plug", "receive"): "no"})
    html = client_for(alex).get(url("session", plan)).content.decode()
    assert "A small plug" not in html
    assert [s.item_id for s in plan.steps.all()] == ["compliment-body"]


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


def _ended(client_for, alex, blake):
    plan = _agreed(client_for, alex, blake)
    client_for(alex).post(url("start", plan))
    client_for(alex).post(url("finish", plan))
    plan.refresh_from_db()
    return plan


def debrief(client, plan, pace="same", felt="Warm and a bit giggly."):
    return client.post(url("debrief", plan), {"felt": felt, "good": "", "change": "", "pace": pace})


def test_debriefs_are_hidden_until_both_have_written(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    debrief(client_for(alex), plan, felt="Alex felt safe, 4e1f.")
    assert b"4e1f" not in client_for(blake).get(url("session", plan)).content
    debrief(client_for(blake), plan, felt="Blake felt close, 9a0b.")
    for person in (alex, blake):
        html = client_for(person).get(url("session", plan)).content
        assert b"4e1f" in html and b"9a0b" in html


def test_a_debrief_needs_how_it_felt_and_a_pace(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    response = client_for(alex).post(url("debrief", plan), {"felt": "", "pace": "faster!"})
    assert response.status_code == 400


def test_stop_holds_back_the_highest_steps_until_the_one_who_said_it_opens_them(
    client_for, settled
):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    debrief(client_for(blake), plan, pace="stop")
    assert not HeldBack.objects.exists()  # not until both have written
    debrief(client_for(alex), plan, pace="same")
    held = HeldBack.objects.get()
    assert held.item_id == "small-plug"
    page = client_for(alex).get(SESSIONS).content.decode()
    assert f'value="small-plug|{blake.pk}"' not in page
    assert propose(client_for(alex), [step("small-plug", str(blake.pk))]).status_code == 400
    client_for(alex).post(reverse("together:open_again", args=[held.pk]))
    assert HeldBack.objects.exists()  # only Blake can open it again
    client_for(blake).post(reverse("together:open_again", args=[held.pk]))
    assert not HeldBack.objects.exists()


def test_slower_caps_the_next_proposal_below_the_last_ceiling(client_for, settled):
    alex, blake = settled
    plan = _ended(client_for, alex, blake)
    assert plan.ceiling == 5
    debrief(client_for(alex), plan, pace="slower")
    assert b"you both write a debrief" in client_for(alex).get(SESSIONS).content
    debrief(client_for(blake), plan, pace="same")
    page = client_for(blake).get(SESSIONS).content.decode()
    assert '<option value="4" selected>' in page and '<option value="5"' not in page
    assert propose(client_for(alex), [step("compliment-body", str(blake.pk))], 5).status_code == 400
    propose(client_for(alex), [step("compliment-body", str(blake.pk))], ceiling=4)
    assert SessionPlan.objects.get(status="proposed").ceiling == 4
