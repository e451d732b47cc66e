"""Every flow works with the keyboard alone, with a focus you can see."""

from urllib.parse import urlparse

from tests.browser.steps import PASSPHRASE

FOCUS_IS_VISIBLE = """() => {
  const style = getComputedStyle(document.activeElement);
  return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
}"""


def tab_to(page, selector: str, limit: int = 200) -> None:
    """Press Tab until `selector` has the focus, checking that the focus is visible there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            assert page.evaluate(FOCUS_IS_VISIBLE), f"no visible focus on {selector}"
            return
    raise AssertionError(f"Tab never reached {selector}")


def sign_up_by_keyboard(page, username: str) -> None:
    page.goto("/sign-up/")
    tab_to(page, "#id_username")
    page.keyboard.type(username)
    tab_to(page, "#id_passphrase")
    page.keyboard.type(PASSPHRASE)
    tab_to(page, "#id_passphrase_again")
    page.keyboard.type(PASSPHRASE)
    tab_to(page, "#id_adult")
    page.keyboard.press("Space")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.locator(".code").wait_for()  # the recovery code, shown once
    tab_to(page, "main a.button")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlparse(url).path == "/")


def test_sign_up_pairing_and_the_ladder_with_the_keyboard_alone(open_page):
    alex, blake = open_page(), open_page()
    sign_up_by_keyboard(alex, "alex")
    sign_up_by_keyboard(blake, "blake")

    alex.goto("/pair/")
    tab_to(alex, "form[action='/pair/invite/'] button")
    alex.keyboard.press("Enter")
    code = alex.locator(".code").inner_text().strip()

    blake.goto("/pair/")
    tab_to(blake, "#id_code")
    blake.keyboard.type(code)
    tab_to(blake, "form[action='/pair/join/'] button")
    blake.keyboard.press("Enter")
    assert "alex invited you. Hello!" in blake.locator("main").inner_text()

    blake.goto("/discover/")
    tab_to(blake, "input[name='buttock-massage__receive']")
    blake.keyboard.press("Space")  # the first choice: yes
    for level in (3, 4):  # one level at a time, saving on the way
        tab_to(blake, "button[name=open_next]")
        blake.keyboard.press("Enter")
        blake.wait_for_url(f"**/discover/#level-{level}")
    tab_to(blake, "input[name='small-plug__receive']")
    blake.keyboard.press("Space")
    blake.keyboard.press("ArrowRight")  # yes -> curious
    blake.keyboard.press("ArrowRight")  # curious -> no
    tab_to(blake, "button[name=finish]")
    blake.keyboard.press("Enter")
    blake.wait_for_url("**/discover/together/")

    blake.goto("/discover/")
    assert blake.locator("input[name='buttock-massage__receive'][value='yes']").is_checked()
    assert blake.locator("input[name='small-plug__receive'][value='no']").is_checked()


def test_quick_exit_is_reachable_by_keyboard(open_page):
    page = open_page()
    page.goto("/")
    page.goto("/learn/")
    tab_to(page, ".quick-exit")
    page.keyboard.press("Enter")
    page.wait_for_url("**/soup/")
