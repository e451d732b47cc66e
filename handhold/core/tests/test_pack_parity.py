"""Two language versions of one pack must hold the same item ids, because saved answers, ticks
and journal entries refer to ids whichever language a person reads.

compare_language_versions is the one place that decides (with the same levels and roles on
each activity, too); `handhold content check` reports what
it finds, for two folders given together or for a folder and a known pack with its id."""

import shutil
from pathlib import Path

import pytest
import yaml

from handhold.cli import main
from handhold.core.packs import compare_language_versions, load_pack

DEFAULT_PACK = Path(__file__).resolve().parents[2] / "content" / "packs" / "anal-play"


def copy_as(tmp_path, name: str, language: str) -> Path:
    """A copy of the default pack under `name`, in `language` (its text left in English)."""
    target = tmp_path / name
    shutil.copytree(DEFAULT_PACK, target)
    manifest = (target / "manifest.yaml").read_text()
    (target / "manifest.yaml").write_text(manifest.replace("language: en", f"language: {language}"))
    return target


def edit_items(folder: Path, file_name: str, change) -> None:
    items = yaml.safe_load((folder / file_name).read_text())
    (folder / file_name).write_text(yaml.safe_dump(change(items), allow_unicode=True))


def without(item_id):
    return lambda items: [item for item in items if item["id"] != item_id]


@pytest.fixture
def english(tmp_path):
    return copy_as(tmp_path, "english", "en")


@pytest.fixture
def spanish(tmp_path):
    return copy_as(tmp_path, "spanish", "es")


def test_a_matching_pair_has_no_problems(english, spanish):
    assert compare_language_versions(load_pack(english), load_pack(spanish)) == []


def test_the_wording_may_differ_freely(english, spanish):
    def reword(items):
        for item in items:
            item["title"] = "Otro título"
        return items

    edit_items(spanish, "activities.yaml", reword)
    assert compare_language_versions(load_pack(english), load_pack(spanish)) == []


def test_a_missing_activity_is_named_with_its_file(english, spanish):
    edit_items(spanish, "activities.yaml", without("pegging"))
    problems = compare_language_versions(load_pack(english), load_pack(spanish))
    assert problems == [
        f"{spanish}/activities.yaml: id 'pegging' is missing: the en version "
        f"({english}/activities.yaml) has it; ids must be the same in every language"
    ]


def test_an_extra_card_is_named_with_its_file(english, spanish):
    extra = {
        "id": "solo-en-espanol",
        "title": "T",
        "summary": "S",
        "body": "B",
        "sources": [{"title": "X", "citation": "Y"}],
    }
    edit_items(spanish, "cards.yaml", lambda items: [*items, extra])
    problems = compare_language_versions(load_pack(english), load_pack(spanish))
    assert problems == [
        f"{spanish}/cards.yaml: id 'solo-en-espanol' is not in the en version "
        f"({english}/cards.yaml); ids must be the same in every language"
    ]


def test_every_kind_of_item_is_compared(english, spanish):
    files = {
        "activities.yaml": "pegging",
        "reflection.yaml": "goal-or-play",
        "cards.yaml": "when-to-see-a-doctor",
        "checklist.yaml": "listening",
        "supplies.yaml": "traffic-lights",
        "resources.yaml": "lovehoney",
        "notice.yaml": "a-playful-spank",
    }
    for file_name, item_id in files.items():
        edit_items(spanish, file_name, without(item_id))
    problems = compare_language_versions(load_pack(english), load_pack(spanish))
    assert len(problems) == len(files)
    for (file_name, item_id), line in zip(files.items(), problems, strict=True):
        assert line.startswith(f"{spanish}/{file_name}: id '{item_id}' is missing"), line


def test_a_pack_without_notice_ideas_is_missing_every_one(english, spanish):
    (spanish / "notice.yaml").unlink()
    problems = compare_language_versions(load_pack(english), load_pack(spanish))
    assert problems and all("/notice.yaml: id '" in line for line in problems)


# handhold content check --------------------------------------------------------------------


def test_content_check_compares_two_folders_given_together(english, spanish, capsys):
    assert main(["content", "check", str(english), str(spanish)]) == 0
    assert f"{spanish}: ok: the same ids as the en version ({english})" in capsys.readouterr().out


def test_content_check_fails_when_two_folders_differ(english, spanish, capsys):
    edit_items(spanish, "cards.yaml", without("when-to-see-a-doctor"))
    assert main(["content", "check", str(english), str(spanish)]) == 1
    err = capsys.readouterr().err
    assert f"{spanish}/cards.yaml: id 'when-to-see-a-doctor' is missing" in err


def test_content_check_refuses_a_translation_whose_ladder_differs(english, spanish, capsys):
    # The start-up check refuses it (partners reading different languages share one ladder),
    # so content check says so first, in the same words.
    def lower_pegging(items):
        for item in items:
            if item["id"] == "pegging":
                item["level"] = 1
        return items

    edit_items(spanish, "activities.yaml", lower_pegging)
    assert main(["content", "check", str(english), str(spanish)]) == 1
    err = capsys.readouterr().err
    assert f"{spanish}/activities.yaml: 'pegging': level 1, but level " in err


def test_content_check_compares_with_a_known_pack_of_the_same_id(spanish, capsys, monkeypatch):
    # The shipped English pack is known to every installation: a Spanish folder checked on its
    # own is compared with it.
    monkeypatch.delenv("HANDHOLD_CONTENT_PACKS", raising=False)
    edit_items(spanish, "supplies.yaml", without("towels"))
    assert main(["content", "check", str(spanish)]) == 1
    err = capsys.readouterr().err
    assert f"{spanish}/supplies.yaml: id 'towels' is missing: the en version" in err
    assert f"{DEFAULT_PACK}/supplies.yaml" in err


def test_content_check_reads_the_packs_an_installation_adds(tmp_path, english, capsys, monkeypatch):
    french = copy_as(tmp_path, "french", "fr")
    edit_items(french, "checklist.yaml", lambda items: items[:-1])
    monkeypatch.setenv("HANDHOLD_CONTENT_PACKS", str(french))
    assert main(["content", "check", str(english)]) == 1
    err = capsys.readouterr().err
    assert f"{english}/checklist.yaml: id 'no-is-fine' is not in the fr version" in err


def test_packs_of_the_same_language_or_another_id_are_not_compared(tmp_path, english, capsys):
    other = copy_as(tmp_path, "other", "es")
    manifest = (other / "manifest.yaml").read_text().replace("id: anal-play", "id: other-topic")
    (other / "manifest.yaml").write_text(manifest)
    edit_items(other, "cards.yaml", without("when-to-see-a-doctor"))
    assert main(["content", "check", str(english), str(other)]) == 0
    assert "other" not in capsys.readouterr().err
