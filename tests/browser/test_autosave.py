"""The journal saves itself as you type, when JavaScript is on."""

from handhold.discovery.models import JournalEntry
from tests.browser.steps import sign_up


def test_the_journal_autosaves_and_says_so(open_page):
    page = open_page()
    sign_up(page, "sam")
    page.goto("/reflect/")
    page.get_by_label("My thoughts").first.fill("Saved without pressing anything.")
    page.locator("[data-autosave-status]").filter(has_text="Saved.").wait_for()
    assert JournalEntry.objects.get().text == "Saved without pressing anything."
