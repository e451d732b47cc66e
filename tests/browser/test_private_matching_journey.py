"""Private matching, end to end in two browsers (issue #17): both tick it, answer in their
browsers, run the match, and see the same reveal the ordinary mode shows for the same answers.

While it runs, every request body either browser sends and every row of every table (read
after each request) is recorded; none may hold an item id, a token or a hashed point of
anything outside the final mutual set."""

import re

from django.apps import apps
from django.test import Client

from handhold.accounts.models import User
from handhold.content.registry import default_pack
from handhold.core import matching
from handhold.core import private_matching as pm
from handhold.discovery import services
from handhold.discovery.models import Answer, PrivateRun
from tests.browser.steps import pair, sign_up

ALEX = {
    ("buttock-massage", "give"): "yes",
    ("playful-squeeze", "give"): "yes",
    ("playful-squeeze", "receive"): "curious",
    ("kisses-buttocks", "receive"): "yes",  # one-sided: Blake says no
    ("bathe-together", "together"): "no",
}
BLAKE = {
    ("buttock-massage", "receive"): "curious",
    ("playful-squeeze", "give"): "yes",
    ("playful-squeeze", "receive"): "yes",
    ("kisses-buttocks", "give"): "no",
    ("bare-skin-touch", "give"): "yes",  # one-sided: Alex never answers it
    ("bathe-together", "together"): "yes",  # Alex says no
}


def _rows() -> str:
    """Every row of every table, as text."""
    out = []
    for model in apps.get_models():
        out.extend(str(row) for row in model.objects.all().values_list())
    return "\n".join(out)


def _mutual_lines(html: str) -> list[str]:
    return sorted(
        re.sub(r"<[^>]+>", "", line).replace("&nbsp;", " ").strip()
        for line in re.findall(r"<li>(.*?)</li>", html.split('class="first-evening"')[0])
        if "<strong>" in line
    )


def _ordinary_reveal(make, choices_a, choices_b) -> list[str]:
    """The ordinary mode's reveal for the same answers, as the first person sees it."""
    pack = default_pack()
    first, second = make("casey"), make("drew")
    from handhold.accounts import services as accounts

    code = accounts.create_invitation(inviter=first)
    accounts.join_with_code(user=second, code=code)
    for person, choices in ((first, choices_a), (second, choices_b)):
        person.refresh_from_db()
        services.save_answers(person=person, pack=pack, choices=choices)
        services.mark_finished(person=person, pack=pack)
    client = Client()
    client.force_login(first)
    return _mutual_lines(client.get("/discover/together/").content.decode())


def test_private_matching_reveals_what_the_ordinary_mode_does_and_sends_nothing_else(
    open_page,
):
    alex, blake = open_page(), open_page()
    sign_up(alex, "alex")
    sign_up(blake, "blake")
    pair(alex, blake)

    bodies: list[str] = []
    snapshots: list[str] = []

    def record(request):
        if request.post_data:
            bodies.append(request.post_data)

    def snapshot(request):
        if request.method == "POST":
            snapshots.append(_rows())

    for page in (alex, blake):
        page.on("request", record)
        page.on("requestfinished", snapshot)
        page.goto("/discover/private/")
        page.get_by_role("button", name="Tick: I'd like private matching").click()
    blake.wait_for_url("**/discover/private/ladder/")

    for page, choices in ((alex, ALEX), (blake, BLAKE)):
        page.goto("/discover/private/ladder/")
        page.locator("#private-matching").wait_for(state="visible")
        for (item, role), choice in choices.items():
            page.locator(f"input[name='{item}__{role}'][value='{choice}']").check()
    # Kept in the browser: a reload fills the ladder again from this browser alone.
    alex.reload()
    alex.locator("#private-matching").wait_for(state="visible")
    assert alex.locator("input[name='buttock-massage__give'][value='yes']").is_checked()

    alex.get_by_role("button", name="Run the match").click()
    blake.get_by_role("button", name="Join the run").wait_for(state="visible")
    assert "started run 1" in blake.locator("#private-status").inner_text()
    locked = blake.locator("input[name='buttock-massage__receive'][value='no']")
    assert locked.is_disabled()  # answers wait during a run
    blake.get_by_role("button", name="Join the run").click()
    for page in (alex, blake):
        page.wait_for_url("**/discover/together/", timeout=20_000)

    text = alex.locator("main").inner_text().replace("\xa0", " ")
    assert "A massage of the buttocks — you give" in text
    assert "A playful squeeze — both ways" in text
    shown = _mutual_lines(alex.content())
    people = [User.objects.get(username=n) for n in ("alex", "blake")]

    def make(name):
        return User.objects.create_user(name, password="a long and quiet passphrase")

    assert shown == _ordinary_reveal(make, ALEX, BLAKE)

    # What was sent and kept.
    assert not Answer.objects.filter(person__in=people).exists()
    pack = default_pack()
    catalog = services.catalog_of(pack)
    ids = pm.people_in_order(people[0].public_id.hex, people[1].public_id.hex)
    # The reveal names receivers by primary key, as the ordinary mode does; the protocol by
    # public id.
    public = {str(p.pk): p.public_id.hex for p in people}
    mutual = {
        matching.Token(t.level, t.item_id, public.get(t.receiver, t.receiver))
        for t in services.reveal_for(viewer=people[0], pack=pack).tokens
    }
    mutual_items = {t.item_id for t in mutual}
    (run,) = PrivateRun.objects.filter(couple_id=people[0].couple_id)
    dst = pm.dst(couple_id=people[0].couple.public_id.hex, run_id=run.public_id.hex)
    every = set()
    for item_id, item in catalog.items():
        for role in item.roles:
            for me, other in (ids, ids[::-1]):
                every |= matching.open_tokens(
                    [matching.Answer(item_id, role, "yes")],
                    me=me,
                    partner=other,
                    catalog=catalog,
                    opened=5,
                )
    recorded = "\n".join(bodies + snapshots)
    states = [page.request.get("/discover/private/state/").text() for page in (alex, blake)]
    assert all(people[0].public_id.hex in state for state in states)
    # The browsers were told public ids, never primary keys (a key is a small number, so look
    # for it as the JSON value it would have been).
    for key in (str(people[0].pk), str(people[1].pk), str(people[0].couple_id)):
        assert f'"{key}"' not in "\n".join(states)
    assert snapshots and any("round_two" in s for s in snapshots)
    for token in every - mutual:
        text_bytes = pm.token_bytes(token, people=ids)
        assert text_bytes.decode() not in recorded
        assert pm.hash_to_group(text_bytes, dst).hex() not in recorded
        if token.item_id not in mutual_items:
            assert token.item_id not in recorded, token.item_id
