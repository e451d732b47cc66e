"""Two partners: propose, tick what they want, agree, check in red, both debrief, both see
both."""

import pytest

from tests.browser.steps import open_levels, pair, sign_up
from tests.browser.walk import propose_and_run_a_session


@pytest.fixture(autouse=True)
def _no_settle_period(settings):
    settings.HANDHOLD_SETTLE_DAYS = 0


def answer(page, item_id, role, choice):
    page.locator(f"input[name='{item_id}__{role}'][value='{choice}']").check()


def test_propose_trim_accept_red_and_both_debriefs(open_page):
    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    pair(alex, blake)
    for page, role in ((alex, "give"), (blake, "receive")):
        page.goto("/discover/")
        answer(page, "compliment-body", role, "yes")
        answer(page, "buttock-massage", role, "yes")
        open_levels(page, 4)
        answer(page, "small-plug", role, "curious")
        page.get_by_role("button", name="Save and mark my answers finished").click()
    for page in (alex, blake):
        page.goto("/journey/")
        page.get_by_role("button", name="We talked").click()

    propose_and_run_a_session(alex, blake)

    for page in (alex, blake):
        page.reload()
        text = page.locator("main").inner_text()
        assert "ended with a red check-in" in text
        assert "Lovely and slow." in text and "Good, then too much." in text
        assert "A massage of the buttocks" not in text.split("Steps")[1].split("Debrief")[0]
