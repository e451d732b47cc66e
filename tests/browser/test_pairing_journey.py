"""Two people, two browsers: sign up, pair, see it, unpair, see that too."""

from urllib.parse import urlparse

from tests.browser.steps import PASSPHRASE, pair, sign_up


def test_two_people_pair_and_either_can_unpair(open_page):
    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    sign_up(blake, "blake")

    alex.goto("/pair/")
    alex.get_by_role("button", name="Make an invitation code").click()
    code = alex.locator(".code").inner_text().strip()
    link = alex.locator(".link-line a").inner_text()
    assert link.endswith(f"/pair/join/?code={code}")

    blake.goto(link)
    assert blake.get_by_label("Invitation code").input_value() == code
    blake.get_by_role("button", name="Join").click()
    assert "alex invited you. Hello!" in blake.locator("main").inner_text()
    blake.goto("/pair/")
    assert "You are paired with alex" in blake.locator("main").inner_text()

    alex.goto("/pair/")
    assert "You are paired with blake" in alex.locator("main").inner_text()

    blake.goto("/settings/")
    blake.get_by_role("link", name="Unpair").click()
    blake.get_by_role("button", name="Yes, unpair now").click()
    assert "You are no longer paired" in blake.locator("main").inner_text()

    alex.goto("/pair/")
    main = alex.locator("main").inner_text()
    assert "You are not paired with anyone." in main
    assert "blake" not in main


def test_the_invited_partner_is_welcomed_and_can_say_not_for_me(open_page):
    """Welcome first, not a questionnaire: "Let's look together" opens the quiet pages, and
    "Not for me" unpairs at once; the inviter sees only that they are not paired."""
    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    pair(alex, blake)
    text = blake.locator("main").inner_text()
    assert "alex invited you. Hello!" in text and "without giving a reason" in text
    assert blake.locator("main input[type=radio]").count() == 0  # no questionnaire here
    blake.get_by_role("link", name="Let's look together").click()
    assert urlparse(blake.url).path == "/notice/"
    blake.goto("/welcome/")
    blake.get_by_role("button", name="Not for me").click()
    assert "Nothing of yours was shared" in blake.locator("main").inner_text()
    alex.goto("/pair/")
    assert "You are not paired with anyone." in alex.locator("main").inner_text()


def make_a_join_link(page) -> tuple[str, str]:
    page.goto("/pair/")
    page.get_by_role("button", name="Make an invitation code").click()
    return page.locator(".code").inner_text().strip(), page.locator(".link-line a").inner_text()


def on_the_join_step(url: str) -> bool:
    return urlparse(url).path == "/pair/join/"


def test_a_logged_out_partner_signs_up_from_the_link_and_keeps_the_code(open_page):
    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    code, link = make_a_join_link(alex)

    blake.goto(link)
    assert urlparse(blake.url).path == "/log-in/"
    blake.locator("main").get_by_role("link", name="Sign up").click()
    blake.get_by_label("Username").fill("blake")
    blake.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    blake.get_by_label("Passphrase again").fill(PASSPHRASE)
    blake.get_by_role("button", name="Create my account").click()
    # A first attempt without the 18+ confirmation is refused; the link survives that too.
    blake.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    blake.get_by_label("Passphrase again").fill(PASSPHRASE)
    blake.get_by_label("I am 18 or older.").check()
    blake.get_by_role("button", name="Create my account").click()
    blake.get_by_role("link", name="Continue").click()  # past the recovery code

    blake.wait_for_url(on_the_join_step)
    assert blake.get_by_label("Invitation code").input_value() == code
    blake.get_by_role("button", name="Join").click()
    assert "alex invited you. Hello!" in blake.locator("main").inner_text()


def test_the_sign_up_in_the_phone_menu_keeps_the_code_too(open_page):
    alex = open_page()
    blake = open_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    sign_up(alex, "alex")
    code, link = make_a_join_link(alex)

    blake.goto(link)
    blake.locator("summary", has_text="Menu").click()
    blake.get_by_role("navigation").get_by_role("link", name="Sign up").click()
    blake.get_by_label("Username").fill("blake")
    blake.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    blake.get_by_label("Passphrase again").fill(PASSPHRASE)
    blake.get_by_label("I am 18 or older.").check()
    blake.get_by_role("button", name="Create my account").click()
    blake.get_by_role("link", name="Continue").click()  # past the recovery code

    blake.wait_for_url(on_the_join_step)
    assert blake.get_by_label("Invitation code").input_value() == code


def test_a_logged_out_partner_logs_in_from_the_link_and_keeps_the_code(open_page):
    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    blake.get_by_role("button", name="Log out").click()
    code, link = make_a_join_link(alex)

    blake.goto(link)
    blake.get_by_label("Username").fill("blake")
    blake.get_by_label("Passphrase").fill(PASSPHRASE)
    blake.get_by_role("button", name="Log in").click()

    blake.wait_for_url(on_the_join_step)
    assert blake.get_by_label("Invitation code").input_value() == code
    blake.get_by_role("button", name="Join").click()
    assert "alex invited you. Hello!" in blake.locator("main").inner_text()


def test_a_used_code_gets_a_clear_message_in_the_browser(open_page):
    alex, blake, casey = open_page(), open_page(), open_page()
    for page, name in ((alex, "alex"), (blake, "blake"), (casey, "casey")):
        sign_up(page, name)
    alex.goto("/pair/")
    alex.get_by_role("button", name="Make an invitation code").click()
    code = alex.locator(".code").inner_text().strip()
    for page in (blake, casey):
        page.goto("/pair/")
        page.get_by_label("Invitation code").fill(code)
        page.get_by_role("button", name="Join").click()
    assert "That code doesn't work" in casey.locator("main").inner_text()
    # The message is tied to the field, and the typed code is kept for correcting.
    assert casey.get_by_label("Invitation code").input_value() == code


def test_a_rejected_sign_up_keeps_the_username(open_page):
    page = open_page()
    page.goto("/sign-up/")
    page.get_by_label("Username").fill("river")
    page.get_by_label("Passphrase", exact=True).fill("short")
    page.get_by_label("Passphrase again").fill("short")
    page.get_by_role("button", name="Create my account").click()
    assert page.get_by_label("Username").input_value() == "river"
    text = page.locator("main").inner_text()
    assert "adults only" in text
    assert "too short" in text
