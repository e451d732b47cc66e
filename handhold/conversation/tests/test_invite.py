from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from handhold.conversation.models import TalkInvitation
from handhold.conversation.tests.pages import seen

INVITE = reverse("conversation:invite")
KIND = "Would you like to talk about something new sometime? A no is completely fine."


def send(client, message=KIND):
    return client.post(INVITE, {"message": message})


def answer(client, invitation, choice):
    url = reverse("conversation:answer", args=[invitation.public_id])
    return client.post(url, {"answer": choice})


def test_a_kind_invitation_is_sent_and_the_partner_sees_three_equal_answers(
    client_for, asker, partner
):
    assert send(client_for(asker)).status_code == 302
    html = client_for(partner).get(INVITE).content.decode()
    assert KIND in html
    for label in ("I&#39;d like to talk", "Not now", "Not for me"):
        assert f'class="button button-answer">{label}</button>' in html


def test_a_pressuring_invitation_is_shown_its_findings_and_not_sent(client_for, asker, partner):
    response = send(client_for(asker), "Just try it once, you owe me.")
    assert response.status_code == 400
    assert b"<mark" in response.content
    assert b"Please rewrite the message" in response.content
    assert not TalkInvitation.objects.exists()


def test_one_invitation_at_a_time(client_for, asker, partner):
    client = client_for(asker)
    send(client)
    assert send(client).status_code == 400
    assert TalkInvitation.objects.count() == 1


def test_not_for_me_rests_the_topic_for_90_days_however_the_request_is_sent(
    client_for, asker, partner
):
    send(client_for(asker))
    answer(client_for(partner), TalkInvitation.objects.get(), "not_for_me")
    with time_machine.travel(timezone.now() + timedelta(days=89)):
        response = send(client_for(asker))
        assert response.status_code == 400
        assert b"resting for now" in response.content or b"rests for now" in response.content
    assert TalkInvitation.objects.count() == 1
    with time_machine.travel(timezone.now() + timedelta(days=90, minutes=1)):
        assert send(client_for(asker)).status_code == 302
    assert TalkInvitation.objects.count() == 2


def test_not_now_rests_the_topic_for_14_days(client_for, asker, partner):
    send(client_for(asker))
    answer(client_for(partner), TalkInvitation.objects.get(), "not_now")
    with time_machine.travel(timezone.now() + timedelta(days=13)):
        assert send(client_for(asker)).status_code == 400
    with time_machine.travel(timezone.now() + timedelta(days=14, minutes=1)):
        assert send(client_for(asker)).status_code == 302


def test_the_asker_sees_no_countdown(client_for, asker, partner):
    send(client_for(asker))
    answer(client_for(partner), TalkInvitation.objects.get(), "not_for_me")
    html = client_for(asker).get(INVITE).content.decode()
    assert "rests for now" in html
    for word in ("days", "day", "until", "weeks"):
        assert f" {word} " not in html.split("<main")[1]


def test_the_partner_can_reopen_the_topic_at_any_time(client_for, asker, partner):
    send(client_for(asker))
    answer(client_for(partner), TalkInvitation.objects.get(), "not_for_me")
    client_for(partner).post(reverse("conversation:reopen"))
    assert send(client_for(asker)).status_code == 302


def test_the_asker_cannot_reopen_their_own_cool_off(client_for, asker, partner):
    send(client_for(asker))
    answer(client_for(partner), TalkInvitation.objects.get(), "not_for_me")
    client_for(asker).post(reverse("conversation:reopen"))
    assert send(client_for(asker)).status_code == 400


def test_only_the_partner_can_answer_and_anyone_else_gets_404(
    client_for, asker, partner, stranger, former_partner
):
    send(client_for(asker))
    invitation = TalkInvitation.objects.get()
    for person in (asker, stranger, former_partner):
        assert answer(client_for(person), invitation, "like_to_talk").status_code == 404
    invitation.refresh_from_db()
    assert invitation.answer == ""


