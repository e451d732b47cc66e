"""The privacy rules, tested as a security boundary.

- After unpairing or deletion, no page, export or error shows the former partner anything;
  pairing errors say nothing about other people.
- Discover: everything one partner can see is byte-for-byte the same for any two answer sets
  of the other that have the same mutual set, and for any level the other opened the ladder
  to; while waiting, it is the same whether the other answered nothing or everything, opened
  one level or all. Journal text never reaches the partner.

Each later stage adds its own rules here.
"""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from handhold.accounts import services
from handhold.content.registry import all_packs, default_pack
from handhold.discovery.models import Answer, FinishedAnswering, OpenedLevel
from handhold.discovery.services import mark_finished, save_answers
from handhold.discovery.tests.ladder import open_levels
from handhold.together.state import rebuild_journey
from tests.test_urls import PRIVATE_GET, PUBLIC, url


def everything_seen_by(user) -> str:
    """Every page, export, JSON answer and error message `user` can open, as one string."""
    client = Client()
    client.force_login(user)
    seen = []
    for name in PUBLIC + PRIVATE_GET:
        seen.append(client.get(url(name)).content.decode())
    seen.append(client.post(reverse("accounts:join"), {"code": "ABCD" * 5}).content.decode())
    seen.append(client.get("/no-such-page/").content.decode())
    seen.append(client.get(reverse("discovery:card", args=["no-such-card"])).content.decode())
    seen.append(
        client.post(
            reverse("discovery:discover"), {"compliment-body__give": "not-a-choice"}
        ).content.decode()
    )
    seen.append(
        client.post(
            reverse("discovery:reflect"),
            {"why-do-i-want-this__marker": "nonsense"},
            headers={"X-Requested-With": "handhold-autosave"},
        ).content.decode()
    )
    return "\n".join(seen)


