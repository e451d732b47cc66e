"""The consent rules of core/consent.py, walked by two people in two browser windows, and each
checked from the screen of the partner it protects: "Not for me", "we talked" taking two, a
gentle first session, nothing ticked for the receiver, yellow, red, "slower", "further" and
"stop"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.browser.steps import open_levels, pair, sign_up


@pytest.fixture(autouse=True)
def _no_settle_period(settings):
    settings.HANDHOLD_SETTLE_DAYS = 0


def main_text(page) -> str:
    return page.locator("main").inner_text()


def answer(page, choices: dict) -> None:
    """Open the ladder as far as these items, then answer them and finish."""
    page.goto("/discover/")
    open_levels(page, 4)
    for (item, role), choice in choices.items():
        page.locator(f"input[name='{item}__{role}'][value='{choice}']").check()
    page.get_by_role("button", name="Save and mark my answers finished").click()


def invite(alex, words: str) -> None:
    alex.goto("/talk/invite/")
    alex.get_by_label("A short message to your partner").fill(words)
    alex.get_by_role("button", name="Check and send").click()


def propose(page, titles, stop_word="Pineapple", ceiling=None) -> None:
    page.goto("/sessions/")
    for title in titles:
        page.get_by_label(title, exact=False).check()
    if ceiling is not None:
        page.get_by_label("Not beyond this level tonight").select_option(str(ceiling))
    page.get_by_label("Our stop word").fill(stop_word)
    page.get_by_role("button", name="Propose").click()


def agree(page, titles) -> None:
    page.goto("/")
    page.get_by_role("link", name="Look and choose").click()
    for title in titles:
        page.get_by_label(title, exact=False).check()
    page.get_by_role("button", name="Agree to these steps").click()


def run_to_the_end(alex, blake) -> None:
    """Start, go through every step, finish."""
    alex.get_by_role("button", name="We're starting").click()
    while alex.get_by_role("button", name="On to the next step").count():
        alex.get_by_role("button", name="On to the next step").click()
    alex.get_by_role("button", name="We're done").click()


def debrief(page, pace: str, felt="Warm and a bit giggly.") -> None:
    page.goto("/sessions/")
    page.locator("main a[href^='/sessions/']").first.click()
    page.get_by_role("link", name="Write my debrief").click()
    page.get_by_label("How did it feel?").fill(felt)
    page.get_by_label(pace, exact=True).check()
    page.get_by_role("button", name="Save").click()


def ceilings(page) -> list[str]:
    page.goto("/sessions/")
    return page.get_by_label("Not beyond this level tonight").locator("option").all_inner_texts()


def test_two_partners_walk_every_consent_rule(open_page, settings):
    from handhold.couples.models import TalkConfirmation
    from handhold.together.state import rebuild_journey

    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    pair(alex, blake)
    mutual = {"compliment-body": "yes", "buttock-massage": "yes", "perineum-massage": "curious"}
    answer(
        alex,
        {(item, "give"): choice for item, choice in mutual.items()}
        | {("small-plug", "give"): "yes", ("touch-over-clothes", "give"): "yes"},
    )
    answer(
        blake,
        {(item, "receive"): choice for item, choice in mutual.items()}
        | {("small-plug", "receive"): "yes", ("touch-over-clothes", "receive"): "no"},
    )

    # An invitation waits for Blake on home, with its answers right there. "Not for me".
    invite(alex, "Would you like to talk about something new sometime? A no is completely fine.")
    blake.goto("/")
    assert "Waiting for you" in main_text(blake)
    blake.get_by_role("button", name="Not for me").click()
    # Alex is not offered "we talked"; the talk is Blake's to open again.
    alex.goto("/journey/")
    assert alex.get_by_role("button", name="We talked").count() == 0
    assert "The talk is your partner's to open again" in main_text(alex)

    # Blake opens the topic again and says "I'd like to talk", from the journey.
    blake.goto("/talk/invite/")
    blake.get_by_role("button", name="Open the topic again").click()
    invite(alex, "Would you like to talk after all? Only if you want to.")
    blake.goto("/journey/")
    blake.get_by_role("button", name="I'd like to talk").click()
    blake.goto("/journey/")
    assert "You have both said you talked." not in main_text(blake)  # that means only that

    # "We talked" takes two.
    alex.goto("/journey/")
    alex.get_by_role("button", name="We talked").click()
    assert "It counts once your partner says so too." in main_text(alex)
    alex.goto("/sessions/")
    assert "each of you says so" in main_text(alex)
    blake.goto("/")
    assert "Your partner says the two of you have talked" in main_text(blake)
    blake.get_by_role("button", name="Yes, we talked").click()
    assert "You have both said you talked." in main_text(blake)

    # While it settles, suggestions name only what both want.
    settings.HANDHOLD_SETTLE_DAYS = 2
    blake.goto("/journey/")
    assert "Letting it settle" in main_text(blake)
    assert "Touching over clothes" not in main_text(blake)
    assert "A compliment about their body" in main_text(blake)
    settings.HANDHOLD_SETTLE_DAYS = 0

    # A first session is gentle: level 2 at most, and nothing ticked.
    assert ceilings(alex) == ["Level 1", "Level 2"]
    assert "A small plug" not in main_text(alex)
    assert alex.locator("input[name='steps']:checked").count() == 0
    propose(alex, ["A compliment about their body", "A massage of the buttocks"])

    # The proposal waits for Blake, with "Not this time" right there; nothing is ticked for
    # Blake, there is one decline, and Blake chooses the stop word too.
    blake.goto("/")
    assert blake.get_by_role("button", name="Not this time").count() == 1
    blake.get_by_role("link", name="Look and choose").click()
    assert blake.locator("input[name='keep']:checked").count() == 0
    assert blake.get_by_role("button", name="Not this time").count() == 1
    assert blake.get_by_role("button", name="Cancel").count() == 0
    blake.get_by_label("A compliment about their body", exact=False).check()
    blake.get_by_label("A massage of the buttocks", exact=False).check()
    blake.get_by_label("Our stop word").fill("Kiwi")
    blake.get_by_role("button", name="Agree to these steps").click()
    alex.reload()
    assert "Kiwi" in main_text(alex)

    # Yellow: both see it, and nothing goes further until Blake says green.
    alex.get_by_role("button", name="We're starting").click()
    blake.goto("/")
    blake.get_by_role("button", name="Yellow: slow down").click()
    alex.reload()
    assert "Yellow: stay here, slow down." in main_text(alex)
    assert alex.get_by_role("button", name="On to the next step").count() == 0
    alex.get_by_role("button", name="Green: all good").click()
    assert alex.get_by_role("button", name="On to the next step").count() == 0
    blake.get_by_role("button", name="Green: all good").click()
    alex.reload()
    alex.get_by_role("button", name="On to the next step").click()

    # Red at the massage: the session ends for both, and level 2 rests until Blake opens it.
    blake.reload()
    blake.get_by_role("button", name="Red: stop").click()
    alex.reload()
    assert "ended with a red check-in" in main_text(alex)
    debrief(alex, "The same")
    debrief(blake, "The same")
    alex.goto("/sessions/")
    text = main_text(alex)
    assert "Some steps are resting for now." in text
    assert "A massage of the buttocks" not in text.split("Resting")[1].split("Propose")[0]
    assert alex.get_by_role("button", name="Open level 2 and above again").count() == 0
    propose(alex, ["A massage of the buttocks"])
    assert "resting for now. Please choose others." in main_text(alex)
    blake.goto("/sessions/")
    assert "A massage of the buttocks" in main_text(blake).split("Resting")[1]

    # After a red, a cooling period: nothing new is planned, from either side.
    settings.HANDHOLD_SETTLE_DAYS = 2
    TalkConfirmation.objects.update(confirmed_at=timezone.now() - timedelta(days=10))
    for couple_id in TalkConfirmation.objects.values_list("couple_id", flat=True).distinct():
        rebuild_journey(couple_id)  # changed by hand: the journey rows follow
    blake.goto("/sessions/")
    assert "After a red or a stop, nothing new is planned" in main_text(blake)
    settings.HANDHOLD_SETTLE_DAYS = 0

    # Blake opens it again. Nothing went well yet, so the ceiling is still a first time's.
    blake.goto("/sessions/")
    blake.get_by_role("button", name="Open level 2 and above again").click()
    assert ceilings(blake) == ["Level 1", "Level 2"]
    propose(blake, ["A compliment about their body", "A massage of the buttocks"])
    agree(alex, ["A compliment about their body", "A massage of the buttocks"])
    blake.reload()
    run_to_the_end(blake, alex)

    # "Slower" from Blake, "further" from Alex: one level down.
    debrief(alex, "A bit further")
    debrief(blake, "Slower")
    assert ceilings(blake) == ["Level 1"]
    propose(alex, ["A compliment about their body"], ceiling=1)
    agree(blake, ["A compliment about their body"])
    alex.reload()
    run_to_the_end(alex, blake)

    # Both "a bit further": one level beyond what went well (level 2), no more.
    debrief(alex, "A bit further")
    debrief(blake, "A bit further")
    assert ceilings(alex) == ["Level 1", "Level 2", "Level 3"]
    assert "Massage of the perineum" in main_text(alex)
    assert "A small plug" not in main_text(alex)
    propose(alex, ["A compliment about their body", "Massage of the perineum"], ceiling=3)
    agree(blake, ["A compliment about their body", "Massage of the perineum"])
    alex.reload()
    run_to_the_end(alex, blake)

    # "Stop" from Blake: level 3 rests, named to Blake alone.
    debrief(blake, "Stop")
    debrief(alex, "The same")
    blake.goto("/sessions/")
    assert "Massage of the perineum" in main_text(blake).split("Resting")[1]
    alex.goto("/sessions/")
    resting = main_text(alex).split("Resting")[1].split("Propose")[0]
    assert "Some steps are resting for now." in resting
    assert "perineum" not in resting
