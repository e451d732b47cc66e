"""Continuing on another device in private matching (issue #17): Alex answers on one device,
keeps a locked copy, and brings the answers to a second device (a second browser context, as
a second phone or laptop would be) by typing the phrase; a change on either device reaches the
other.

Every request body either of Alex's browsers sends and every row of every table (read after
each request that changes something) is recorded: none may hold an item Alex answered, an
answer, or the phrase. Python's `cryptography` then opens the stored copy with the phrase and
finds exactly Alex's answers: the server held them, sealed, and could not read them."""

from django.apps import apps
from playwright.sync_api import expect

from handhold.accounts.models import User
from handhold.content.registry import default_pack
from handhold.core import answers_copy as ac
from handhold.core.recovery_codes import normalise_recovery_code
from handhold.discovery.models import PrivateAnswersCopy
from tests.browser.steps import PASSPHRASE, pair, sign_up
from tests.browser.test_every_page import AXE, AXE_TAGS, PHONE, RUN_AXE, SMALL_TARGETS

ALEX = {
    ("buttock-massage", "give"): "yes",
    ("playful-squeeze", "receive"): "curious",
    ("kisses-buttocks", "receive"): "no",
    ("bathe-together", "together"): "curious",
}


def _rows() -> str:
    out = []
    for model in apps.get_models():
        out.extend(str(row) for row in model.objects.all().values_list())
    return "\n".join(out)


def _log_in(page, username: str) -> None:
    page.goto("/log-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url("**/")


def _radio(page, item: str, role: str, choice: str):
    return page.locator(f"#private-ladder input[name='{item}__{role}'][value='{choice}']")


def _ladder(page) -> None:
    page.goto("/discover/private/ladder/")
    page.locator("#private-matching").wait_for(state="visible")


def test_answers_follow_alex_to_a_second_device_by_the_phrase_alone(open_page):
    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    pair(alex, blake)
    for page in (alex, blake):
        page.goto("/discover/private/")
        page.get_by_role("button", name="Tick: I'd like private matching").click()
    blake.wait_for_url("**/discover/private/ladder/")

    bodies: list[str] = []
    snapshots: list[str] = []

    def record(request):
        if request.post_data:
            bodies.append(request.post_data)

    def snapshot(request):
        if request.method == "POST":
            snapshots.append(_rows())

    alex.on("request", record)
    alex.on("requestfinished", snapshot)
    _ladder(alex)
    for (item, role), choice in ALEX.items():
        _radio(alex, item, role, choice).check()

    # Device one keeps a locked copy, and shows the phrase once.
    alex.get_by_role("button", name="Keep a locked copy").click()
    phrase = alex.locator("#copy-phrase-text")
    phrase.wait_for(state="visible", timeout=20_000)
    shown = phrase.inner_text().strip()
    assert normalise_recovery_code(shown)
    # A change after that goes into the copy too.
    _radio(alex, "kisses-buttocks", "receive", "curious").check()
    status = alex.locator("#private-status")
    status.filter(has_text="and in your locked copy").wait_for()
    answers = {**ALEX, ("kisses-buttocks", "receive"): "curious"}

    # Device two: the same person, another browser. Nothing is there until the phrase.
    second = open_page()
    second.on("request", record)
    second.on("requestfinished", snapshot)
    _log_in(second, "alex")
    _ladder(second)
    assert not _radio(second, "buttock-massage", "give", "yes").is_checked()
    copy_status = second.locator("#copy-status")
    second.get_by_label("Your phrase").fill("0000-0000-0000-0000-0000-0000")
    second.get_by_role("button", name="Bring my answers here").click()
    copy_status.filter(has_text="doesn't open the copy").wait_for(timeout=20_000)
    # Typed loosely: lower case, spaces for dashes.
    second.get_by_label("Your phrase").fill(shown.lower().replace("-", " "))
    second.get_by_role("button", name="Bring my answers here").click()
    copy_status.filter(has_text="Your answers are here").wait_for(timeout=20_000)
    for (item, role), choice in answers.items():
        assert _radio(second, item, role, choice).is_checked(), (item, role)

    # A change on device two reaches device one, which was open all along.
    _radio(second, "playful-squeeze", "receive", "no").check()
    second.locator("#private-status").filter(has_text="and in your locked copy").wait_for()
    answers[("playful-squeeze", "receive")] = "no"
    expect(_radio(alex, "playful-squeeze", "receive", "no")).to_be_checked(timeout=10_000)
    alex.locator("#copy-status").filter(has_text="brought up to date here").wait_for()

    # What the server was sent and kept: sealed bytes, nothing else.
    recorded = "\n".join(bodies + snapshots)
    assert any("ciphertext" in body for body in bodies)
    for item, _role in answers:
        assert item not in recorded, item
    for secret in (shown, shown.lower(), normalise_recovery_code(shown)):
        assert secret not in recorded
    assert '"curious"' not in recorded and '"yes"' not in recorded

    # And the copy holds exactly Alex's answers, for whoever has the phrase.
    person = User.objects.get(username="alex")
    row = PrivateAnswersCopy.objects.get(person=person)
    content = ac.open_copy(
        ac.Copy(row.salt, row.iv, row.ciphertext),
        phrase=normalise_recovery_code(shown),
        person_id=person.public_id.hex,
    )
    pack = default_pack()
    assert content["packs"][pack.id] == {f"{i}__{r}": c for (i, r), c in answers.items()}
    assert row.version == 3

    # The page as a third device sees it (the phrase asked for) passes axe, and every control
    # is large enough for a finger.
    third = open_page(bypass_csp=True, **PHONE)  # only so that axe can be injected
    _log_in(third, "alex")
    _ladder(third)
    third.get_by_label("Your phrase").wait_for(state="visible")
    third.add_script_tag(content=AXE)
    assert third.evaluate(RUN_AXE, AXE_TAGS) == []
    assert third.evaluate(SMALL_TARGETS) == []

    # Stopping the copy deletes it, and device one stops keeping it too.
    second.get_by_role("button", name="Stop keeping a copy").click()
    copy_status.filter(has_text="The locked copy is deleted").wait_for()
    assert not PrivateAnswersCopy.objects.exists()
    alex.get_by_role("button", name="Keep a locked copy").wait_for(state="visible")
    assert _radio(alex, "buttock-massage", "give", "yes").is_checked()  # still in the browser