def normalised(html: str) -> str:
    """Only CSRF tokens, timestamps and the list of this person's own log-ins (each look is one
    more) may differ between two otherwise equal views."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'<ul class="sessions">.*?</ul>', "<sessions>", html, flags=re.S)
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?", "<time>", html)


def test_after_unpairing_neither_sees_anything_of_the_other(asker, partner):
    assert "blake" in everything_seen_by(asker)
    services.unpair(user=partner)
    asker.refresh_from_db()
    partner.refresh_from_db()
    assert "blake" not in everything_seen_by(asker)
    assert "alex" not in everything_seen_by(partner)


def test_not_for_me_from_the_welcome_reads_like_any_unpairing(asker, partner, make_person):
    """The inviter cannot tell a "Not for me" on the welcome from an ordinary unpairing."""
    client = Client()
    client.force_login(partner)
    client.post(reverse("accounts:not_for_me"))
    asker.refresh_from_db()
    after_not_for_me = normalised(everything_seen_by(asker))
    blake2 = make_person("blake2")
    code = services.create_invitation(inviter=asker)
    services.join_with_code(user=blake2, code=code)
    blake2.refresh_from_db()
    services.unpair(user=blake2)
    asker.refresh_from_db()
    assert normalised(everything_seen_by(asker)) == after_not_for_me
    assert "You are not paired with anyone." in after_not_for_me


def test_a_partner_never_sees_where_or_when_the_other_is_logged_in(asker, partner):
    """Settings lists this person's own sessions only: the partner's devices and times of use
    show nowhere, however many they have."""
    from conftest import PASSPHRASE

    before = normalised(everything_seen_by(asker))
    phone = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile Safari")
    phone.post(reverse("accounts:login"), {"username": "blake", "password": PASSPHRASE})
    seen = everything_seen_by(asker)
    assert "A phone" not in seen
    assert normalised(seen) == before


def test_a_former_partner_sees_nothing_of_the_new_couple(asker, partner, former_partner):
    seen = everything_seen_by(former_partner)
    assert "alex" not in seen
    assert "blake" not in seen


def test_after_deletion_the_partner_sees_only_that_they_are_not_paired(asker, partner):
    client = Client()
    client.force_login(asker)
    client.post(reverse("accounts:delete"), {"confirm_username": "alex"})
    partner.refresh_from_db()
    seen = everything_seen_by(partner)
    assert "alex" not in seen
    assert "You are not paired with anyone." in seen


def test_the_export_holds_nothing_of_a_former_partner(asker, former_partner):
    client = Client()
    client.force_login(asker)
    data = json.loads(client.get(reverse("accounts:export")).content)
    assert "dana" not in json.dumps(data)


def test_a_stranger_sees_nothing_of_a_couple(asker, partner, stranger):
    seen = everything_seen_by(stranger)
    assert "alex" not in seen and "blake" not in seen


def _join_error(user, code: str) -> str:
    client = Client()
    client.force_login(user)
    return normalised(client.post(reverse("accounts:join"), {"code": code}).content.decode())


def test_pairing_errors_say_nothing_about_other_people(make_person):
    """Used, withdrawn, own, paired-since and never-issued codes all read the same."""
    sky, robin, kim, lee, mo = (make_person(n) for n in ("sky", "robin", "kim", "lee", "mo"))
    joiner = make_person("joiner")

    used = services.create_invitation(inviter=sky)
    services.join_with_code(user=robin, code=used)
    withdrawn = services.create_invitation(inviter=kim)
    services.withdraw_invitation(inviter=kim)
    paired_since = services.create_invitation(inviter=lee)
    services.join_with_code(user=lee, code=services.create_invitation(inviter=mo))
    own = services.create_invitation(inviter=joiner)
    never_issued = "ABCD-EFGH-JKMN-PQRS-TVWX"

    answers = {
        label: _join_error(joiner, code).replace(code, "<code>")
        for label, code in [
            ("used", used),
            ("withdrawn", withdrawn),
            ("paired since", paired_since),
            ("own", own),
            ("never issued", never_issued),
        ]
    }
    assert len(set(answers.values())) == 1, answers.keys()
    assert services.CODE_DOES_NOT_WORK.replace("'", "&#39;") in answers["used"]


@pytest.mark.django_db
def test_the_sign_up_page_is_the_same_whoever_else_has_an_account(client, make_person):
    before = normalised(client.get(reverse("accounts:sign_up")).content.decode())
    make_person("someone")
    after = normalised(Client().get(reverse("accounts:sign_up")).content.decode())
    assert before == after


# Discover: the reveal ---------------------------------------------------------------------

# The reveal's privacy holds in every installed pack: the property tests below run once per
# pack, with the couple's topic set to it (`topic`), and draw answers from that pack's items.
PACK = default_pack()
PACKS = sorted(all_packs())
COMPLEMENT = {"give": "receive", "receive": "give", "together": "together"}
OPEN = {"yes", "curious"}
EXAMPLES = hypothesis_settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def item_roles(pack) -> list[tuple[str, str]]:
    return [(a.id, role) for a in pack.activities for role in a.roles]


def levels(pack) -> dict[str, int]:
    return {a.id: a.level for a in pack.activities}


def answer_sets(pack):
    return st.dictionaries(
        st.sampled_from(item_roles(pack)), st.sampled_from(["yes", "curious", "no"]), max_size=25
    )


@pytest.fixture(params=PACKS)
def topic(request, asker, partner):
    """The couple's topic, chosen as any couple chooses it: one suggests it, the other says
    yes (the default pack needs neither)."""
    pack = all_packs()[request.param]
    if pack.id != PACK.id:
        from handhold.together import topics

        suggestion = topics.suggest_topic(user=asker, pack=pack)
        topics.answer_suggestion(user=partner, public_id=suggestion.public_id, answer="yes")
    return pack


def set_opened(person, level: int, pack=PACK) -> None:
    """How far `person` opened the ladder. (A person only ever opens further; tests go back
    and forth directly.)"""
    OpenedLevel.objects.update_or_create(person=person, pack_id=pack.id, defaults={"level": level})


def set_answers(person, choices: dict, opened: int = 5, pack=PACK) -> None:
    """`person` opened the ladder to `opened` (all of it by default) and gave these answers;
    the service keeps only those at levels opened."""
    set_opened(person, opened, pack)
    Answer.objects.filter(person=person, pack_id=pack.id).delete()
    save_answers(person=person, pack=pack, choices=choices)


def store_answers(person, choices: dict, opened: int, pack=PACK) -> None:
    """Rows written straight to the table, also above the level opened (say, kept from before
    levels opened one at a time): the reveal must ignore those by itself."""
    set_opened(person, opened, pack)
    Answer.objects.filter(person=person, pack_id=pack.id).delete()
    Answer.objects.bulk_create(
        Answer(person=person, pack_id=pack.id, item_id=item, role=role, choice=choice)
        for (item, role), choice in choices.items()
    )


def within(choices: dict, opened: int, pack=PACK) -> dict:
    """The answers that count: those at levels opened."""
    level = levels(pack)
    return {key: choice for key, choice in choices.items() if level[key[0]] <= opened}


def set_finished(person, finished: bool, pack=PACK) -> None:
    """Finished or not: the mark is taken away by hand (no service does that), and the
    couple's journey rows are rebuilt from the facts, as after any change by hand."""
    FinishedAnswering.objects.filter(person=person, pack_id=pack.id).delete()
    rebuild_journey(person.couple_id)
    if finished:
        mark_finished(person=person, pack=pack)


