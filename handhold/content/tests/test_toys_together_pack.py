"""The second shipped pack, toys-together: it passes the same check as `handhold content check`,
meets the minimums issue #18 set for a pack (12+ activities over all 5 levels, 8+ cards, each
with a source), and keeps the safety points and the voice a partner should be able to rely on.

These read the pack directly (no database), like test_anal_play_pack.py. The pack is not served
by default: choosing a topic is separate work."""

import re
from pathlib import Path

import pytest

from handhold.cli import main
from handhold.content.tests.packtext import examples_missing_their_cues
from handhold.core.conversation import NO_IS_FINE
from handhold.core.packs import load_pack, load_packs

PACKS = Path(__file__).resolve().parents[1] / "packs"
PACK_DIR = PACKS / "toys-together"


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK_DIR)


# The check and the minimums ----------------------------------------------------------------


def test_the_pack_passes_handhold_content_check(capsys):
    assert main(["content", "check", str(PACK_DIR)]) == 0
    out = capsys.readouterr().out
    assert "ok: pack 'toys-together'" in out


def test_it_loads_beside_the_default_pack_under_its_own_id():
    packs = load_packs([PACKS / "anal-play", PACK_DIR])
    assert set(packs) == {("anal-play", "en"), ("toys-together", "en")}


def test_the_ladder_has_at_least_12_activities_across_all_5_levels(pack):
    assert len(pack.activities) >= 12
    assert {activity.level for activity in pack.activities} == {1, 2, 3, 4, 5}


def test_there_are_at_least_8_cards_and_each_names_a_source(pack):
    assert len(pack.cards) >= 8
    for card in pack.cards:
        assert card.sources, card.id
        for source in card.sources:
            assert source.url or source.citation, (card.id, source.title)


def test_every_card_is_reachable_from_the_ladder_or_the_checklist(pack):
    linked = {item.card for item in (*pack.activities, *pack.reflection, *pack.supplies)}
    assert {card.id for card in pack.cards} <= linked


def test_the_pack_has_its_own_reflection_checklist_supplies_and_resources(pack):
    stages = {question.stage for question in pack.reflection}
    assert stages == {"reflect", "is-it-you"}
    assert {question.audience for question in pack.reflection} >= {"asker", "invited"}
    assert len(pack.checklist) >= 5
    assert {item.kind for item in pack.supplies} == {"supply", "commitment"}
    assert {resource.kind for resource in pack.resources} >= {"book", "class", "shop"}


# Roles, as the default pack models them ----------------------------------------------------


def test_roles_are_give_and_receive_or_together_alone(pack):
    for activity in pack.activities:
        assert activity.roles in (["give", "receive"], ["together"]), activity.id


def test_the_ladder_goes_from_talking_to_playing_together(pack):
    gentlest = {a.id for a in pack.activities if a.level == 1}
    assert {"talk-about-toys", "browse-a-shop-together", "show-each-other-a-toy"} <= gentlest
    middle = {a.id for a in pack.activities if a.level == 3}
    assert {"use-a-toy-while-watched", "use-a-toy-while-held"} <= middle
    assert pack.activity("toy-during-partnered-play").level == 5


# Safety points -----------------------------------------------------------------------------


def test_anything_anal_names_the_flared_base_or_stays_outside(pack):
    for activity in pack.activities:
        text = f"{activity.title} {activity.description}".lower()
        if "anal" in text or "anus" in text:
            assert "flared base" in text or "outside" in text, activity.id
            if "outside" not in text:
                assert activity.card == "flared-base-for-anal", activity.id


def test_the_supplies_cover_lube_materials_charge_cleaning_stop_word_and_aftercare(pack):
    ids = {item.id for item in pack.supplies}
    assert {"body-safe-toy", "lube", "charged-toy", "condoms", "soap-and-water"} <= ids
    assert {"stop-word", "receiver-in-control", "aftercare"} <= ids
    lube = next(item.detail for item in pack.supplies if item.id == "lube").lower()
    assert "water-based" in lube and "silicone" in lube and "latex" in lube
    for item in pack.supplies:
        assert 20 <= len(item.detail) <= 200, item.id
        assert "\n" not in item.detail, item.id


def test_the_cards_carry_the_safety_facts(pack):
    bodies = {card.id: " ".join(card.body.split()).lower() for card in pack.cards}
    assert "can ruin silicone toys" in bodies["lube-and-toys"]
    assert "flared base" in bodies["flared-base-for-anal"]
    switching = bodies["sharing-and-switching"]
    assert "new condom" in switching and "from the anus to anywhere else" in switching
    for material in ("silicone", "glass", "stainless steel", "porous"):
        assert material in bodies["body-safe-materials"], material


# The conversation and Notice ---------------------------------------------------------------


def test_the_checklist_has_the_points_handhold_treats_specially(pack):
    by_id = {point.id: point for point in pack.checklist}
    assert NO_IS_FINE in by_id
    assert by_id["in-control"].bookend


def test_each_example_line_is_covered_by_its_own_cues(pack):
    assert examples_missing_their_cues(pack) == []


def test_the_example_lines_and_notice_ideas_pass_our_own_pressure_checker(pack):
    from handhold.core.pressure import check

    for point in pack.checklist:
        for style, example in point.examples.items():
            result = check(example)
            assert not result.pressuring, (point.id, style, result.findings)
            if point.id == NO_IS_FINE:
                assert result.says_no_is_fine, (point.id, style)
    for idea in pack.notice:
        assert not check(idea.text).pressuring, idea.id


def test_notice_ideas_are_short_asks_are_questions_and_come_from_level_1(pack):
    for idea in pack.notice:
        assert len(idea.text) <= 160, idea.id
        assert not re.search(r"\b(?:try|just)\b", idea.text.lower()), idea.id
        if idea.kind == "ask":
            assert idea.text.endswith("?"), idea.id
        if idea.activity:
            assert pack.activity(idea.activity).level == 1, idea.id


SELLING = re.compile(
    r"\b(?:get (?:my|your|their) partner to|convince|talk (?:them|him|her) into)\b"
)


def test_the_copy_never_sells(pack):
    texts = [item.detail for item in pack.supplies] + [r.note for r in pack.resources]
    texts += [card.body for card in pack.cards] + [card.summary for card in pack.cards]
    texts += [q.why for q in pack.reflection] + [a.description for a in pack.activities]
    for text in texts:
        assert not SELLING.search(text.lower()), text
