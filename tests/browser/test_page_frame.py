"""The page frame on a phone: a short header, the navigation behind one Menu button that works
without JavaScript, and a Quick exit that is always in reach and never lies over the page."""

import pytest

from tests.browser.steps import sign_up

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
HEADER_MAX = 110  # CSS pixels at 360 px wide
PAGES = ["/discover/", "/learn/", "/reflect/", "/sessions/", "/prepare/", "/"]

SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
BOX = "e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
FIRST_CONTROL = (
    "main a[href], main button, main input:not([type=hidden]), main select, main textarea"
)
# What a finger on the middle of the element would touch, and whether that is the element.
HIT = """e => {
  const r = e.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!hit && (hit === e || e.contains(hit) || !!hit.closest("label")?.contains(e));
}"""


def inside(inner, outer) -> bool:
    return (
        inner[0] >= outer[0] - 0.5
        and inner[1] >= outer[1] - 0.5
        and inner[2] <= outer[2] + 0.5
        and inner[3] <= outer[3] + 0.5
    )


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture
def phone(open_page):
    page = open_page(**PHONE)
    sign_up(page, "alex")
    return page


def test_the_phone_header_is_short(phone):
    for path in PAGES:
        phone.goto(path)
        box = phone.locator("header.top").bounding_box()
        assert box["height"] <= HEADER_MAX, (path, box)
        assert phone.evaluate(SIDEWAYS) <= 0, path


def test_the_navigation_is_behind_one_menu_button(phone):
    phone.goto("/")
    sessions = phone.get_by_role("link", name="Sessions", exact=True)
    assert not sessions.is_visible()
    phone.locator("summary", has_text="Menu").click()
    for name in ("Reflect", "Learn", "Discover", "Talk", "Prepare", "Sessions", "Journey"):
        link = phone.get_by_role("link", name=name, exact=True)
        assert link.is_visible(), name
        box = link.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (name, box)
    sessions.click()
    phone.wait_for_url("**/sessions/")
    assert not phone.get_by_role("link", name="Prepare", exact=True).is_visible()


def test_the_menu_works_without_javascript(open_page):
    page = open_page(java_script_enabled=False, **PHONE)
    page.goto("/learn/")
    page.locator("summary", has_text="Menu").click()
    page.get_by_role("link", name="Sign up", exact=True).click()
    page.wait_for_url("**/sign-up/")


def test_quick_exit_stays_in_the_header_and_never_covers_the_page(phone):
    checked = 0
    for path in PAGES:
        phone.goto(path)
        quick_exit = phone.locator("[data-quick-exit]")
        first = phone.locator(FIRST_CONTROL).first
        height = phone.evaluate("document.documentElement.scrollHeight")
        if path == "/discover/":
            assert height > 3 * 740, "a long page, to scroll through"
        for y in range(0, height, 120):
            phone.evaluate(f"window.scrollTo(0, {y})")
            header = phone.locator("header.top").evaluate(BOX)
            exit_box = quick_exit.evaluate(BOX)
            # Always at the top of the screen, within the header's own row.
            assert header[1] == 0 and inside(exit_box, header), (path, y, header, exit_box)
            assert inside(exit_box, [0, 0, 360, 740]), (path, y, exit_box)
        if not first.count():
            continue  # a page with nothing to press (sessions, before pairing)
        checked += 1
        # Brought into view from the keyboard or a link, the first control is clear of it.
        first.focus()
        assert not overlap(first.evaluate(BOX), quick_exit.evaluate(BOX)), path
        assert first.evaluate(HIT), path
        first.evaluate("e => e.scrollIntoView({block: 'start'})")
        assert not overlap(first.evaluate(BOX), quick_exit.evaluate(BOX)), path
        assert first.evaluate(HIT), path
    assert checked >= 4


def test_quick_exit_still_leaves_with_escape_twice(phone):
    phone.goto("/discover/")
    phone.evaluate("window.scrollTo(0, 600)")
    phone.keyboard.press("Escape")
    phone.keyboard.press("Escape")
    phone.wait_for_url("**/soup/")


def test_on_a_wide_screen_the_navigation_stays_in_view(open_page):
    page = open_page(viewport={"width": 1280, "height": 800})
    sign_up(page, "alex")
    assert not page.locator("summary", has_text="Menu").is_visible()
    for name in ("Reflect", "Prepare", "Sessions", "Journey", "Settings"):
        assert page.get_by_role("link", name=name, exact=True).is_visible(), name
    assert page.locator("header.top").bounding_box()["height"] <= HEADER_MAX
