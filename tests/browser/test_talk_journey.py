"""Two partners: plan and check a conversation, send an invitation, answer "Not for me", and
the asker cannot invite again."""

from tests.browser.steps import pair, sign_up


def test_plan_check_invite_not_for_me_and_no_second_invitation(open_page):
    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    pair(alex, blake)

    alex.get_by_role("link", name="Talk").click()
    alex.get_by_role("link", name="Plan the conversation").click()
    alex.get_by_label("A text message").check()
    alex.get_by_label("Your own words").fill("Come on, just try it once.")
    alex.get_by_role("button", name="Save and check my words").click()
    assert alex.locator("mark").count() >= 1
    found = alex.locator("main").inner_text()
    assert "Try instead:" in found and "No pressuring words found" not in found

    alex.get_by_label("Your own words").fill(
        "I find you so attractive. Would you like to talk about something new? "
        "You'd be in control, and a no is completely fine."
    )
    alex.get_by_role("button", name="Save and check my words").click()
    assert alex.locator("mark").count() == 0
    assert "No pressuring words found." in alex.locator("main").inner_text()

    alex.get_by_role("link", name="A gentle invitation (optional)").click()
    alex.get_by_label("A short message to your partner").fill("Just try it once, for me?")
    alex.get_by_role("button", name="Check and send").click()
    assert "Please rewrite the message" in alex.locator("main").inner_text()
    alex.get_by_label("A short message to your partner").fill(
        "Would you like to talk about something new sometime? A no is completely fine."
    )
    alex.get_by_role("button", name="Check and send").click()
    sent = alex.locator("main").inner_text()
    assert "Your invitation is on its way" in sent and "in their own time" in sent
    assert "Thank you" not in sent  # finding no pressure is not a verdict on kindness

    blake.get_by_role("link", name="Talk").click()
    blake.goto("/talk/invite/")
    assert "Would you like to talk about something new" in blake.locator("main").inner_text()
    blake.get_by_role("button", name="Not for me").click()
    assert "you owe no explanation" in blake.locator("main").inner_text()

    alex.goto("/talk/invite/")
    text = alex.locator("main").inner_text()
    assert "This topic rests for now" in text and "Thank you" not in text
    assert alex.get_by_role("button", name="Check and send").count() == 0


def test_live_checking_highlights_as_you_type(open_page):
    page = open_page()
    sign_up(page, "sam")
    page.goto("/talk/plan/")
    page.get_by_label("Your own words").fill("Just try it once, you owe me.")
    page.locator("[data-live-check-result] mark").first.wait_for()
    assert "Try instead:" in page.locator("[data-live-check-result]").inner_text()
