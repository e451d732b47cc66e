"""Handhold in Spanish, in the browser: two people whose browsers ask for Spanish walk the main
pages, and every page says `<html lang="es">`, speaks Spanish and passes axe (WCAG 2.2 AA and
best practice) with zero violations. The footer's switch changes the language without
JavaScript and keeps the person on the same page.

Buttons and labels are found by their Spanish words, looked up in the catalogue the server
uses (`es`), so the walk follows the translation rather than repeating it.
"""

import re

import pytest
from django.utils import translation

from tests.browser.steps import PASSPHRASE
from tests.browser.test_every_page import AXE, AXE_TAGS, DESKTOP, RUN_AXE
from tests.browser.walk import PERSON_PAGES, STAGE_PAGES, VISITOR_PAGES

SPANISH = {"locale": "es-ES", **DESKTOP}
# Quick exit's neutral page is a plain English soup recipe, outside the frame, on purpose: it
# holds nothing of Handhold's, and says `lang="en"` truthfully. Axe still checks it.
NEUTRAL = "/soup/"


def t(message: str) -> str:
    """`message` as the Spanish pages show it."""
    with translation.override("es"):
        return translation.gettext(message)


@pytest.fixture(autouse=True)
def _no_settle_period(settings):
    settings.HANDHOLD_SETTLE_DAYS = 0


def sign_up(page, username: str) -> None:
    page.goto("/sign-up/")
    page.get_by_label(t("Username")).fill(username)
    page.get_by_label(t("Passphrase"), exact=True).fill(PASSPHRASE)
    page.get_by_label(t("Passphrase again")).fill(PASSPHRASE)
    page.get_by_label(t("I am 18 or older.")).check()
    page.get_by_role("button", name=t("Create my account")).click()
    page.get_by_role("link", name=t("Continue")).click()


def test_a_walk_in_spanish_passes_axe(open_page):
    problems = []

    def visit(page, label):
        page.wait_for_load_state("load")
        if page.url.endswith(NEUTRAL):
            pass
        elif page.evaluate("document.documentElement.lang") != "es":
            problems.append(f"{label}: <html lang> is not es")
        elif page.get_by_text(t("Skip to content")).count() != 1:
            problems.append(f"{label}: the frame is not in Spanish")
        page.evaluate(AXE)
        problems.extend(f"{label}: {v}" for v in page.evaluate(RUN_AXE, AXE_TAGS))

    def visit_all(page, paths, label):
        for path in paths:
            page.goto(path)
            visit(page, f"{label} {path}")

    visitor = open_page(bypass_csp=True, **SPANISH)  # bypass only so that axe can be injected
    visit_all(visitor, VISITOR_PAGES, "visitor")
    visitor.goto("/sign-up/")
    visitor.get_by_role("button", name=t("Create my account")).click()
    visit(visitor, "visitor sign-up with errors")

    alex = open_page(bypass_csp=True, **SPANISH)
    blake = open_page(bypass_csp=True, **SPANISH)
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    visit_all(alex, PERSON_PAGES, "alex unpaired")

    alex.goto("/pair/")
    alex.get_by_role("button", name=t("Make an invitation code")).click()
    visit(alex, "alex with a fresh invitation code")
    code = alex.locator(".code").inner_text().strip()
    blake.goto("/pair/")
    blake.get_by_label(t("Invitation code")).fill(code)
    blake.get_by_role("button", name=t("Join")).click()
    for name, page in (("alex", alex), ("blake", blake)):
        visit_all(page, STAGE_PAGES, f"{name} paired")

    for name, page, role in (("alex", alex, "give"), ("blake", blake, "receive")):
        page.goto("/discover/")
        page.locator(f"input[name='compliment-body__{role}'][value='yes']").check()
        page.locator(f"input[name='buttock-massage__{role}'][value='yes']").check()
        page.get_by_role("button", name=t("Save and mark my answers finished")).click()
        visit(page, f"{name} after finishing")
    visit_all(alex, ["/discover/together/", "/journey/", "/prepare/"], "alex revealed")

    alex.goto("/talk/plan/")
    alex.get_by_label(t("Your own words")).fill(
        "Me encantas. ¿Te gustaría que hablemos de algo nuevo? Un no está perfectamente bien."
    )
    alex.get_by_role("button", name=t("Save and check my words")).click()
    visit(alex, "alex planner with a Spanish draft")
    assert alex.get_by_text(
        re.compile("^El detector de presión de Handhold solo lee inglés")
    ).count()
    alex.get_by_label(t("Your own words")).fill("Come on, just try it once.")
    alex.get_by_role("button", name=t("Save and check my words")).click()
    visit(alex, "alex planner with findings")
    alex.goto("/talk/invite/")
    alex.get_by_label(t("A short message to your partner")).fill(
        "¿Te gustaría que hablemos de algo nuevo cuando te venga bien? Un no está bien."
    )
    alex.get_by_role("button", name=t("Check and send")).click()
    visit(alex, "alex invitation sent")
    blake.goto("/talk/invite/")
    visit(blake, "blake with an invitation to answer")

    assert not problems, "\n".join(problems)


def test_the_footer_switch_changes_language_without_javascript(open_page):
    page = open_page(java_script_enabled=False, **SPANISH)
    page.goto("/learn/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/learn/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Skip to content").count() == 1
    # The choice stays, page after page, whatever the browser asks for.
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="Español").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator("html").get_attribute("lang") == "es"
