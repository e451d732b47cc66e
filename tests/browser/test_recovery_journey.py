"""A forgotten passphrase, as a person would meet it: the code shown at sign-up, kept, used."""

from tests.browser.steps import sign_up

NEW_PASSPHRASE = "a different quiet passphrase"


def test_the_recovery_code_from_sign_up_sets_a_new_passphrase(open_page):
    page = open_page()
    code = sign_up(page, "sam")
    page.get_by_role("button", name="Log out").click()

    page.goto("/log-in/")
    page.get_by_role("link", name="Forgot your passphrase?").click()
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Recovery code").fill(code.lower().replace("-", " "))
    page.get_by_label("New passphrase", exact=True).fill(NEW_PASSPHRASE)
    page.get_by_label("New passphrase again").fill(NEW_PASSPHRASE)
    page.get_by_role("button", name="Set my new passphrase").click()

    assert "You're back in" in page.locator("main").inner_text()
    new_code = page.locator(".code").inner_text().strip()
    assert new_code != code
    page.get_by_role("link", name="Continue").click()
    assert page.get_by_role("button", name="Log out").is_visible()

    # The old code is used up.
    page.get_by_role("button", name="Log out").click()
    page.goto("/log-in/forgot/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Recovery code").fill(code)
    page.get_by_label("New passphrase", exact=True).fill(NEW_PASSPHRASE + "!")
    page.get_by_label("New passphrase again").fill(NEW_PASSPHRASE + "!")
    page.get_by_role("button", name="Set my new passphrase").click()
    assert "don't work together" in page.locator("main").inner_text()
