"""Private matching mode (issue #17): switching it on, runs through the JSON views, the limits,
and that the reveal it stores is the ordinary reveal for the same answers. The browsers are
played by `private_matching.ClientRun`, the Python reference of private-matching.js."""

import importlib
import json
import re
import uuid
from pathlib import Path

import pytest
from django.urls import reverse

from handhold.accounts.models import User
from handhold.content.registry import default_pack
from handhold.core import answers_copy as ac
from handhold.core import matching
from handhold.core import private_matching as pm
from handhold.discovery import private, services
from handhold.discovery.models import Answer, PrivateAnswersCopy, PrivateMatch, PrivateRun
from handhold.together import services as together
from handhold.together.state import journey_from_facts, stored_journey

STATIC = Path(__file__).resolve().parents[1] / "static" / "discovery"
ASKER = {("massage", "give"): "yes", ("massage", "receive"): "curious", ("toy", "give"): "no"}
PARTNER = {("massage", "receive"): "yes", ("massage", "give"): "no", ("toy", "receive"): "yes"}


@pytest.fixture
def on(asker, partner):
    private.tick(person=asker)
    private.tick(person=partner)
    return asker, partner


def _answers(choices, pack):
    ids = [a.id for a in pack.activities if a.level <= matching.FIRST_OPEN_LEVEL]
    # The pack's own item ids: the fixtures' names stand for the first gentle ones.
    names = {"massage": ids[0], "toy": ids[1]}
    out = []
    for (name, role), choice in choices.items():
        activity = pack.activity(names[name])
        if role in activity.roles:
            out.append(matching.Answer(activity.id, role, choice))
    return out


def _browser(person, people, run, answers):
    pack = default_pack()
    catalog = services.catalog_of(pack)
    me = person.public_id.hex
    partner_id = next(p for p in people if p != me)
    tokens = matching.open_tokens(answers, me=me, partner=partner_id, catalog=catalog, opened=2)
    return pm.ClientRun(
        tokens=tokens,
        people=people,
        dst=pm.dst(couple_id=person.couple.public_id.hex, run_id=run.public_id.hex),
        ladder_size=pm.ladder_size(catalog),
    )


def _post(client, run, step, value):
    url = reverse("discovery:private_run_post", kwargs={"public_id": run.public_id})
    return client.post(
        url, json.dumps({"step": step, "set": value}), content_type="application/json"
    )


def _view(client, run):
    url = reverse("discovery:private_run", kwargs={"public_id": run.public_id})
    return client.get(url).json()


def _run_through(client_for, asker, partner, mine, theirs):
    a, b = client_for(asker), client_for(partner)
    response = a.post(reverse("discovery:private_run_start"))
    assert response.status_code == 201
    run = PrivateRun.objects.get(public_id=response.json()["public_id"])
    people = private.people_of(asker)
    ra, rb = _browser(asker, people, run, mine), _browser(partner, people, run, theirs)
    assert _post(a, run, "round-one", ra.round_one()).status_code == 200
    assert _view(a, run)["partner_round_one"] is None  # not before both are in
    assert _post(b, run, "round-one", rb.round_one()).status_code == 200
    a2 = ra.round_two(_view(a, run)["partner_round_one"])
    b2 = rb.round_two(_view(b, run)["partner_round_one"])
    assert _post(a, run, "round-two", a2).status_code == 200
    assert _view(a, run)["partner_round_two"] is None
    assert _post(b, run, "round-two", b2).status_code == 200
    texts_a = [
        pm.token_bytes(t, people=people).decode()
        for t in ra.mutual(_view(a, run)["partner_round_two"])
    ]
    texts_b = [
        pm.token_bytes(t, people=people).decode()
        for t in rb.mutual(_view(b, run)["partner_round_two"])
    ]
    _post(a, run, "mutual", texts_a)
    _post(b, run, "mutual", texts_b)
    run.refresh_from_db()
    return run