def view_of(user) -> str:
    return normalised(everything_seen_by(user))


def mutual_keys(first: dict, second: dict) -> set:
    return {
        (item, role)
        for (item, role), choice in first.items()
        if choice in OPEN and second.get((item, COMPLEMENT[role])) in OPEN
    }


@EXAMPLES
@given(data=st.data())
def test_the_partner_sees_only_the_mutual_set(asker, partner, topic, data):
    """Swap every non-mutual answer of Alex's (and yes for curious on mutual ones): Blake's
    view of everything stays byte-for-byte the same."""
    alex, blake = data.draw(answer_sets(topic)), data.draw(answer_sets(topic))
    set_finished(asker, True, topic)
    set_finished(partner, True, topic)
    set_answers(partner, blake, pack=topic)
    set_answers(asker, alex, pack=topic)
    before = view_of(partner)

    shared = mutual_keys(alex, blake)
    other = {}
    for item, role in item_roles(topic):
        if (item, role) in shared:
            other[(item, role)] = data.draw(st.sampled_from(["yes", "curious"]))
            continue
        partner_open = blake.get((item, COMPLEMENT[role])) in OPEN
        options = ["no", "skip"] if partner_open else ["no", "skip", "yes", "curious"]
        choice = data.draw(st.sampled_from(options))
        if choice != "skip":
            other[(item, role)] = choice
    assert mutual_keys(other, blake) == shared
    set_answers(asker, other, pack=topic)
    assert view_of(partner) == before


levels_opened = st.integers(min_value=2, max_value=5)


@EXAMPLES
@given(
    alex_finished=st.booleans(),
    alex_opened=levels_opened,
    blake_opened=levels_opened,
    data=st.data(),
)
def test_while_waiting_the_partner_sees_the_same_whatever_the_other_did(
    asker, partner, topic, alex_finished, alex_opened, blake_opened, data
):
    """Blake has not finished: nothing Alex answered, not how far Alex opened the ladder, and
    not even whether Alex finished, shows through anywhere."""
    alex, blake = data.draw(answer_sets(topic)), data.draw(answer_sets(topic))
    set_finished(partner, False, topic)
    set_answers(partner, blake, opened=blake_opened, pack=topic)
    set_answers(asker, {}, opened=2, pack=topic)
    set_finished(asker, False, topic)
    before = view_of(partner)
    set_answers(asker, alex, opened=alex_opened, pack=topic)
    set_finished(asker, alex_finished, topic)
    assert view_of(partner) == before


@EXAMPLES
@given(alex_opened=levels_opened, data=st.data())
def test_after_finishing_alone_the_page_waits_whatever_the_other_answered(
    asker, partner, topic, alex_opened, data
):
    alex, blake = data.draw(answer_sets(topic)), data.draw(answer_sets(topic))
    set_finished(partner, True, topic)
    set_answers(partner, blake, pack=topic)
    set_finished(asker, False, topic)
    set_answers(asker, {}, opened=2, pack=topic)
    before = view_of(partner)
    set_answers(asker, alex, opened=alex_opened, pack=topic)
    assert view_of(partner) == before
    assert "Waiting for both of you." in before


