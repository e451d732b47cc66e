"""Every page fits a 360-pixel-wide phone: nothing scrolls sideways."""

import pytest

from tests.browser.steps import pair, sign_up

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def assert_fits(page, path):
    page.goto(path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("path", ["/", "/log-in/", "/sign-up/", "/soup/", "/goodbye/"])
def test_public_pages_fit_a_phone(open_page, path):
    assert_fits(open_page(**PHONE), path)


def test_logged_in_pages_fit_a_phone(open_page):
    alex, blake = open_page(**PHONE), open_page(**PHONE)
    sign_up(alex, "alex-with-a-rather-long-name")
    sign_up(blake, "blake")
    alex.goto("/pair/")
    alex.get_by_role("button", name="Make an invitation code").click()
    overflow = alex.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "the page with a fresh code scrolls sideways"
    pair(alex, blake)
    for path in [
        "/",
        "/pair/",
        "/pair/join/",
        "/settings/",
        "/settings/unpair/",
        "/settings/delete/",
    ]:
        assert_fits(alex, path)
