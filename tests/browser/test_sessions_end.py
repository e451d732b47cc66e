"""Sessions that end with the browser, unless asked otherwise; and one person per browser."""

from tests.browser.steps import PASSPHRASE, sign_up


def log_in(page, username: str, *, keep: bool = False) -> None:
    page.goto("/log-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    if keep:
        page.get_by_label("Keep me logged in on this device").check()
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url("**/")


def reopen_browser(browser, page, live_server):
    """What a browser keeps when it is closed and opened again: only cookies with an expiry."""
    kept = [c for c in page.context.cookies() if c["expires"] != -1]
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(kept)
    return context.new_page()


def test_closing_the_browser_logs_you_out(open_page, browser, live_server):
    page = open_page()
    sign_up(page, "sam")
    page.get_by_role("button", name="Log out").click()
    log_in(page, "sam")
    again = reopen_browser(browser, page, live_server)
    again.goto("/settings/")
    assert "/log-in/" in again.url
    again.context.close()


def test_keep_me_logged_in_survives_closing_the_browser(open_page, browser, live_server):
    page = open_page()
    sign_up(page, "kit")
    page.get_by_role("button", name="Log out").click()
    log_in(page, "kit", keep=True)
    again = reopen_browser(browser, page, live_server)
    again.goto("/settings/")
    assert again.url.endswith("/settings/")
    assert "A computer" in again.content()
    again.get_by_role("button", name="Log out everywhere").click()
    again.wait_for_url("**/log-in/")
    page.goto("/settings/")  # the first window was logged out too
    assert "/log-in/" in page.url
    again.context.close()


def test_logging_in_while_someone_else_is_logged_in_never_keeps_their_account(open_page):
    first, second = open_page(), open_page()
    sign_up(first, "alex")
    sign_up(second, "blake")
    first.goto("/log-in/")
    assert "This browser is logged in as alex" in first.locator("main").inner_text()
    first.get_by_label("Username").fill("blake")
    first.get_by_label("Passphrase").fill(PASSPHRASE)
    first.get_by_role("button", name="Log in", exact=True).click()
    first.wait_for_url("**/")
    greeting = first.locator("main").inner_text()
    assert "blake" in greeting and "alex" not in greeting
    first.goto("/log-in/")
    assert "logged in as blake" in first.locator("main").inner_text()
    first.get_by_role("button", name="Log blake out and continue").click()
    first.wait_for_url("**/log-in/")
    assert "logged in as" not in first.locator("main").inner_text()
