"""Whole-site checks on every page the walk reaches: accessibility (axe-core, WCAG 2.2 AA),
phone width, touch targets and page weight. With --screenshots DIR the same walk renders every
page at phone and desktop width into DIR."""

import re
from pathlib import Path

import pytest

from tests.browser.walk import walk

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PAGE_BUDGET = 50 * 1024  # bytes of HTML, CSS and JavaScript, uncompressed

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ` +
    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
}"""

# Interactive elements smaller than 44 by 44 CSS pixels. Links inside a sentence are exempt,
# as in WCAG 2.5.8: only controls that stand on their own count. A radio or checkbox counts by
# its label, which is what a finger actually touches.
SMALL_TARGETS = """() => {
  const small = [];
  for (const el of document.querySelectorAll("a[href], button, input, select, textarea")) {
    if (el.type === "hidden" || el.closest(".skip-link")) continue;
    let box = el;
    if (el.type === "radio" || el.type === "checkbox") box = el.closest("label") ||
      document.querySelector(`label[for="${el.id}"]`) || el;
    if (el.tagName === "A") {
      const block = el.parentElement;
      if (block && block.textContent.trim() !== el.textContent.trim()) continue;
    }
    const r = box.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const size = `${Math.round(r.width)}x${Math.round(r.height)}`;
    if (r.width < 44 || r.height < 44) small.push(`${el.outerHTML.slice(0, 80)} ${size}`);
  }
  return small;
}"""


def slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


@pytest.fixture(autouse=True)
def _no_settle_period(settings):
    settings.HANDHOLD_SETTLE_DAYS = 0


def test_every_page_passes_axe_and_stays_light(open_page, screenshot_dir, live_server):
    problems = []
    document_sizes = {}
    asset_sizes = {}

    def on_response(response):
        if response.request.resource_type == "document":
            document_sizes[response.frame.page] = len(response.body())
        elif response.request.resource_type in ("stylesheet", "script"):
            asset_sizes[response.url] = len(response.body())

    def visit(page, label):
        page.wait_for_load_state("load")
        if page.evaluate("document.images.length + document.querySelectorAll('svg').length"):
            problems.append(f"{label}: shows an image (Handhold shows none)")
        page.evaluate(AXE)
        violations = page.evaluate(RUN_AXE, AXE_TAGS)
        problems.extend(f"{label}: {v}" for v in violations)
        assets = page.evaluate(
            "() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')]"
            ".map(e => e.href || e.src)"
        )
        weight = document_sizes.get(page, 0) + sum(asset_sizes.get(url, 0) for url in assets)
        if not document_sizes.get(page) or any(url not in asset_sizes for url in assets):
            problems.append(f"{label}: could not weigh the page")
        elif weight > PAGE_BUDGET:
            problems.append(f"{label}: {weight} bytes of HTML, CSS and JS (budget {PAGE_BUDGET})")
        if screenshot_dir:
            page.screenshot(path=screenshot_dir / "desktop" / f"{slug(label)}.png", full_page=True)

    foreign = []

    def on_request(request):
        # Every request the pages make goes to Handhold's own origin: no CDN, font or tracker.
        if not request.url.startswith(live_server.url + "/"):
            foreign.append(request.url)

    def open_watched(**options):
        page = open_page(bypass_csp=True, **options)  # only so that axe can be injected
        page.on("response", on_response)
        page.on("request", on_request)
        return page

    walk(open_watched, visit, **DESKTOP)
    assert not problems, "\n".join(problems)
    assert not foreign, foreign


def test_every_page_fits_a_phone(open_page, screenshot_dir):
    problems = []

    def visit(page, label):
        page.wait_for_load_state("load")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.append(f"{label}: scrolls sideways by {overflow}px")
        problems.extend(f"{label}: small touch target {t}" for t in page.evaluate(SMALL_TARGETS))
        if screenshot_dir:
            page.screenshot(path=screenshot_dir / "phone" / f"{slug(label)}.png", full_page=True)

    walk(open_page, visit, **PHONE)
    assert not problems, "\n".join(problems)
