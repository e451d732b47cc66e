"""Quick exit, discreet mode and delete-everything, as a person would use them."""

from tests.browser.steps import PASSPHRASE, pair, sign_up


def test_quick_exit_button_replaces_the_page_and_back_does_not_return(open_page):
    page = open_page()
    page.goto("/")
    page.goto("/log-in/")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("**/soup/")
    assert page.title() == "Red lentil soup"
    page.go_back()
    assert "/log-in/" not in page.url


def test_escape_twice_leaves_at_once(open_page):
    page = open_page()
    page.goto("/")
    page.goto("/sign-up/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("**/soup/")
    assert page.title() == "Red lentil soup"
    page.go_back()
    assert "/sign-up/" not in page.url


def test_after_quick_exit_back_finds_no_handhold_page_logged_in(open_page):
    page = open_page()
    sign_up(page, "sam-quill")
    page.goto("/")
    assert "sam-quill" in page.content()
    page.goto("/reflect/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("**/soup/")
    page.go_back()  # as in the report: Back once, to the home page that said hello
    page.wait_for_load_state()
    assert "sam-quill" not in page.content()
    assert page.get_by_role("button", name="Log out").count() == 0
    page.goto("/reflect/")
    assert "/log-in/" in page.url


def test_a_single_escape_does_nothing(open_page):
    page = open_page()
    page.goto("/sign-up/")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.endswith("/sign-up/")


def test_quick_exit_works_without_javascript(open_page):
    page = open_page(java_script_enabled=False)
    sign_up(page, "sam-plain")
    page.goto("/reflect/")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("**/soup/")
    assert page.title() == "Red lentil soup"
    page.go_back()
    assert "sam-plain" not in page.content()
    page.goto("/reflect/")
    assert "/log-in/" in page.url


def test_discreet_mode_changes_the_title(open_page):
    page = open_page()
    sign_up(page, "sam")
    assert page.title() == "Handhold"
    page.goto("/settings/")
    page.get_by_role("checkbox", name="Discreet mode").check()
    page.get_by_role("button", name="Save").click()
    assert page.title() == "Notes"
    assert "notes.svg" in page.locator("link[rel=icon]").get_attribute("href")


def test_delete_everything_in_the_browser(open_page):
    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    pair(alex, blake)

    alex.goto("/settings/")
    alex.get_by_role("link", name="Delete everything now").click()
    alex.get_by_label("Type your username to confirm").fill("not-me")
    alex.get_by_role("button", name="Delete everything").click()
    assert "Nothing was deleted" in alex.locator("main").inner_text()
    alex.get_by_label("Type your username to confirm").fill("alex")
    alex.get_by_role("button", name="Delete everything").click()
    assert "Everything is deleted" in alex.locator("main").inner_text()

    blake.goto("/pair/")
    assert "You are not paired with anyone." in blake.locator("main").inner_text()

    alex.goto("/log-in/")
    alex.get_by_label("Username").fill("alex")
    alex.get_by_label("Passphrase").fill(PASSPHRASE)
    alex.get_by_role("button", name="Log in").click()
    assert "don't match an account" in alex.locator("main").inner_text()