@EXAMPLES
@given(alex_opened=levels_opened, blake_opened=levels_opened, data=st.data())
def test_the_partner_sees_the_same_whatever_level_the_other_opened(
    asker, partner, topic, alex_opened, blake_opened, data
):
    """Change how far Alex opened the ladder, and anything Alex answered outside the mutual
    set, also above the level Alex opened: Blake's view of everything stays byte-for-byte the
    same."""
    alex, blake = data.draw(answer_sets(topic)), data.draw(answer_sets(topic))
    level = levels(topic)
    set_finished(asker, True, topic)
    set_finished(partner, True, topic)
    set_answers(partner, blake, opened=blake_opened, pack=topic)
    store_answers(asker, alex, opened=alex_opened, pack=topic)
    before = view_of(partner)

    blake_counts = within(blake, blake_opened, topic)
    shared = mutual_keys(within(alex, alex_opened, topic), blake_counts)
    least_opened = max([2] + [level[item] for item, _ in shared])
    other_opened = data.draw(st.integers(min_value=least_opened, max_value=5))
    other = {}
    for item, role in item_roles(topic):
        if (item, role) in shared:
            other[(item, role)] = data.draw(st.sampled_from(["yes", "curious"]))
            continue
        partner_open = blake_counts.get((item, COMPLEMENT[role])) in OPEN
        counts = level[item] <= other_opened
        options = ["no", "skip"] if partner_open and counts else ["no", "skip", "yes", "curious"]
        choice = data.draw(st.sampled_from(options))
        if choice != "skip":
            other[(item, role)] = choice
    assert mutual_keys(within(other, other_opened, topic), blake_counts) == shared
    store_answers(asker, other, opened=other_opened, pack=topic)
    assert view_of(partner) == before


def test_opening_further_and_saying_yes_up_there_shows_the_partner_nothing(asker, partner):
    """Alex opens all five levels and says yes to everything at levels 3 to 5; Blake opened
    only the gentle levels. Blake's view is the one Blake had while Alex had opened only those
    too."""
    gentle = {("buttock-massage", "give"): "yes", ("touch-over-clothes", "give"): "curious"}
    set_answers(partner, {("buttock-massage", "receive"): "yes"}, opened=2)
    set_answers(asker, gentle, opened=2)
    set_finished(asker, True)
    set_finished(partner, True)
    before = view_of(partner)
    assert "A massage of the buttocks" in before

    open_levels(asker)
    level = levels(PACK)
    higher = {(item, role): "yes" for item, role in item_roles(PACK) if level[item] >= 3}
    save_answers(person=asker, pack=PACK, choices=higher)
    assert Answer.objects.filter(person=asker).count() == len(gentle) + len(higher)
    assert view_of(partner) == before

    # The test can tell: once Blake opens level 4 and is open to a plug, Blake sees it.
    open_levels(partner, up_to=4)
    save_answers(person=partner, pack=PACK, choices={("small-plug", "receive"): "curious"})
    assert "A small plug" in view_of(partner)


def test_journal_text_never_reaches_the_partner(asker, partner):
    secret = "A sentence only Alex may ever read, zq7f3awk."
    client = Client()
    client.force_login(asker)
    client.post(
        reverse("discovery:reflect"),
        {"why-do-i-want-this__text": secret, "why-do-i-want-this__marker": "unsure"},
    )
    set_finished(asker, True)
    set_finished(partner, True)
    assert secret in everything_seen_by(asker)
    seen = everything_seen_by(partner)
    assert secret not in seen
    assert "zq7f3awk" not in seen


def test_the_export_holds_only_ones_own_answers_and_journal(asker, partner):
    set_answers(asker, {("pegging", "give"): "no"})
    set_answers(partner, {("pegging", "receive"): "yes"}, opened=5)
    set_opened(asker, 3)
    client = Client()
    client.force_login(partner)
    data = json.loads(client.get(reverse("accounts:export")).content)
    assert [o["level"] for o in data["opened_levels"]] == [5]
    assert data["answers"] == [
        {
            "pack": "anal-play",
            "item": "pegging",
            "role": "receive",
            "answer": "yes",
            "updated_at": data["answers"][0]["updated_at"],
        }
    ]


# Talk ---------------------------------------------------------------------------------------


def _send_and_answer(asker, partner, choice):
    from handhold.conversation.models import TalkInvitation

    sender, recipient = Client(), Client()
    sender.force_login(asker)
    recipient.force_login(partner)
    sender.post(
        reverse("conversation:invite"),
        {"message": "Would you like to talk sometime? A no is completely fine."},
    )
    invitation = TalkInvitation.objects.get(answer="")
    recipient.post(reverse("conversation:answer", args=[invitation.public_id]), {"answer": choice})


