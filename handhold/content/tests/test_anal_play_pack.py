"""What the default pack promises its readers: a complete prepare checklist, a resource list
with every kind in it, and reassurance for anyone curious about receiving.

These read the pack directly (no database): they protect its content, not the schema, which
handhold/core/tests/test_packs.py covers."""

import re
from pathlib import Path

import pytest

from handhold.content.tests.packtext import pack_text
from handhold.core.packs import load_pack

PACK_DIR = Path(__file__).resolve().parents[1] / "packs" / "anal-play"


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK_DIR)


# Prepare ------------------------------------------------------------------------------------

# Saved ticks point at these ids: they may never disappear or change.
PERMANENT_SUPPLY_IDS = {"lube", "towels", "sober", "receiver-in-control"}

SUPPLIES = {"lube", "gloves", "condoms", "toy-with-flared-base", "trimmed-nails", "towels"}
COMMITMENTS = {"sober", "go-slowly", "receiver-in-control", "stop-word", "traffic-lights"}


def test_saved_ticks_keep_pointing_at_existing_items(pack):
    assert {item.id for item in pack.supplies} >= PERMANENT_SUPPLY_IDS


def test_the_checklist_has_every_supply_and_every_commitment(pack):
    by_kind = {"supply": set(), "commitment": set()}
    for item in pack.supplies:
        by_kind[item.kind].add(item.id)
    assert by_kind["supply"] >= SUPPLIES
    assert by_kind["commitment"] >= COMMITMENTS


def test_every_checklist_item_says_why_in_one_short_line(pack):
    for item in pack.supplies:
        # A sentence or two, not an essay: it sits under a tick box.
        assert 20 <= len(item.detail) <= 200, item.id
        assert "\n" not in item.detail, item.id


def test_the_lube_item_names_which_kind_goes_with_what(pack):
    detail = next(item.detail for item in pack.supplies if item.id == "lube").lower()
    for word in ("water-based", "silicone", "oil", "latex"):
        assert word in detail


def test_the_condom_item_says_a_new_one_before_anal_to_vaginal(pack):
    detail = next(item.detail for item in pack.supplies if item.id == "condoms").lower()
    assert "fresh" in detail or "new" in detail
    assert "anal to vaginal" in detail


# Resources ----------------------------------------------------------------------------------


def test_resources_include_a_film_two_books_a_class_and_a_shop(pack):
    kinds = [resource.kind for resource in pack.resources]
    assert kinds.count("film") >= 1
    assert kinds.count("book") >= 2
    assert kinds.count("class") >= 1
    assert kinds.count("shop") >= 1


def test_every_resource_says_what_it_is_good_for(pack):
    for resource in pack.resources:
        assert len(resource.note) >= 30, resource.id


# Anyone can receive -------------------------------------------------------------------------


def test_is_it_you_reassures_anyone_curious_about_receiving(pack):
    question = next(q for q in pack.reflection if q.id == "curious-to-receive")
    assert question.stage == "is-it-you"
    why = question.why.lower()
    assert "every gender" in why and "orientation" in why
    assert "attracted to" in why
    assert question.card == "receiving-is-for-anyone"


def test_the_receiving_card_credits_its_sources(pack):
    card = pack.card("receiving-is-for-anyone")
    assert card is not None
    titles = {source.title for source in card.sources}
    assert {"Anal Pleasure and Health", "The Ultimate Guide to Prostate Pleasure"} <= titles
    # Facts are credited in the text too, not only listed underneath.
    assert "Morin" in card.body and "Glickman" in card.body
    assert "prostate" in card.body.lower()


def test_the_is_it_you_page_shows_the_reassurance_and_its_card(client_for, stranger):
    from django.urls import reverse

    html = client_for(stranger).get(reverse("conversation:is_it_you")).content.decode()
    assert 'id="q-curious-to-receive"' in html
    assert "It says nothing about who you are attracted to" in html
    assert reverse("discovery:card", args=["receiving-is-for-anyone"]) in html


# Voice --------------------------------------------------------------------------------------


def test_the_voice_guide_examples_are_real_copy_from_this_pack(pack):
    guide = (PACK_DIR / "VOICE.md").read_text(encoding="utf-8")
    pairs = re.findall(r'^- Before: "(.+)"\n- After: "(.+)"$', guide, flags=re.MULTILINE)
    assert len(pairs) >= 3
    text = pack_text(pack)
    for before, after in pairs:
        assert after in text, after
        assert before not in text, before


AVOIDED = re.compile(
    r"\b(?:get (?:my|your|their) partner to|convince|talk (?:them|him|her) into)\b"
)


def test_the_new_copy_never_sells(pack):
    # "Is it you?" quotes these words on purpose, to name them; nowhere else may use them.
    texts = [item.detail for item in pack.supplies] + [r.note for r in pack.resources]
    texts += [card.body for card in pack.cards] + [card.summary for card in pack.cards]
    texts += [q.why for q in pack.reflection if q.stage == "reflect"]
    texts += [idea.text for idea in pack.notice]
    for text in texts:
        assert not AVOIDED.search(text.lower()), text


# Notice -------------------------------------------------------------------------------------

# Anything beyond a look or a word is a question to ask first, never a surprise.
TOUCH = {"touch-over-clothes", "playful-squeeze", "kisses-lower-back"}


def test_notice_has_looks_words_and_questions_from_the_gentlest_items(pack):
    kinds = [idea.kind for idea in pack.notice]
    assert kinds.count("look") >= 2 and kinds.count("word") >= 3 and kinds.count("ask") >= 3
    drawn_from = {idea.activity for idea in pack.notice if idea.activity}
    assert "compliment-body" in drawn_from and drawn_from & TOUCH
    for idea in pack.notice:
        if idea.activity:
            assert pack.activity(idea.activity).level == 1, idea.id


def test_every_touch_in_notice_is_asked_first(pack):
    for idea in pack.notice:
        if idea.activity in TOUCH:
            assert idea.kind == "ask", idea.id
        if idea.kind == "ask":
            assert idea.text.endswith("?"), idea.id


def test_notice_ideas_pass_our_own_pressure_checker(pack):
    from handhold.core.pressure import check

    for idea in pack.notice:
        result = check(idea.text)
        assert not result.pressuring, (idea.id, result.findings)


def test_notice_ideas_are_short_and_never_say_try_or_just(pack):
    for idea in pack.notice:
        assert len(idea.text) <= 160, idea.id
        assert not re.search(r"\b(?:try|just)\b", idea.text.lower()), idea.id