def test_it_is_on_only_when_both_tick_and_either_switches_it_off(asker, partner):
    pack = default_pack()
    services.save_answers(
        person=asker,
        pack=pack,
        choices={(pack.activities[0].id, pack.activities[0].roles[0]): "yes"},
    )
    services.mark_finished(person=asker, pack=pack)
    services.mark_finished(person=partner, pack=pack)
    assert stored_journey(asker.couple_id)[0]["revealed_packs"] == [pack.id]
    assert private.tick(person=asker) is False
    assert not private.is_on(partner)
    # One tick alone is that person's: the couple's row does not hold it.
    assert stored_journey(asker.couple_id)[0]["private_matching"] is False
    assert Answer.objects.filter(person=asker).exists()  # nothing changes until both tick
    assert private.tick(person=partner) is True
    assert private.is_on(asker) and private.is_on(partner)
    assert not Answer.objects.filter(person__in=[asker, partner]).exists()
    # The finished marks went with the answers, and the journey's rows with them.
    assert stored_journey(asker.couple_id) == journey_from_facts(asker.couple_id)
    assert stored_journey(asker.couple_id)[0]["revealed_packs"] == []
    assert stored_journey(asker.couple_id)[0]["private_matching"] is True
    private.untick(person=partner)
    assert not private.is_on(asker)
    assert stored_journey(asker.couple_id) == journey_from_facts(asker.couple_id)
    assert stored_journey(asker.couple_id)[0]["private_matching"] is False


def test_the_pages_read_the_mode_from_the_couples_row(client_for, on):
    """The ladder and the reveal ask the couple's journey row whether the mode is on, with the
    row they read for the navigation: it must follow the ticks both ways."""
    asker, partner = on
    ladder = client_for(asker).get(reverse("discovery:discover"))
    assert ladder.status_code == 302 and ladder.url == reverse("discovery:private_ladder")
    assert services.reveal_for(
        viewer=asker, pack=default_pack(), side=private_side(asker)
    ).private_mode
    private.untick(person=asker)
    assert client_for(partner).get(reverse("discovery:discover")).status_code == 200
    assert not services.reveal_for(
        viewer=partner, pack=default_pack(), side=private_side(partner)
    ).private_mode


def test_filling_the_rows_of_couples_already_in_the_mode(on):
    """The migration that added the field sets it for couples that had switched the mode on."""
    import importlib

    from django.apps import apps

    from handhold.couples.models import CoupleJourney

    asker, _partner = on
    CoupleJourney.objects.filter(couple_id=asker.couple_id).update(private_matching=False)
    importlib.import_module("handhold.together.migrations.0007_fill_private_matching").fill(
        apps, None
    )
    assert stored_journey(asker.couple_id) == journey_from_facts(asker.couple_id)
    assert CoupleJourney.objects.get(couple_id=asker.couple_id).private_matching


def private_side(user):
    from handhold.couples.services import journey_of

    return journey_of(user)


def test_the_stored_match_is_the_ordinary_reveal_and_feeds_sessions(client_for, on):
    asker, partner = on
    pack = default_pack()
    mine, theirs = _answers(ASKER, pack), _answers(PARTNER, pack)
    run = _run_through(client_for, asker, partner, mine, theirs)
    assert run.status == "done" and run.first_round_one is None  # points cleared
    expected = matching.reveal_mutual_interest(
        mine,
        theirs,
        first=str(asker.pk),
        second=str(partner.pk),
        catalog=services.catalog_of(pack),
        first_opened=2,
        second_opened=2,
    )
    assert expected
    assert services.reveal_for(viewer=asker, pack=pack).tokens == expected
    assert together.mutual_tokens(user=partner, pack=pack) == expected
    # A stored private match is the reveal, in the journey's rows as in the facts.
    assert stored_journey(asker.couple_id)[0]["revealed_packs"] == [pack.id]
    assert stored_journey(asker.couple_id) == journey_from_facts(asker.couple_id)
    page = client_for(partner).get(reverse("discovery:reveal")).content.decode()
    for token in expected:
        assert pack.activity(token.item_id).title in page


def test_a_change_of_answers_removes_the_match_for_both(client_for, on):
    asker, partner = on
    pack = default_pack()
    _run_through(client_for, asker, partner, _answers(ASKER, pack), _answers(PARTNER, pack))
    assert client_for(asker).post(reverse("discovery:private_changed")).status_code == 200
    assert services.reveal_for(viewer=partner, pack=pack).state == "waiting"
    assert not PrivateMatch.objects.exists()
    assert stored_journey(asker.couple_id)[0]["revealed_packs"] == []
    assert stored_journey(asker.couple_id) == journey_from_facts(asker.couple_id)


