"""A walk over every page Handhold has, at every stage, as a visitor and as both partners.

`walk(open_page, visit)` calls `visit(page, label)` on each page it reaches, so one walk serves
every whole-site check (accessibility, phone width, touch targets, page weight) and the
screenshots. A new page joins the product by joining this walk.
"""

from tests.browser.steps import fill_in_sign_up, open_levels, pair, sign_up

VISITOR_PAGES = [
    "/",
    "/resources/",
    "/log-in/",
    "/log-in/forgot/",
    "/sign-up/",
    "/learn/",
    "/learn/lube-types/",
    "/soup/",
    "/goodbye/",
    "/no-such-page/",
]
PERSON_PAGES = [
    "/",
    "/welcome/",
    "/journey/",
    "/prepare/",
    "/sessions/",
    "/resources/",
    "/talk/",
    "/talk/plan/",
    "/talk/invite/",
    "/reflect/",
    "/learn/",
    "/notice/",
    "/discover/",
    "/discover/together/",
    "/discover/private/",
    "/pair/",
    "/pair/join/",
    "/settings/",
    "/settings/unpair/",
    "/settings/recovery-code/",
    "/settings/delete/",
]
STAGE_PAGES = [
    "/",
    "/welcome/",
    "/pair/",
    "/discover/",
    "/discover/together/",
    "/topic/",
    "/talk/",
    "/talk/plan/",
    "/talk/invite/",
    "/settings/unpair/",
]


def _visit_all(page, paths, label, visit):
    for path in paths:
        page.goto(path)
        visit(page, f"{label} {path}")


def walk(open_page, visit, **options):
    visitor = open_page(**options)
    _visit_all(visitor, VISITOR_PAGES, "visitor", visit)
    visitor.goto("/sign-up/")
    visitor.get_by_role("button", name="Create my account").click()
    visit(visitor, "visitor sign-up with errors")
    visitor.goto("/log-in/")
    visitor.get_by_label("Username").fill("nobody")
    visitor.get_by_label("Passphrase").fill("not the passphrase")
    visitor.get_by_role("button", name="Log in").click()
    visit(visitor, "visitor log-in with an error")
    visitor.goto("/log-in/forgot/")
    visitor.get_by_role("button", name="Set my new passphrase").click()
    visit(visitor, "visitor recovery with errors")

    alex, blake = open_page(**options), open_page(**options)
    fill_in_sign_up(alex, "alex")
    visit(alex, "alex recovery code after signing up")
    alex.get_by_role("link", name="Continue").click()
    sign_up(blake, "blake")
    for name, page in (("alex", alex), ("blake", blake)):
        _visit_all(page, PERSON_PAGES, f"{name} unpaired", visit)

    alex.goto("/pair/")
    alex.get_by_role("button", name="Make an invitation code").click()
    visit(alex, "alex with a fresh invitation code")
    blake.goto("/pair/")
    blake.get_by_label("Invitation code").fill("not a real code")
    blake.get_by_role("button", name="Join").click()
    visit(blake, "blake with a code that does not work")
    blake.goto("/settings/delete/")
    blake.get_by_label("Type your username to confirm").fill("someone else")
    blake.get_by_role("button", name="Delete everything").click()
    visit(blake, "blake delete with an error")

    pair(alex, blake)
    for name, page in (("alex", alex), ("blake", blake)):
        _visit_all(page, STAGE_PAGES, f"{name} paired", visit)

    alex.goto("/reflect/")
    alex.get_by_label("My thoughts").first.fill("A private thought.")
    alex.get_by_role("button", name="Save").click()
    visit(alex, "alex journal saved")

    alex.goto("/notice/")
    alex.get_by_role("button", name="Save to my log").click()
    visit(alex, "alex notice with an error")
    alex.goto("/notice/?idea=a-hug-that-lingers")
    alex.get_by_label("Into it").check()
    alex.get_by_label("A private note (optional)").fill("A long hug, and a laugh.")
    alex.get_by_role("button", name="Save to my log").click()
    visit(alex, "alex notice with a log")
    alex.get_by_label("Uneasy").check()
    alex.get_by_role("button", name="Save to my log").click()
    visit(alex, "alex notice after uneasy")

    for name, page, role in (("alex", alex, "give"), ("blake", blake, "receive")):
        page.goto("/discover/")
        page.locator(f"input[name='compliment-body__{role}'][value='yes']").check()
        page.locator(f"input[name='buttock-massage__{role}'][value='yes']").check()
        page.get_by_role("button", name="Show me the next level").click()
        visit(page, f"{name} after opening level 3")
        open_levels(page, 5)
        visit(page, f"{name} with the whole ladder open")
        page.locator(f"input[name='small-plug__{role}'][value='curious']").check()
        page.locator("input[name='playful-squeeze__give'][value='yes']").check()
        page.locator("input[name='playful-squeeze__receive'][value='curious']").check()
        page.get_by_role("button", name="Save and mark my answers finished").click()
        visit(page, f"{name} after finishing")
    for name, page in (("alex", alex), ("blake", blake)):
        _visit_all(page, ["/discover/", "/discover/together/"], f"{name} revealed", visit)

    alex.goto("/talk/plan/")
    alex.get_by_label("Your own words").fill("Come on, just try it once. A no is fine.")
    alex.get_by_role("button", name="Save and check my words").click()
    visit(alex, "alex planner with findings")
    alex.goto("/talk/invite/")
    alex.get_by_label("A short message to your partner").fill("Just try it once, for me.")
    alex.get_by_role("button", name="Check and send").click()
    visit(alex, "alex invitation with findings")
    alex.get_by_label("A short message to your partner").fill(
        "Would you like to talk about something new sometime? A no is completely fine."
    )
    alex.get_by_role("button", name="Check and send").click()
    visit(alex, "alex invitation sent")
    blake.goto("/talk/invite/")
    visit(blake, "blake with an invitation to answer")
    blake.get_by_role("button", name="Not for me").click()
    visit(blake, "blake after answering")
    alex.goto("/talk/invite/")
    visit(alex, "alex after the answer")
    alex.goto("/journey/")
    visit(alex, "alex journey after not for me")

    blake.goto("/talk/invite/")
    blake.get_by_role("button", name="Open the topic again").click()
    alex.goto("/talk/invite/")
    alex.get_by_label("A short message to your partner").fill(
        "Would you like to talk about it after all? Only if you want to."
    )
    alex.get_by_role("button", name="Check and send").click()
    blake.goto("/")
    visit(blake, "blake home with an invitation waiting")
    blake.get_by_role("button", name="I'd like to talk").click()

    alex.goto("/journey/")
    alex.get_by_role("button", name="We talked").click()
    visit(alex, "alex after we talked")
    blake.goto("/journey/")
    visit(blake, "blake with we talked to confirm")
    blake.get_by_role("button", name="Yes, we talked").click()
    _visit_all(blake, ["/journey/", "/prepare/", "/sessions/"], "blake talked", visit)
    propose_and_run_a_session(alex, blake, visit)

    blake.goto("/journey/")
    blake.get_by_role("button", name="Pause everything").click()
    visit(blake, "blake paused")
    _visit_all(alex, ["/journey/", "/sessions/", "/talk/invite/"], "alex while paused", visit)
    blake.goto("/journey/")
    blake.get_by_role("button", name="Resume").click()

    alex.goto("/topic/")
    alex.get_by_role("button", name="Suggest Toys together").click()
    visit(alex, "alex after suggesting a topic")
    blake.goto("/")
    visit(blake, "blake home with a topic suggestion waiting")
    blake.goto("/topic/")
    visit(blake, "blake with a topic suggestion")
    blake.get_by_role("button", name="Not now").click()
    alex.goto("/topic/")
    visit(alex, "alex after the topic answer")


