"""The pack schema: a good pack loads, and every kind of mistake gets one clear line."""

import shutil
from pathlib import Path

import pytest

from handhold.core.packs import PackError, load_pack, load_packs

DEFAULT_PACK = Path(__file__).resolve().parents[2] / "content" / "packs" / "anal-play"


@pytest.fixture
def pack_copy(tmp_path):
    target = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK, target)
    return target


def problems_of(path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(path)
    return caught.value.problems


def append(path: Path, text: str) -> int:
    """Add items to a pack file; return the position the first new item will have."""
    position = path.read_text().count("\n- ") + path.read_text().startswith("- ") + 1
    path.write_text(path.read_text() + text)
    return position


def test_default_pack_is_valid():
    pack = load_pack(DEFAULT_PACK)
    assert pack.id == "anal-play"
    assert pack.manifest.language == "en"
    assert pack.activities and pack.reflection and pack.cards
    assert pack.checklist and pack.supplies and pack.resources
    assert all(card.sources for card in pack.cards)


def test_every_card_link_in_the_default_pack_resolves():
    pack = load_pack(DEFAULT_PACK)
    for item in (*pack.activities, *pack.reflection, *pack.supplies):
        if item.card:
            assert pack.card(item.card) is not None


def test_duplicate_id_names_file_item_and_field(pack_copy):
    n = append(
        pack_copy / "activities.yaml",
        "\n- id: buttock-massage\n  title: Again\n  description: A copy.\n  level: 2\n"
        "  roles: [give]\n",
    )
    problems = problems_of(pack_copy)
    assert len(problems) == 1
    assert problems[0].startswith(
        f"activities.yaml: item 'buttock-massage' (#{n}): id: duplicate id"
    )


def test_unknown_role_is_named(pack_copy):
    n = append(
        pack_copy / "activities.yaml",
        "\n- id: new-thing\n  title: New\n  description: New.\n  level: 2\n  roles: [watch]\n",
    )
    (problem,) = problems_of(pack_copy)
    assert problem.startswith(
        f"activities.yaml: item 'new-thing' (#{n}): roles: 'watch' is not allowed"
    )


def test_level_seven_is_out_of_range(pack_copy):
    n = append(
        pack_copy / "activities.yaml",
        "\n- id: too-far\n  title: Too far\n  description: x\n  level: 7\n  roles: [give]\n",
    )
    (problem,) = problems_of(pack_copy)
    assert problem == (
        f"activities.yaml: item 'too-far' (#{n}): level: 7 is out of range: less than or equal to 5"
    )


def test_card_without_a_source_is_refused(pack_copy):
    n = append(
        pack_copy / "cards.yaml",
        "\n- id: no-source\n  title: T\n  summary: S\n  body: B\n  sources: []\n",
    )
    (problem,) = problems_of(pack_copy)
    assert problem == f"cards.yaml: item 'no-source' (#{n}): sources: needs at least one source"


def test_card_with_sources_left_out_is_a_missing_field(pack_copy):
    n = append(pack_copy / "cards.yaml", "\n- id: no-source\n  title: T\n  summary: S\n  body: B\n")
    (problem,) = problems_of(pack_copy)
    assert (
        problem == f"cards.yaml: item 'no-source' (#{n}): sources: missing (this field is required)"
    )


def test_missing_field_is_named(pack_copy):
    n = append(pack_copy / "reflection.yaml", "\n- id: no-why\n  question: Where?\n")
    (problem,) = problems_of(pack_copy)
    assert (
        problem == f"reflection.yaml: item 'no-why' (#{n}): why: missing (this field is required)"
    )


def test_item_without_id_is_named_by_position(pack_copy):
    n = append(pack_copy / "checklist.yaml", "\n- title: T\n  detail: D\n")
    (problem,) = problems_of(pack_copy)
    assert problem == f"checklist.yaml: item #{n}: id: missing (this field is required)"


def test_yaml_syntax_error_gives_its_line(pack_copy):
    (pack_copy / "supplies.yaml").write_text("- id: lube\n  kind: supply\n   title: [oops\n")
    (problem,) = problems_of(pack_copy)
    assert problem.startswith("supplies.yaml: line 3, column ")
    assert "YAML syntax error" in problem


def test_typo_in_a_field_name_is_reported(pack_copy):
    text = (pack_copy / "cards.yaml").read_text().replace("sources:", "sourecs:", 1)
    (pack_copy / "cards.yaml").write_text(text)
    problems = problems_of(pack_copy)
    assert "cards.yaml: item 'lube-is-required' (#1): sourecs: unknown field (is it a typo?)" in (
        problems
    )


def test_link_to_a_card_that_does_not_exist(pack_copy):
    text = (
        (pack_copy / "supplies.yaml")
        .read_text()
        .replace("card: lube-is-required", "card: lube-is-requried")
    )
    (pack_copy / "supplies.yaml").write_text(text)
    (problem,) = problems_of(pack_copy)
    assert problem == (
        "supplies.yaml: item 'lube' (#1): card: no card with id 'lube-is-requried' in cards.yaml"
    )


def test_together_cannot_be_mixed_with_give_or_receive(pack_copy):
    n = append(
        pack_copy / "activities.yaml",
        "\n- id: mixed\n  title: M\n  description: D\n  level: 1\n  roles: [together, give]\n",
    )
    (problem,) = problems_of(pack_copy)
    assert problem.startswith(f"activities.yaml: item 'mixed' (#{n}): roles: 'together'")


def test_missing_file_is_reported(pack_copy):
    (pack_copy / "resources.yaml").unlink()
    assert problems_of(pack_copy) == ["resources.yaml: file is missing"]


def test_every_problem_is_reported_at_once(pack_copy):
    append(
        pack_copy / "activities.yaml",
        "\n- id: a-b\n  title: T\n  description: D\n  level: 9\n  roles: [hold]\n",
    )
    append(pack_copy / "reflection.yaml", "\n- id: q\n  question: Q\n")
    assert len(problems_of(pack_copy)) == 3


def test_two_packs_with_the_same_id_are_refused(pack_copy):
    with pytest.raises(PackError) as caught:
        load_packs([DEFAULT_PACK, pack_copy])
    assert "pack id 'anal-play' in language 'en' is already used" in caught.value.problems[0]


def test_a_second_pack_with_its_own_id_loads_beside_the_default(pack_copy):
    text = (pack_copy / "manifest.yaml").read_text().replace("id: anal-play", "id: second-topic")
    (pack_copy / "manifest.yaml").write_text(text)
    packs = load_packs([DEFAULT_PACK, pack_copy])
    assert set(packs) == {("anal-play", "en"), ("second-topic", "en")}


# Notice ideas (notice.yaml, optional) -------------------------------------------------------


def test_the_default_pack_has_notice_ideas_of_every_kind():
    pack = load_pack(DEFAULT_PACK)
    assert {idea.kind for idea in pack.notice} == {"look", "word", "ask"}
    assert pack.notice_idea("a-hug-that-lingers") is not None
    assert pack.notice_idea("no-such-idea") is None


def test_a_pack_without_notice_ideas_still_loads(pack_copy):
    (pack_copy / "notice.yaml").unlink()
    assert load_pack(pack_copy).notice == ()


def test_an_ask_idea_that_is_not_a_question_is_refused(pack_copy):
    n = append(
        pack_copy / "notice.yaml",
        "\n- id: surprise-squeeze\n  kind: ask\n"
        "  text: Give their bum a squeeze when they least expect it.\n",
    )
    (problem,) = problems_of(pack_copy)
    assert problem == (
        f"notice.yaml: item 'surprise-squeeze' (#{n}): text: an 'ask' idea is a question to ask "
        "first, so it ends with a question mark"
    )


def test_an_unknown_notice_kind_is_named(pack_copy):
    n = append(pack_copy / "notice.yaml", "\n- id: a-wink\n  kind: surprise\n  text: Wink.\n")
    (problem,) = problems_of(pack_copy)
    assert problem.startswith(f"notice.yaml: item 'a-wink' (#{n}): kind: 'surprise' is not allowed")


def test_a_notice_idea_from_a_missing_activity_is_named(pack_copy):
    n = append(
        pack_copy / "notice.yaml",
        "\n- id: ask-a-thing\n  kind: ask\n  activity: no-such-thing\n  text: May I?\n",
    )
    (problem,) = problems_of(pack_copy)
    assert problem == (
        f"notice.yaml: item 'ask-a-thing' (#{n}): activity: "
        "no activity with id 'no-such-thing' in activities.yaml"
    )


def test_a_notice_idea_only_comes_from_the_gentlest_level(pack_copy):
    n = append(
        pack_copy / "notice.yaml",
        "\n- id: ask-a-massage\n  kind: ask\n  activity: buttock-massage\n  text: A massage?\n",
    )
    (problem,) = problems_of(pack_copy)
    assert problem == (
        f"notice.yaml: item 'ask-a-massage' (#{n}): activity: 'buttock-massage' is level 2; "
        "Notice ideas come only from level 1, the gentlest"
    )


def test_a_duplicate_notice_id_is_named(pack_copy):
    n = append(pack_copy / "notice.yaml", "\n- id: hold-their-eye\n  kind: look\n  text: Again.\n")
    (problem,) = problems_of(pack_copy)
    assert problem.startswith(f"notice.yaml: item 'hold-their-eye' (#{n}): id: duplicate id")