def test_the_asker_cannot_tell_not_now_from_not_for_me(asker, partner):
    from handhold.conversation.models import TalkInvitation

    _send_and_answer(asker, partner, "not_now")
    after_not_now = normalised(everything_seen_by(asker))
    TalkInvitation.objects.all().delete()
    rebuild_journey(asker.couple_id)
    _send_and_answer(asker, partner, "not_for_me")
    assert normalised(everything_seen_by(asker)) == after_not_now
    assert "rests for now" in after_not_now


def test_drafts_and_is_it_you_answers_never_reach_the_partner(asker, partner):
    client = Client()
    client.force_login(asker)
    client.post(
        reverse("conversation:plan"),
        {"style": "text", "text": "Draft words only Alex sees, zq91c2wk."},
    )
    client.post(
        reverse("conversation:is_it_you"),
        {"selling-or-sharing__text": "A motive only Alex sees, zq5d7ewk."},
    )
    mine = everything_seen_by(asker)
    assert "zq91c2wk" in mine and "zq5d7ewk" in mine
    theirs = everything_seen_by(partner)
    assert "zq91c2wk" not in theirs and "zq5d7ewk" not in theirs


# Go slowly ----------------------------------------------------------------------------------


def _settled_couple(asker, partner):
    """Mutual at levels 1, 2 and 4; pegging is Alex's alone; both said "we talked" three days
    ago."""
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from handhold.couples.services import record_talk_confirmation

    for person, role in ((asker, "give"), (partner, "receive")):
        open_levels(person)
        save_answers(
            person=person,
            pack=PACK,
            choices={
                ("compliment-body", role): "yes",
                ("buttock-massage", role): "yes",
                ("small-plug", role): "yes",
            },
        )
        mark_finished(person=person, pack=PACK)
    save_answers(person=asker, pack=PACK, choices={("pegging", "receive"): "yes"})
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        for person in (asker, partner):
            record_talk_confirmation(user=person, pack_id=default_pack().id)


def _ended_session(asker, partner):
    """A first session, gentle by rule: a compliment, then a massage; it ended without red."""
    from handhold.together.models import SessionPlan

    a, b = Client(), Client()
    a.force_login(asker)
    b.force_login(partner)
    a.post(
        reverse("together:sessions"),
        {
            "steps": ["compliment-body|you", "buttock-massage|you"],
            "ceiling": 2,
            "stop_word": "Pineapple",
        },
    )
    plan = SessionPlan.objects.get()
    b.post(
        reverse("together:respond", args=[plan.public_id]),
        {
            "decision": "accept",
            "keep": ["compliment-body|me", "buttock-massage|me"],
            "ceiling": 2,
            "stop_word": "Pineapple",
        },
    )
    a.post(reverse("together:start", args=[plan.public_id]))
    a.post(reverse("together:move_on", args=[plan.public_id]))
    a.post(reverse("together:finish", args=[plan.public_id]))
    plan.refresh_from_db()
    assert plan.status == "ended" and plan.current_position == 2
    return plan, a, b


def _session_pages(user, plan) -> str:
    client = Client()
    client.force_login(user)
    return normalised(
        everything_seen_by(user)
        + client.get(reverse("together:session", args=[plan.public_id])).content.decode()
        + client.get(reverse("together:debrief", args=[plan.public_id])).content.decode()
    )


def _form_values(html: str) -> list[str]:
    """Everything a form on the page would send: each input's, button's and option's value."""
    return re.findall(r'<(?:input|button|option)\b[^>]*\bvalue="([^"]*)"', html)


