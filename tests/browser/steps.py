"""Steps that two people take in the browser, shared by the journeys."""

import re
from urllib.parse import urlparse

PASSPHRASE = "a long and quiet passphrase"


def fill_in_sign_up(page, username: str) -> str:
    """Sign up, and return the recovery code that the next page shows, once."""
    page.goto("/sign-up/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    page.get_by_label("Passphrase again").fill(PASSPHRASE)
    page.get_by_label("I am 18 or older.").check()
    page.get_by_role("button", name="Create my account").click()
    return page.locator(".code").inner_text().strip()


def sign_up(page, username: str) -> str:
    """Sign up and go on past the recovery code to the home page; return the code."""
    code = fill_in_sign_up(page, username)
    page.get_by_role("link", name="Continue").click()
    # The home page, exactly: a glob like "**/" would also match /sign-up/ itself.
    page.wait_for_url(lambda url: urlparse(url).path == "/")
    return code


def pair(first, second) -> None:
    """`first` makes an invitation; `second` joins with its code."""
    first.goto("/pair/")
    # "Make an invitation code", or "Make a new code" when one is already open.
    first.get_by_role("button", name=re.compile(r"^Make an? ")).click()
    code = first.locator(".code").inner_text().strip()
    second.goto("/pair/")
    second.get_by_label("Invitation code").fill(code)
    second.get_by_role("button", name="Join").click()


def open_levels(page, up_to: int) -> None:
    """On the ladder, "Show me the next level" until level `up_to` is there: one level at a
    time, as a person opens it."""
    if "/discover/" not in page.url:
        page.goto("/discover/")
    while page.locator(f"#level-{up_to}").count() == 0:
        page.get_by_role("button", name="Show me the next level").click()
        page.wait_for_load_state("load")
