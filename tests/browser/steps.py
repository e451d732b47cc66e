"""Steps that two people take in the browser, shared by the journeys."""

PASSPHRASE = "a long and quiet passphrase"


def sign_up(page, username: str) -> None:
    page.goto("/sign-up/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_label("Passphrase again").fill(PASSPHRASE)
    page.get_by_label("I am 18 or older.").check()
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/")


def pair(first, second) -> None:
    """`first` makes an invitation; `second` joins with its code."""
    first.goto("/pair/")
    first.get_by_role("button", name="Make an invitation code").click()
    code = first.locator(".code").inner_text().strip()
    second.goto("/pair/")
    second.get_by_label("Invitation code").fill(code)
    second.get_by_role("button", name="Join").click()
