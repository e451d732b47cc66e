"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

Playwright cannot download its own browsers here, so it launches /usr/bin/chromium (or
HANDHOLD_CHROMIUM). A missing browser is an error, never a skip: CI must run these.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the tests still use the ORM
# directly for set-up and checks, which Django otherwise refuses next to a running loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("HANDHOLD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}. Install it with `apt-get install chromium` "
            "(the README's test command does), or set HANDHOLD_CHROMIUM."
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser, live_server):
    """open_page(**context_options) -> a Page in a fresh browser context (its own cookies)."""
    contexts = []

    def open_(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot_dir(request):
    """Where `--screenshots DIR` asked for screenshots of every page, or None."""
    folder = request.config.getoption("screenshots")
    if not folder:
        return None
    path = Path(folder).resolve()
    for width in ("desktop", "phone"):
        (path / width).mkdir(parents=True, exist_ok=True)
    return path