def test_two_different_mutual_sets_store_nothing(client_for, on):
    asker, partner = on
    a, b = client_for(asker), client_for(partner)
    run = PrivateRun.objects.get(
        public_id=a.post(reverse("discovery:private_run_start")).json()["public_id"]
    )
    people = private.people_of(asker)
    pack = default_pack()
    ra = _browser(asker, people, run, _answers(ASKER, pack))
    rb = _browser(partner, people, run, _answers(PARTNER, pack))
    _post(a, run, "round-one", ra.round_one())
    _post(b, run, "round-one", rb.round_one())
    _post(
        a,
        run,
        "round-two",
        rb.round_two(_view(b, run)["partner_round_one"])
        and ra.round_two(_view(a, run)["partner_round_one"]),
    )
    _post(b, run, "round-two", rb._round_two and [p.hex() for p in rb._round_two])
    activity = pack.activities[0]
    _post(
        a,
        run,
        "mutual",
        [f"{activity.id}|both|{activity.level}"]
        if "together" in activity.roles
        else [f"{activity.id}|a|{activity.level}"],
    )
    _post(b, run, "mutual", [])
    run.refresh_from_db()
    assert run.status == "run_again"
    assert not PrivateMatch.objects.exists()
    assert services.reveal_for(viewer=asker, pack=pack).state == "waiting"


@pytest.mark.parametrize(
    "bad, reason",
    [
        (["00" * 32] * 38, "identity"),
        ([], "wrong_size"),
        ("nope", "not_a_list"),
        (["ff" * 32] * 38, "not_a_point"),
    ],
)
def test_a_bad_set_is_refused_with_its_reason(client_for, on, bad, reason):
    asker, _partner = on
    a = client_for(asker)
    run = PrivateRun.objects.get(
        public_id=a.post(reverse("discovery:private_run_start")).json()["public_id"]
    )
    response = _post(a, run, "round-one", bad)
    assert response.status_code == 400 and response.json()["error"] == reason
    run.refresh_from_db()
    assert run.first_round_one is None and run.second_round_one is None


def test_an_unsorted_set_is_refused(client_for, on):
    asker, _partner = on
    a = client_for(asker)
    run = PrivateRun.objects.get(
        public_id=a.post(reverse("discovery:private_run_start")).json()["public_id"]
    )
    points = sorted(pm.random_point().hex() for _ in range(38))
    response = _post(a, run, "round-one", points[::-1])
    assert response.json()["error"] == "not_sorted"


def test_a_person_posts_once_per_step(client_for, on):
    asker, _partner = on
    a = client_for(asker)
    run = PrivateRun.objects.get(
        public_id=a.post(reverse("discovery:private_run_start")).json()["public_id"]
    )
    points = sorted(pm.random_point().hex() for _ in range(38))
    assert _post(a, run, "round-one", points).status_code == 200
    assert _post(a, run, "round-one", points).status_code == 409
    assert _post(a, run, "round-two", points).status_code == 409


def test_runs_are_limited_and_one_at_a_time(client_for, on):
    asker, partner = on
    a, b = client_for(asker), client_for(partner)
    first = a.post(reverse("discovery:private_run_start"))
    assert b.post(reverse("discovery:private_run_start")).json()["error"] == "run_in_progress"
    cancel = reverse(
        "discovery:private_run_cancel", kwargs={"public_id": first.json()["public_id"]}
    )
    b.post(cancel)
    for _ in range(2):
        run = a.post(reverse("discovery:private_run_start")).json()
        a.post(reverse("discovery:private_run_cancel", kwargs={"public_id": run["public_id"]}))
    refused = b.post(reverse("discovery:private_run_start"))
    assert refused.status_code == 409 and refused.json()["error"] == "run_limit"
    assert [r.number for r in private.runs_of(partner)] == [3, 2, 1]


def test_answers_are_locked_while_a_run_goes(client_for, on):
    asker, _partner = on
    a = client_for(asker)
    a.post(reverse("discovery:private_run_start"))
    assert a.post(reverse("discovery:private_changed")).json()["error"] == "locked"


def test_a_run_is_a_404_for_strangers_and_former_partners(client_for, on, stranger, former_partner):
    asker, _partner = on
    run_id = client_for(asker).post(reverse("discovery:private_run_start")).json()["public_id"]
    points = sorted(pm.random_point().hex() for _ in range(38))
    for person in (stranger, former_partner):
        c = client_for(person)
        assert (
            c.get(reverse("discovery:private_run", kwargs={"public_id": run_id})).status_code == 404
        )
        url = reverse("discovery:private_run_post", kwargs={"public_id": run_id})
        body = json.dumps({"step": "round-one", "set": points})
        assert c.post(url, body, content_type="application/json").status_code == 404
        cancel = reverse("discovery:private_run_cancel", kwargs={"public_id": run_id})
        assert c.post(cancel).status_code == 404
    assert PrivateRun.objects.get(public_id=run_id).status == "round_one"


