"""Two partners, two browsers: they choose "Toys together" as their topic, answer, see the
reveal and plan a session in it, while their anal-play answers stay as they were."""

import pytest

from handhold.accounts.models import User
from handhold.discovery.models import Answer
from tests.browser.steps import pair, sign_up
from tests.browser.test_every_page import AXE, AXE_TAGS, RUN_AXE


@pytest.fixture(autouse=True)
def _no_settle_period(settings):
    settings.HANDHOLD_SETTLE_DAYS = 0


def answer(page, item_id, role, choice):
    page.locator(f"input[name='{item_id}__{role}'][value='{choice}']").check()


def anal_play_answers():
    return sorted(
        Answer.objects.filter(pack_id="anal-play").values_list(
            "person__username", "item_id", "role", "choice"
        )
    )


def test_a_couple_chooses_toys_together_answers_reveals_and_plans_a_session(open_page):
    problems = []

    def check_axe(page, label):
        page.evaluate(AXE)
        problems.extend(f"{label}: {v}" for v in page.evaluate(RUN_AXE, AXE_TAGS))

    alex, blake = open_page(bypass_csp=True), open_page(bypass_csp=True)  # axe is injected
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    pair(alex, blake)

    # First, anal play (the default topic): a few answers each, finished.
    for page, role in ((alex, "give"), (blake, "receive")):
        page.goto("/discover/")
        answer(page, "buttock-massage", role, "yes")
        answer(page, "compliment-body", role, "curious")
        page.get_by_role("button", name="Save and mark my answers finished").click()
    before = anal_play_answers()
    assert len(before) == 4

    # Alex suggests Toys together; nothing changes until Blake says yes.
    alex.goto("/journey/")
    alex.get_by_role("link", name="Other topics, and choosing one together").click()
    assert "You are exploring: Anal play" in alex.locator("main").inner_text()
    alex.get_by_role("button", name="Suggest Toys together").click()
    assert "Your suggestion of Toys together is with your partner" in (
        alex.locator("main").inner_text()
    )
    check_axe(alex, "alex after suggesting")
    blake.goto("/")
    assert "Your partner has suggested a topic" in blake.locator("main").inner_text()
    blake.get_by_role("link", name="Read about the topics").click()
    check_axe(blake, "blake with a suggestion")
    blake.get_by_role("button", name="Yes, let's explore it").click()
    assert "You are exploring: Toys together" in blake.locator("main").inner_text()

    # Both answer the new ladder; the reveal shows the toys pack's mutual items only.
    for page, role in ((alex, "give"), (blake, "receive")):
        page.goto("/discover/")
        answer(page, "say-what-feels-good", role, "yes")
        answer(page, "toy-on-bare-skin", role, "curious")
        page.get_by_role("button", name="Save and mark my answers finished").click()
    for page in (alex, blake):
        page.goto("/discover/together/")
        text = page.locator("main").inner_text()
        assert "Saying what you love about their touch" in text
        assert "massage of the buttocks" not in text
    check_axe(blake, "blake's reveal in toys together")

    # The talk, then a session in the new topic.
    for page in (alex, blake):
        page.goto("/journey/")
        page.get_by_role("button", name="We talked").click()
    alex.goto("/sessions/")
    alex.get_by_label("Saying what you love about their touch", exact=False).check()
    alex.get_by_label("Our stop word").fill("Pineapple")
    alex.get_by_role("button", name="Propose").click()
    blake.goto("/")
    blake.get_by_role("link", name="Look and choose").click()
    blake.get_by_label("Saying what you love about their touch", exact=False).check()
    blake.get_by_role("button", name="Agree to these steps").click()
    assert "Agreed." in blake.locator("main").inner_text()
    alex.reload()
    assert "Saying what you love about their touch" in alex.locator("main").inner_text()

    # The anal-play answers are exactly as they were, and the topic is Toys together for both.
    assert anal_play_answers() == before
    assert Answer.objects.filter(pack_id="toys-together").count() == 4
    assert {u.couple.journey.topic for u in User.objects.select_related("couple__journey")} == {
        "toys-together"
    }
    assert problems == []
