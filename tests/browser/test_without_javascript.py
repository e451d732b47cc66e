"""Every flow works with JavaScript switched off: sign-up, pairing, answering, opening the next
level, the reveal."""

from tests.browser.steps import open_levels, pair, sign_up


def test_the_whole_journey_without_javascript(open_page):
    alex = open_page(java_script_enabled=False)
    blake = open_page(java_script_enabled=False)
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    pair(alex, blake)
    assert "alex invited you. Hello!" in blake.locator("main").inner_text()

    alex.goto("/reflect/")
    alex.get_by_label("My thoughts").first.fill("Written without JavaScript.")
    alex.get_by_role("button", name="Save").click()
    assert "Written without JavaScript." in alex.content()

    alex.goto("/notice/")
    alex.get_by_role("link", name="Note how it went").first.click()
    alex.get_by_label("Uneasy").check()
    alex.get_by_role("button", name="Save to my log").click()
    assert "Leave it for now" in alex.locator("main").inner_text()

    for page, role in ((alex, "give"), (blake, "receive")):
        page.goto("/discover/")
        page.locator(f"input[name='kisses-lower-back__{role}'][value='curious']").check()
        open_levels(page, 3)
        page.locator(f"input[name='perineum-massage__{role}'][value='yes']").check()
        page.get_by_role("button", name="Save and mark my answers finished").click()

    for page in (alex, blake):
        page.goto("/discover/together/")
        text = page.locator("main").inner_text()
        assert "Kisses on the lower back" in text and "Massage of the perineum" in text