def test_in_private_mode_the_ordinary_ladder_saves_nothing(client_for, on):
    asker, _partner = on
    pack = default_pack()
    activity = pack.activities[0]
    field = f"{activity.id}__{activity.roles[0]}"
    response = client_for(asker).post(reverse("discovery:discover"), {field: "yes"})
    assert response.status_code == 302
    assert not Answer.objects.filter(person=asker).exists()


def test_the_private_ladder_page_holds_no_form_around_the_answers(client_for, on):
    asker, _partner = on
    page = client_for(asker).get(reverse("discovery:private_ladder")).content.decode()
    ladder = page[
        page.index('id="private-ladder"') : page.index(
            "</fieldset>", page.index('id="private-ladder"')
        )
    ]
    assert "<form" not in page[: page.index('id="private-ladder"')].split("</form>")[-1]
    assert "<form" not in ladder
    assert "private-ladder.js" in page


def test_the_browser_is_told_public_ids_never_primary_keys(client_for, on):
    asker, partner = on
    state = client_for(asker).get(reverse("discovery:private_state")).json()
    assert state["couple"] == asker.couple.public_id.hex
    assert state["me"] == asker.public_id.hex
    assert sorted(state["people"]) == sorted([asker.public_id.hex, partner.public_id.hex])
    run = private.start_run(person=asker, pack=default_pack())
    assert (
        private.run_dst(run)
        == (
            f"Handhold private matching v1;couple={asker.couple.public_id.hex};"
            f"run={run.public_id.hex}"
        ).encode()
    )


def test_moving_to_public_ids_keeps_each_stored_match_as_it_read(on):
    """Migration 0005: where the two people sort the other way round by public id than by
    primary key, "a" and "b" swap in the stored match, so it names the same receivers."""
    from django.apps import apps

    migration = importlib.import_module(
        "handhold.discovery.migrations.0005_private_matching_public_ids"
    )
    asker, partner = on
    pack = default_pack()
    give = next(a for a in pack.activities if "give" in a.roles)
    by_pk = sorted([asker, partner], key=lambda p: str(p.pk))
    # Stored as before: "a" is the first by primary key, receiving.
    PrivateMatch.objects.create(
        couple_id=asker.couple_id, pack_id=pack.id, tokens=[f"{give.id}|a|{give.level}"]
    )
    for n, (first, second) in enumerate((by_pk, by_pk[::-1])):
        User.objects.filter(pk=first.pk).update(public_id=uuid.UUID(int=10 * n + 1))
        User.objects.filter(pk=second.pk).update(public_id=uuid.UUID(int=10 * n + 2))
        PrivateMatch.objects.update(tokens=[f"{give.id}|a|{give.level}"])
        migration._reorder_matches(apps)
        (token,) = private.stored_mutual(viewer=asker, pack=pack)
        assert token.receiver == str(by_pk[0].pk)


def _strings(html: str) -> dict:
    block = re.search(
        r'<script type="application/json" id="private-strings">(.*?)</script>', html, re.S
    )
    return json.loads(block.group(1))


def test_every_sentence_the_script_says_comes_from_the_page_in_its_language(client_for, on):
    """private-ladder.js shows only strings the page rendered with gettext: each key it asks
    for is there, and in Spanish they are Spanish, with their {values} kept."""
    asker, _partner = on
    script = (STATIC / "private-ladder.js").read_text()
    asked = set(re.findall(r'\bt\("(\w+)"', script))
    asked |= {k for pair in re.findall(r'\bt\([\w.]+ \? "(\w+)" : "(\w+)"', script) for k in pair}
    url = reverse("discovery:private_ladder")
    english = _strings(client_for(asker).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode())
    spanish = _strings(client_for(asker).get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode())
    assert asked == set(english) == set(spanish)
    for key, text in english.items():
        assert spanish[key] != text, key
        assert re.findall(r"\{\w+\}", spanish[key]) == re.findall(r"\{\w+\}", text), key


# The locked copy, to continue on another device ------------------------------------------------

COPY_PHRASE = "K3QZ8M2D7XTR4W9N6BHC1PVA"


