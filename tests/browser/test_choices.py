"""Yes, curious and no are offered as equals: no default, same size, same weight, same colour."""

import pytest

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}

LOOK = """group => [...group.querySelectorAll("label")].map(label => {
  const r = label.getBoundingClientRect();
  const s = getComputedStyle(label);
  return {
    text: label.textContent.trim(),
    width: Math.round(r.width), height: Math.round(r.height),
    look: [s.fontSize, s.fontWeight, s.color, s.backgroundColor, s.borderTopColor,
           s.borderTopWidth, s.opacity].join(" "),
  };
})"""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_yes_curious_and_no_look_the_same_and_none_is_chosen(open_page, size):
    from tests.browser.steps import open_levels, sign_up

    page = open_page(**size)
    sign_up(page, "sam")
    open_levels(page, 5)
    assert page.locator(".choices input:checked").count() == 0
    groups = page.locator(".choices")
    assert groups.count() >= 20
    for index in range(groups.count()):
        labels = {item["text"]: item for item in groups.nth(index).evaluate(LOOK)}
        yes, curious, no = labels["Yes"], labels["Curious"], labels["No"]
        for other in (curious, no):
            assert (other["width"], other["height"]) == (yes["width"], yes["height"])
            assert other["look"] == yes["look"]