def propose_and_run_a_session(alex, blake, visit=lambda page, label: None) -> None:
    """Alex proposes two gentle steps; Blake, with nothing ticked for them, ticks one and
    agrees; they start; Blake checks in yellow, then red; both write a debrief and both see
    both. (Needs a settle period of 0 days.)"""
    alex.goto("/sessions/")
    alex.get_by_label("A compliment about their body", exact=False).check()
    alex.get_by_label("A massage of the buttocks", exact=False).check()
    alex.get_by_label("Our stop word").fill("Pineapple")
    alex.get_by_role("button", name="Propose").click()
    visit(alex, "alex proposed")
    blake.goto("/")
    visit(blake, "blake home with a proposal waiting")
    blake.get_by_role("link", name="Look and choose").click()
    visit(blake, "blake with a proposal")
    blake.get_by_label("A compliment about their body", exact=False).check()
    blake.get_by_role("button", name="Agree to these steps").click()
    visit(blake, "blake agreed")
    alex.reload()
    alex.get_by_role("button", name="We're starting").click()
    visit(alex, "alex during the session")
    blake.reload()
    blake.get_by_role("button", name="Yellow: slow down").click()
    visit(blake, "blake after yellow")
    blake.get_by_role("button", name="Red: stop").click()
    visit(blake, "blake after red")
    for name, page, words in (
        ("alex", alex, "Lovely and slow."),
        ("blake", blake, "Good, then too much."),
    ):
        page.reload()
        page.get_by_role("link", name="Write my debrief").click()
        visit(page, f"{name} debrief form")
        page.get_by_label("How did it feel?").fill(words)
        page.get_by_label("Slower").check()
        page.get_by_role("button", name="Save").click()
        visit(page, f"{name} after writing a debrief")