def test_no_form_on_the_session_pages_carries_anyones_id(make_person, pair):
    """A step is offered as 'item|me', 'item|you' or 'item|both', from the viewer's side:
    nothing a form sends names either person, and every address names its object by a random
    id. The two have ids far from any number a page shows (levels, positions), so that a
    match can only be an id."""
    from handhold.accounts.models import User
    from handhold.conversation.models import TalkInvitation
    from handhold.notice.services import log_reaction
    from handhold.together.models import SessionPlan

    river = User.objects.create_user("river", id=7_340_033)
    sky = User.objects.create_user("sky", id=9_437_189)
    pair(river, sky)
    _settled_couple(river, sky)
    r, s = Client(), Client()
    r.force_login(river)
    s.force_login(sky)
    pages = [r.get(reverse("together:sessions")).content.decode()]
    assert 'value="compliment-body|you"' in pages[0]  # the steps offered, as River sees them
    r.post(
        reverse("together:sessions"),
        {"steps": ["compliment-body|you", "buttock-massage|you"], "ceiling": 2, "stop_word": "x"},
    )
    plan = SessionPlan.objects.get()
    session = reverse("together:session", args=[plan.public_id])
    pages += [s.get(session).content.decode(), s.get(reverse("together:journey")).content.decode()]
    assert 'value="buttock-massage|me"' in pages[-2]  # the steps to answer, as Sky sees them
    pages.append(r.get(session).content.decode())
    s.post(
        reverse("together:respond", args=[plan.public_id]),
        {"decision": "accept", "keep": ["compliment-body|me"], "ceiling": 2, "stop_word": "x"},
    )
    r.post(reverse("together:start", args=[plan.public_id]))
    pages += [client.get(session).content.decode() for client in (r, s)]
    r.post(reverse("together:check_in", args=[plan.public_id]), {"light": "red"})
    pages += [r.get(reverse("together:sessions")).content.decode()]
    pages += [r.get(reverse("together:debrief", args=[plan.public_id])).content.decode()]
    # And every other page, with an invitation to talk and a Notice entry to act on.
    TalkInvitation.objects.create(
        couple_id=sky.couple_id, sender=sky, pack_id=PACK.id, message="Talk?"
    )
    rebuild_journey(sky.couple_id)
    log_reaction(author=river, pack=PACK, reaction="comfortable")
    pages += [everything_seen_by(river), everything_seen_by(sky)]
    assert '/delete/"' in pages[-2] and '/answer/"' in pages[-2]  # River's two forms
    ids = {str(river.pk), str(sky.pk)}
    for page in pages:
        for value in _form_values(page):
            assert not ids & set(re.split(r"[^0-9A-Za-z]+", value)), value
        # Nor does any address say how many of anything there are: no sequential id in a path.
        for address in re.findall(r'\b(?:action|href)="([^"]*)"', page):
            assert not re.search(r"/\d+(/|$)", address), address


@pytest.mark.parametrize("pace", ["slower", "same", "further", "stop"])
def test_a_debrief_shows_nothing_to_the_partner_before_both_wrote(asker, partner, pace):
    """Blake's pages are byte-for-byte the same whether Alex has written a debrief (with any
    pace, even "stop") or not."""
    _settled_couple(asker, partner)
    plan, alex, _ = _ended_session(asker, partner)
    before = _session_pages(partner, plan)
    alex.post(
        reverse("together:debrief", args=[plan.public_id]),
        {"felt": "Alex's private words, zq77aawk.", "good": "x", "change": "y", "pace": pace},
    )
    after = _session_pages(partner, plan)
    assert "zq77aawk" not in after
    assert after == before


def test_a_proposal_never_shows_a_non_mutual_item(asker, partner):
    _settled_couple(asker, partner)
    plan, _, _ = _ended_session(asker, partner)
    for person in (asker, partner):
        client = Client()
        client.force_login(person)
        pages = (
            client.get(reverse("together:sessions")).content.decode()
            + client.get(reverse("together:session", args=[plan.public_id])).content.decode()
            + client.get(reverse("together:journey")).content.decode()
        )
        assert "Pegging" not in pages and "pegging" not in pages


def test_the_partner_sees_the_same_whatever_levels_the_other_holds_back(asker, partner):
    """Alex said stop (or red) at some level: Blake's pages are byte-for-byte the same whichever
    level rests, and say only the neutral line that both see. Alex alone sees what rests."""
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from handhold.together.models import Halt

    _settled_couple(asker, partner)
    plan, alex, blake = _ended_session(asker, partner)
    for client in (alex, blake):
        client.post(
            reverse("together:debrief", args=[plan.public_id]),
            {"felt": "Fine.", "good": "", "change": "", "pace": "same"},
        )
    theirs, mine = set(), set()
    with time_machine.travel(timezone.now() + timedelta(days=5)):
        for level in (1, 2, 3, 4, 5):
            Halt.objects.all().delete()
            Halt.objects.create(
                couple_id=asker.couple_id,
                plan=plan,
                why="stop",
                level=level,
                held_by=asker,
                since=timezone.now() - timedelta(days=4),
            )
            rebuild_journey(asker.couple_id)
            theirs.add(re.sub(r"/sessions/resting/[0-9a-f-]+/", "", _session_pages(partner, plan)))
            mine.add(re.sub(r"/sessions/resting/[0-9a-f-]+/", "", _session_pages(asker, plan)))
    assert len(theirs) == 1
    (seen,) = theirs
    assert "Some steps are resting for now." in seen and "Open level" not in seen
    assert len(mine) == 5  # the holder's own pages do change: the test can tell