def _sealed(person, content, iv=b"\x01" * 12):
    copy = ac.seal_copy(
        content, phrase=COPY_PHRASE, person_id=person.public_id.hex, salt=b"\x02" * 16, iv=iv
    )
    return {"salt": copy.salt, "iv": copy.iv, "ciphertext": copy.ciphertext}


def _post_copy(client, copy, based_on):
    return client.post(
        reverse("discovery:private_copy"),
        json.dumps({"copy": copy, "based_on": based_on}),
        content_type="application/json",
    )


def test_the_stored_copy_holds_no_item_id_and_no_answer(client_for, on):
    asker, _partner = on
    pack = default_pack()
    answers = {f"{a.id}__{role}": "curious" for a in pack.activities for role in a.roles}
    content = {"format": 1, "couple": "c", "since": "s", "packs": {pack.id: answers}}
    response = _post_copy(client_for(asker), _sealed(asker, content), None)
    assert response.status_code == 200 and response.json() == {"version": 1}
    row = PrivateAnswersCopy.objects.get(person=asker)
    stored = " ".join(str(v) for v in PrivateAnswersCopy.objects.values_list().get(pk=row.pk))
    for activity in pack.activities:
        assert activity.id not in stored
    for word in ("yes", "curious", pack.id, COPY_PHRASE, COPY_PHRASE.lower()):
        assert word not in stored
    # Only the phrase opens it, and it holds what the browser sealed.
    assert ac.open_copy(
        ac.Copy(row.salt, row.iv, row.ciphertext), phrase=COPY_PHRASE, person_id=asker.public_id.hex
    ) == json.loads(json.dumps(content))


def test_a_plaintext_is_refused_never_stored(client_for, on):
    asker, _partner = on
    pack = default_pack()
    plain = json.dumps({pack.activities[0].id: "yes"})
    copy = {"salt": "00" * 16, "iv": "00" * 12, "ciphertext": plain}
    response = _post_copy(client_for(asker), copy, None)
    assert response.status_code == 400 and response.json()["error"] == "bad_ciphertext"
    assert not PrivateAnswersCopy.objects.exists()


def test_a_device_that_missed_a_newer_copy_cannot_overwrite_it(client_for, on):
    asker, _partner = on
    first, second = client_for(asker), client_for(asker)
    assert _post_copy(first, _sealed(asker, {"n": 1}), None).json() == {"version": 1}
    assert _post_copy(second, _sealed(asker, {"n": 2}, b"\x03" * 12), 1).json() == {"version": 2}
    stale = _post_copy(first, _sealed(asker, {"n": 3}, b"\x04" * 12), 1)
    assert stale.status_code == 409 and stale.json()["error"] == "copy_changed"
    copy = first.get(reverse("discovery:private_copy")).json()["copy"]
    assert copy["version"] == 2 and copy["iv"] == "03" * 12
    assert client_for(asker).get(reverse("discovery:private_state")).json()["copy_version"] == 2


def test_a_copy_is_its_persons_alone_and_goes_when_the_mode_does(
    client_for, on, stranger, former_partner
):
    asker, partner = on
    _post_copy(client_for(asker), _sealed(asker, {"n": 1}), None)
    for person in (partner, stranger, former_partner):
        assert client_for(person).get(reverse("discovery:private_copy")).json() == {"copy": None}
    assert client_for(partner).post(reverse("discovery:private_copy_delete")).status_code == 200
    assert PrivateAnswersCopy.objects.filter(person=asker).exists()  # not the partner's to delete
    private.untick(person=partner)
    assert not PrivateAnswersCopy.objects.exists()
    refused = _post_copy(client_for(asker), _sealed(asker, {"n": 1}), None)
    assert refused.status_code == 409 and refused.json()["error"] == "not_on"


def test_stopping_the_copy_deletes_it_at_once(client_for, on):
    asker, _partner = on
    _post_copy(client_for(asker), _sealed(asker, {"n": 1}), None)
    assert client_for(asker).post(reverse("discovery:private_copy_delete")).status_code == 200
    assert not PrivateAnswersCopy.objects.exists()


def test_the_export_holds_ones_own_sealed_copy_and_never_the_partners(client_for, on):
    asker, partner = on
    _post_copy(client_for(asker), _sealed(asker, {"n": 1}), None)
    mine = services.export_for(asker)["private_answers_copy"]
    row = PrivateAnswersCopy.objects.get(person=asker)
    assert (mine["salt"], mine["iv"], mine["ciphertext"]) == (row.salt, row.iv, row.ciphertext)
    assert services.export_for(partner)["private_answers_copy"] is None
