"""Two partners, two browsers: reflect, learn, answer the ladder, and see the reveal."""

from tests.browser.steps import open_levels, pair, sign_up


def answer(page, item_id: str, role: str, choice: str) -> None:
    page.locator(f"input[name='{item_id}__{role}'][value='{choice}']").check()


def test_from_sign_up_through_reflect_learn_and_discover_to_the_reveal(open_page):
    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    pair(alex, blake)

    # Reflect: Alex writes privately and saves.
    alex.get_by_role("link", name="Reflect").click()
    alex.get_by_label("My thoughts").first.fill("I love how close we are lately.")
    alex.get_by_role("button", name="Save").click()
    assert "Only you can ever see your journal" in alex.locator("main").inner_text()

    # Learn: a card with its sources.
    alex.get_by_role("link", name="Learn", exact=True).click()
    alex.get_by_role("link", name="Lube is not optional").click()
    assert "Sources" in alex.locator("main").inner_text()

    # Discover: the gentle levels come first; each opens more at their own pace.
    alex.get_by_role("link", name="Discover").click()
    assert alex.locator("#level-2").count() == 1 and alex.locator("#level-3").count() == 0
    assert alex.locator("input[name='small-plug__give']").count() == 0
    answer(alex, "buttock-massage", "give", "yes")
    answer(alex, "playful-squeeze", "give", "yes")
    answer(alex, "playful-squeeze", "receive", "curious")
    open_levels(alex, 5)  # the answers so far are saved on the way
    assert alex.locator("input[name='buttock-massage__give'][value='yes']").is_checked()
    assert alex.get_by_role("button", name="Show me the next level").count() == 0
    answer(alex, "small-plug", "give", "curious")
    answer(alex, "pegging", "receive", "no")
    alex.get_by_role("button", name="Save and mark my answers finished").click()
    assert "Waiting for both of you." in alex.locator("main").inner_text()

    # Blake opens one level only, and says yes to what is there.
    blake.get_by_role("link", name="Discover").click()
    answer(blake, "buttock-massage", "receive", "curious")
    answer(blake, "playful-squeeze", "give", "yes")
    answer(blake, "playful-squeeze", "receive", "yes")
    open_levels(blake, 3)
    assert blake.locator("input[name='small-plug__receive']").count() == 0
    answer(blake, "perineum-massage", "receive", "yes")
    blake.get_by_role("button", name="Save and mark my answers finished").click()

    for page, role_text in ((blake, "you receive"), (alex, "you give")):
        page.goto("/discover/together/")
        text = page.locator("main").inner_text().replace("\xa0", " ")
        assert f"A massage of the buttocks — {role_text}" in text
        assert "A playful squeeze — both ways" in text
        assert "A small plug" not in text
        assert "Pegging" not in text
        assert "perineum" not in text
        assert "A first evening" in text and "not a plan" in text
        assert "for your partner" not in text and "curious" not in text.replace(
            "who said curious", ""
        )

    # The journal never reaches Blake.
    for path in ("/", "/discover/", "/discover/together/", "/reflect/", "/settings/"):
        blake.goto(path)
        assert "close we are lately" not in blake.content()