@pytest.mark.parametrize("alex_choice", ["yes", "curious", "no", "skip"])
def test_settle_ideas_are_the_same_whatever_the_other_said_outside_the_mutual_set(
    asker, partner, alex_choice
):
    """While the two settle, Blake's ideas come from what both want: Alex's answer about an
    item Blake said no to changes nothing Blake sees."""
    from handhold.couples.services import record_talk_confirmation

    _settled_couple(asker, partner)
    for person in (asker, partner):
        record_talk_confirmation(
            user=person, pack_id=default_pack().id
        )  # already both: the settle clock ran long ago
    from django.utils import timezone

    from handhold.couples.models import TalkConfirmation

    TalkConfirmation.objects.update(confirmed_at=timezone.now())
    rebuild_journey(asker.couple_id)
    save_answers(person=partner, pack=PACK, choices={("touch-over-clothes", "receive"): "no"})
    save_answers(person=asker, pack=PACK, choices={("touch-over-clothes", "give"): "yes"})
    baseline = view_of(partner)
    save_answers(person=asker, pack=PACK, choices={("touch-over-clothes", "give"): alex_choice})
    assert view_of(partner) == baseline
    settle = baseline.split('id="settle-heading"')[1].split("</section>")[0]
    assert "A compliment about their body" in settle and "Touching over clothes" not in settle


def test_while_paused_the_other_is_told_kindly_and_cannot_resume(asker, partner):
    from handhold.couples.services import pause_everything

    pause_everything(user=asker)
    seen = everything_seen_by(partner)
    assert "Everything is paused for now" in seen
    assert 'action="/journey/resume/"' not in seen
    assert 'action="/journey/resume/"' in everything_seen_by(asker)


# Notice -------------------------------------------------------------------------------------


def _log_notice(user, data: dict) -> None:
    client = Client()
    client.force_login(user)
    assert client.post(reverse("notice:notice"), data).status_code == 302


@pytest.mark.parametrize("reaction", ["comfortable", "into_it", "not_sure", "uneasy"])
def test_a_notice_note_and_reaction_never_reach_the_partner(asker, partner, reaction):
    """Whatever Alex logs in Notice, everything Blake can open stays byte-for-byte the same,
    and Alex's own pages do show it."""
    before = view_of(partner)
    mine_before = view_of(asker)
    _log_notice(
        asker,
        {"idea": "a-first-squeeze", "reaction": reaction, "note": "Only Alex reads this, e4d2."},
    )
    assert view_of(partner) == before
    mine = view_of(asker)
    assert mine != mine_before and "e4d2" in mine


def test_an_uneasy_partner_log_never_changes_what_notice_suggests_to_the_other(asker, partner):
    _log_notice(partner, {"reaction": "uneasy", "note": "Blake's worry, zq0c7awk."})
    seen = everything_seen_by(asker)
    assert "Leave it for now" not in seen and "zq0c7awk" not in seen
    assert PACK.notice[0].text.replace("'", "&#39;") in seen


def test_notice_entries_stay_their_authors_after_unpairing(asker, partner, former_partner):
    from handhold.notice.models import NoticeEntry

    _log_notice(asker, {"reaction": "uneasy", "note": "Written while with Blake, zq2b6fwk."})
    (entry,) = NoticeEntry.objects.filter(author=asker)
    services.unpair(user=asker)
    partner.refresh_from_db()
    path = reverse("notice:delete", args=[entry.public_id])
    for person in (partner, former_partner):
        client = Client()
        client.force_login(person)
        assert client.post(path).status_code == 404
        assert "zq2b6fwk" not in everything_seen_by(person)
    assert NoticeEntry.objects.filter(pk=entry.pk).exists()