def test_a_bad_answer_changes_nothing(client_for, asker, partner):
    send(client_for(asker))
    invitation = TalkInvitation.objects.get()
    response = answer(client_for(partner), invitation, "maybe-later-if-you-insist")
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.answer == ""


def test_unpairing_removes_invitations(client_for, asker, partner):
    from handhold.accounts.services import unpair

    send(client_for(asker))
    unpair(user=partner)
    assert not TalkInvitation.objects.exists()


def test_an_unpaired_person_cannot_invite(client_for, stranger):
    response = send(client_for(stranger))
    assert response.status_code == 400
    assert not TalkInvitation.objects.exists()


def test_a_sent_invitation_is_acknowledged_without_a_verdict_on_its_kindness(
    client_for, asker, partner
):
    page = seen(client_for(asker).post(INVITE, {"message": KIND}, follow=True))
    assert "Your invitation is on its way." in page
    assert "Your partner can answer in their own time, and every answer is fine." in page
    assert "Thank you" not in page and "kindly" not in page


def test_after_an_answer_the_asker_is_not_thanked_for_asking_kindly(client_for, asker, partner):
    send(client_for(asker))
    answer(client_for(partner), TalkInvitation.objects.get(), "not_now")
    page = seen(client_for(asker).get(INVITE))
    assert "Your partner has answered. This topic rests for now" in page
    assert "Thank you" not in page and "kindly" not in page


def test_a_pressuring_invitation_gets_no_thanks_or_reassurance(client_for, asker, partner):
    page = seen(send(client_for(asker), "Just try it once. A no is completely fine."))
    assert "Please rewrite the message" in page and "Try instead:" in page
    for words in ("Thank you", "kindly", "No pressuring words found", "covered"):
        assert words not in page


def test_an_invitation_in_another_language_is_not_judged(client_for, asker, partner):
    """The checker reads English only, so it neither blocks nor vouches for a Spanish one."""
    message = "¿Te gustaría que hablemos de algo nuevo cuando te venga bien? Un no está bien."
    assert send(client_for(asker), message).status_code == 302
    assert TalkInvitation.objects.get().message == message


def test_an_unsent_invitations_field_is_drawn_once_as_field_by_field():
    """While nothing has been sent, the message field comes drawn once per language
    (forms._unsent_message_in), the same bytes as `_field.html` draws it; alternating
    languages, each gets its own words; a sent form is drawn field by field, with what was
    sent and its errors."""
    from django.template import engines
    from django.utils import translation

    from handhold.conversation.forms import InviteForm

    field = engines["jinja2"].from_string('{% include "_field.html" %}')
    for _ in range(2):
        for language, words in [("es", "Un mensaje corto"), ("en", "A short message")]:
            with translation.override(language):
                form = InviteForm()
                drawn = form.drawn_message()
                assert str(drawn) == field.render({"field": form["message"]})
                assert words in drawn
    sent = InviteForm({"message": ""})
    assert not sent.is_valid() and sent.drawn_message() is None


def test_the_answers_beside_what_waits_are_the_enums_in_each_language():
    """The answers' labels are translated once per language (waiting._answers_in): each set
    gives its enum's choices in the active language, alternating languages."""
    from django.utils import translation

    from handhold.couples.models import TopicSuggestion
    from handhold.together.models import CheckIn
    from handhold.together.waiting import ANSWERS

    enums = {
        "lights": CheckIn.Light,
        "invitation_answers": TalkInvitation.Answer,
        "topic_answers": TopicSuggestion.Answer,
    }
    assert ANSWERS.keys() == enums.keys()
    for _ in range(2):
        for language in ("es", "en"):
            with translation.override(language):
                for name, enum in enums.items():
                    expected = [(value, str(label)) for value, label in enum.choices]
                    assert list(ANSWERS[name]) == expected, (language, name)
    with translation.override("es"):
        assert ("like_to_talk", "Me gustaría hablar") in list(ANSWERS["invitation_answers"])