def test_the_export_holds_only_ones_own_notice_log(asker, partner):
    _log_notice(asker, {"reaction": "into_it", "note": "Alex's, zq5a5awk."})
    _log_notice(partner, {"reaction": "uneasy", "note": "Blake's, 6b6b."})
    client = Client()
    client.force_login(partner)
    data = json.loads(client.get(reverse("accounts:export")).content)
    assert [(e["reaction"], e["note"]) for e in data["notice"]] == [("uneasy", "Blake's, 6b6b.")]
    assert "zq5a5awk" not in json.dumps(data)


# The couple's journey row ---------------------------------------------------------------------

# Every field of the row both partners' pages read (couples.CoupleJourney), each something
# both already see. A new field is added here on purpose, after asking whether it could tell
# one partner anything of the other's private side: a no, a one-sided interest, a finished
# mark before the reveal, a level held back, how an invitation was declined. Those belong in
# the person's own side (PersonJourney) or in their own tables.
SHARED_JOURNEY_FIELDS = {
    "couple",
    "paired_since",
    # The topic both agreed to; who suggested another while it waits (the suggester knows,
    # and the other is asked). How a suggestion was answered is never here.
    "topic",
    "topic_suggested_by",
    "revealed_packs",
    "prepared_packs",
    "first_said_we_talked_by",
    "talked_at",
    "paused_by",
    "paused_at",
    "invitations_from",
    "open_plan_status",
    "open_plan_by",
    "had_session",
    "last_debriefs_written",
    "last_halt_at",
    "ceiling_after_history",
    # Private matching is on: only once both have ticked it, when both pages show the mode
    # anyway. One person's tick alone stays in its own row (test below).
    "private_matching",
}


def test_the_shared_journey_row_holds_only_what_both_see():
    from handhold.couples.models import CoupleJourney

    fields = {f.name for f in CoupleJourney._meta.get_fields() if f.name != "people"}
    assert fields == SHARED_JOURNEY_FIELDS


def shared_row(couple_id) -> dict:
    from handhold.couples.models import CoupleJourney

    return CoupleJourney.objects.filter(couple_id=couple_id).values().get()


@EXAMPLES
@given(alex_opened=levels_opened, alex_finished=st.booleans(), data=st.data())
def test_the_shared_row_is_the_same_whatever_one_partner_did_alone(
    asker, partner, topic, alex_opened, alex_finished, data
):
    """Blake has not finished: whatever Alex answered, however far Alex opened the ladder and
    whether Alex finished, the row both pages read is the same."""
    alex = data.draw(answer_sets(topic))
    set_finished(partner, False, topic)
    set_answers(asker, {}, opened=2, pack=topic)
    set_finished(asker, False, topic)
    before = shared_row(asker.couple_id)
    set_answers(asker, alex, opened=alex_opened, pack=topic)
    set_finished(asker, alex_finished, topic)
    assert shared_row(asker.couple_id) == before


def test_the_shared_row_is_the_same_whether_or_not_one_partner_ticked_private_matching(
    asker, partner
):
    from handhold.discovery import private

    before = shared_row(asker.couple_id)
    private.tick(person=asker)
    assert shared_row(asker.couple_id) == before
    private.untick(person=asker)
    assert shared_row(asker.couple_id) == before


def test_the_shared_row_is_the_same_after_not_now_and_not_for_me(asker, partner):
    from handhold.conversation.models import TalkInvitation

    _send_and_answer(asker, partner, "not_now")
    after_not_now = shared_row(asker.couple_id)
    TalkInvitation.objects.all().delete()
    rebuild_journey(asker.couple_id)
    _send_and_answer(asker, partner, "not_for_me")
    assert shared_row(asker.couple_id) == after_not_now
    assert after_not_now["invitations_from"] == {}


def test_the_one_who_suggested_a_topic_cannot_tell_not_now_from_not_for_me(asker, partner):
    """Every page and the export read the same to the suggester after either no."""
    from handhold.couples.models import TopicSuggestion
    from handhold.together import topics

    toys = all_packs()["toys-together"]
    seen = []
    for no in ("not_now", "not_for_me"):
        TopicSuggestion.objects.all().delete()
        rebuild_journey(asker.couple_id)
        suggestion = topics.suggest_topic(user=asker, pack=toys)
        topics.answer_suggestion(user=partner, public_id=suggestion.public_id, answer=no)
        seen.append(view_of(asker))
    assert seen[0] == seen[1]
    assert "Your partner has answered your suggestion of Toys together" in seen[0]
